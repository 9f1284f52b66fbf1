import { expect } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import { createRelay, type RelayLogEntry } from '../../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig } from '../../src/relay/config.js';
import { CERT_URL, GOOD_LEAD, PAGE_ORIGIN, testRelay, withDestination } from '../helpers/relay.js';
import { newScenario, script } from '../helpers/standins.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { withinOneRateWindow } from '../helpers/rate-window.js';

describe('the relay protocol (v1)', () => {
  it('answers GET /healthz', async () => {
    const response = await testRelay().app.request('/healthz');
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ ok: true });
  });

  it('answers 201 {id, outcome, next} for a delivered lead', async () => {
    const answer = await testRelay().create('webhook', { lead: GOOD_LEAD });
    expect(answer.status).to.equal(201);
    expect(Object.keys(answer.body).sort()).to.deep.equal(['id', 'next', 'outcome']);
    expect(answer.body['outcome']).to.deep.equal({ status: 'accepted', retryable: false, destinationId: 'wh_1' });
  });

  it('answers 422 {errors, codes} for bad fields, and sends nothing', async () => {
    const relay = testRelay();
    const answer = await relay.create('pingtree', { lead: { ...GOOD_LEAD, mobile: '555-1234', zip_code: '1' } });
    expect(answer.status).to.equal(422);
    expect(answer.body['codes']).to.deep.equal({ mobile: 'phone_length', zip_code: 'zip' });
    expect(answer.body['errors']['zip_code']).to.equal('Enter a 5-digit ZIP code, like 10001');
    expect(await relay.received()).to.have.length(0);
  });

  it('words the 422 messages in the Accept-Language', async () => {
    const answer = await testRelay().create('pingtree', { lead: { ...GOOD_LEAD, zip_code: '1' } }, { headers: { 'accept-language': 'es-MX,es;q=0.9' } });
    expect(answer.body['errors']['zip_code']).to.equal('Escriba un código postal de 5 dígitos, como 10001');
  });

  it('insists on the fields the destination requires', async () => {
    const { mobile: _mobile, ...withoutMobile } = GOOD_LEAD;
    const answer = await testRelay().create('pingtree', { lead: withoutMobile });
    expect(answer.status).to.equal(422);
    expect(answer.body['codes']).to.deep.equal({ mobile: 'required' });
  });

  it('answers 400 without an Idempotency-Key, and for a body that is not JSON', async () => {
    const relay = testRelay();
    const noKey = await relay.app.request('/v1/leads', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noKey.status).to.equal(400);
    expect(await noKey.json()).to.deep.equal({ error: 'idempotency_key_required' });
    const notJson = await relay.call('/v1/leads', '{"destination": "webhook", lead: ');
    expect(notJson.status).to.equal(400);
    expect(notJson.body).to.deep.equal({ error: 'body_not_json' });
  });

  it('answers 404 for a destination it does not know', async () => {
    const answer = await testRelay().create('salesforce', { lead: GOOD_LEAD });
    expect(answer.status).to.equal(404);
    expect(answer.body).to.deep.equal({ error: 'unknown_destination' });
  });

  it('answers 413 for a body over the limit', async () => {
    const relay = testRelay((file) => ({ ...file, bodyLimitBytes: 1024 }));
    const answer = await relay.create('webhook', { lead: { ...GOOD_LEAD, description: 'x'.repeat(2000) } });
    expect(answer.status).to.equal(413);
  });

  it('answers 429 with Retry-After past the per-client rate limit', async () => {
    const relay = testRelay((file) => ({ ...file, rateLimit: { windowSeconds: 60, max: 2 }, clientIpHeader: 'x-forwarded-for', trustedProxies: 1 }));
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    await withinOneRateWindow(60);
    expect((await relay.create('webhook', { lead: GOOD_LEAD }, from('203.0.113.7'))).status).to.equal(201);
    expect((await relay.create('webhook', { lead: GOOD_LEAD }, from('203.0.113.7'))).status).to.equal(201);
    const limited = await relay.create('webhook', { lead: GOOD_LEAD }, from('203.0.113.7'));
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers.get('retry-after'))).to.be.within(1, 60);
    expect((await relay.create('webhook', { lead: GOOD_LEAD }, from('198.51.100.2'))).status).to.equal(201);
  });

  it('answers 502 {outcome: failed, retryable} when the destination failed, and does not remember it', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'failing' });
    const failed = await relay.create('webhook', { lead: GOOD_LEAD }, { key: 'retry-me-0001' });
    expect(failed.status).to.equal(502);
    expect(failed.body['outcome']).to.include({ status: 'failed', retryable: true });
    const retried = await relay.create('webhook', { lead: GOOD_LEAD }, { key: 'retry-me-0001' });
    expect(retried.status).to.equal(201);
    expect(await relay.received()).to.have.length(2);
  });

  it('answers 409 when an Idempotency-Key is reused for a different lead', async () => {
    const relay = testRelay();
    await relay.create('webhook', { lead: GOOD_LEAD }, { key: 'reused-key-0001' });
    const reused = await relay.create('webhook', { lead: { ...GOOD_LEAD, email: 'else@example.com' } }, { key: 'reused-key-0001' });
    expect(reused.status).to.equal(409);
    expect(reused.body).to.deep.equal({ error: 'idempotency_key_reused' });
  });

  it('calls the destination once when the same key arrives twice at the same time', async () => {
    const relay = testRelay();
    await script(relay.scenario, { delayMs: 200 });
    const [first, second] = await Promise.all([
      relay.create('webhook', { lead: GOOD_LEAD }, { key: 'concurrent-0001' }),
      relay.create('webhook', { lead: GOOD_LEAD }, { key: 'concurrent-0001' }),
    ]);
    expect(first.body).to.deep.equal(second.body);
    expect(await relay.received()).to.have.length(1);
  });

  it('does not hang when a destination does: it times out and answers retryable', async () => {
    const relay = testRelay((file) => ({ ...file, destinationTimeoutMs: 300 }));
    await script(relay.scenario, { delayMs: 2000 });
    const started = performance.now();
    const answer = await relay.create('webhook', { lead: GOOD_LEAD });
    expect(performance.now() - started).to.be.below(1500);
    expect(answer.status).to.equal(502);
    expect(answer.body['outcome']).to.include({ status: 'failed', retryable: true, code: 'timeout' });
  });

  describe('bot protection', () => {
    const person = { honeypot: '', elapsedMs: 9000 };
    const withMinimum = () => testRelay((file) => ({ ...file, botProtection: { minFillMs: 1500 } }));

    it('accepts a lead filled at a person’s pace with the honeypot empty', async () => {
      expect((await withMinimum().create('webhook', { lead: GOOD_LEAD, bot: person })).status).to.equal(201);
    });

    it('refuses a lead whose honeypot was filled, and sends nothing', async () => {
      const relay = withMinimum();
      const answer = await relay.create('webhook', { lead: GOOD_LEAD, bot: { ...person, honeypot: 'http://spam.example' } });
      expect(answer.status).to.equal(403);
      expect(await relay.received()).to.have.length(0);
    });

    it('refuses a lead sent faster than a person fills a form', async () => {
      expect((await withMinimum().create('webhook', { lead: GOOD_LEAD, bot: { ...person, elapsedMs: 300 } })).status).to.equal(403);
    });

    it('passes a challenge token through to the destination', async () => {
      const relay = withMinimum();
      await relay.create('webhook', { lead: GOOD_LEAD, bot: { ...person, challengeToken: 'turnstile-token-abc' } });
      const [request] = await relay.received();
      expect((request?.body as { bot: { challengeToken: string } }).bot.challengeToken).to.equal('turnstile-token-abc');
    });

    it('refuses leads without the signals by default (issue 11), and sends nothing', async () => {
      const relay = testRelay();
      expect((await relay.create('webhook', { lead: GOOD_LEAD, bot: undefined })).status).to.equal(403);
      expect(await relay.received()).to.have.length(0);
    });

    it('lets server-to-server callers without signals through only where the configuration says so', async () => {
      const relay = testRelay((file) => ({ ...file, botProtection: { requireSignals: false } }));
      expect((await relay.create('webhook', { lead: GOOD_LEAD, bot: undefined })).status).to.equal(201);
    });
  });

  it('bounds a step by the destination’s own timeoutMs where it sets one (MLAS needs longer)', async () => {
    const config = resolveRelayConfig({ ...standinRelayConfig('http://localhost/standins', 'bounds', [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true, destinationTimeoutMs: 60_000 }, STANDIN_ENV);
    let waited = 0;
    const slow: Adapter = {
      name: 'webhook',
      timeoutMs: 200,
      create: (_envelope, context) =>
        new Promise((resolve) => {
          const started = performance.now();
          context.signal?.addEventListener('abort', () => {
            waited = performance.now() - started;
            resolve({ outcome: { status: 'failed', retryable: true, code: 'timeout' }, next: null });
          });
        }),
    };
    const destinations = new Map([['webhook', { ...config.destinations.get('webhook')!, adapter: slow }]]);
    const app = createRelay({ ...config, destinations }, { fetch, now: () => new Date(), clientAddress: () => '127.0.0.1' });
    const response = await app.request('/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ destination: 'webhook', lead: GOOD_LEAD, bot: { honeypot: '', elapsedMs: 9000 } }),
    });
    expect(response.status).to.equal(502);
    expect(waited).to.be.within(150, 5000);
  });

  it('marks every answer not to be sniffed or stored, errors and health checks included', async () => {
    const relay = testRelay();
    const answers = [await relay.create('webhook', { lead: GOOD_LEAD }), await relay.create('nowhere', { lead: GOOD_LEAD })];
    const health = await relay.app.request('/healthz');
    for (const headers of [...answers.map((answer) => answer.headers), health.headers]) {
      expect(headers.get('x-content-type-options')).to.equal('nosniff');
      expect(headers.get('cache-control')).to.equal('no-store');
    }
  });

  it('answers 409 in_progress, not the other lead’s answer, when a key arrives twice at once with two bodies', async () => {
    const relay = testRelay();
    await script(relay.scenario, { delayMs: 300 });
    const [first, second] = await Promise.all([
      relay.create('webhook', { lead: GOOD_LEAD }, { key: 'two-bodies-0001' }),
      relay.create('webhook', { lead: { ...GOOD_LEAD, email: 'else@example.com' } }, { key: 'two-bodies-0001' }),
    ]);
    expect(first.status).to.equal(201);
    expect(second.status).to.equal(409);
    expect(second.body).to.deep.equal({ error: 'in_progress' });
    expect(second.headers.get('retry-after')).to.equal('1');
  });
});

describe('the client address (issue 11)', () => {
  const limited = (changes: Record<string, unknown>) =>
    testRelay((file) => ({ ...file, rateLimit: { windowSeconds: 60, max: 2 }, clientIpHeader: 'x-forwarded-for', ...changes }));
  const via = (header: string) => ({ headers: { 'x-forwarded-for': header } });

  it('takes the entry the trusted proxies wrote, so a new left-most value per request does not escape the limit', async () => {
    const relay = limited({ trustedProxies: 1 });
    const statuses = [];
    await withinOneRateWindow(60);
    for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await relay.create('webhook', { lead: GOOD_LEAD }, via(`${spoof}, 203.0.113.7`))).status);
    expect(statuses).to.deep.equal([201, 201, 429]);
  });

  it('counts two proxy hops from the right when two proxies append', async () => {
    const relay = limited({ trustedProxies: 2 });
    const statuses = [];
    await withinOneRateWindow(60);
    for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) statuses.push((await relay.create('webhook', { lead: GOOD_LEAD }, via(`${spoof}, 203.0.113.7, 10.0.0.5`))).status);
    expect(statuses).to.deep.equal([201, 201, 429]);
  });

  it('ignores the header when the socket peer is not a trusted proxy', async () => {
    // The test peer is 127.0.0.1; here only 10.0.0.1 is a proxy, so the header proves nothing.
    const relay = limited({ trustedProxyAddresses: ['10.0.0.1'] });
    const statuses = [];
    await withinOneRateWindow(60);
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) statuses.push((await relay.create('webhook', { lead: GOOD_LEAD }, via(ip))).status);
    expect(statuses).to.deep.equal([201, 201, 429]);
  });

  it('counts an IPv6 client by its /64 network, so rotating addresses within it does not escape the limit', async () => {
    const relay = limited({});
    const statuses = [];
    await withinOneRateWindow(60);
    for (const host of ['1', '2', '3']) statuses.push((await relay.create('webhook', { lead: GOOD_LEAD }, via(`2001:db8:1:2::${host}`))).status);
    expect(statuses).to.deep.equal([201, 201, 429]);
  });

  it('refuses to start when no client address can be known (a shared bucket lets one visitor lock out all)', () => {
    const config = resolveRelayConfig(standinRelayConfig('http://localhost/standins', 'no-address', [PAGE_ORIGIN]), STANDIN_ENV);
    expect(() => createRelay(config, { fetch, now: () => new Date() })).to.throw(RelayConfigError, 'no client address can be known');
    const behindPlatform = resolveRelayConfig({ ...standinRelayConfig('http://localhost/standins', 'x', [PAGE_ORIGIN]), clientIpHeader: 'x-forwarded-for' }, STANDIN_ENV);
    expect(() => createRelay(behindPlatform, { fetch, now: () => new Date() })).to.not.throw();
  });
});

describe('the submit step (issue 11)', () => {
  it('takes the lead id in the body, and still at the old path for widgets already deployed', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const viaBody = await relay.call('/v1/leads/submit', { id: created.body['id'], trustedform: { certUrl: CERT_URL } });
    expect(viaBody.status).to.equal(201);
    const other = await relay.create('mlas', { lead: { ...GOOD_LEAD, email: 'second@example.com' } });
    const viaPath = await relay.call(`/v1/leads/${encodeURIComponent(other.body['id'])}/submit`, { trustedform: { certUrl: CERT_URL } });
    expect(viaPath.status).to.equal(201);
  });

  it('submits a lead once: repeats with fresh keys and other bodies get the first answer and call MLAS once', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const answers = [];
    for (const body of [{ trustedform: { certUrl: CERT_URL } }, { trustedform: { certUrl: CERT_URL } }, { mobile: '+13125550199' }]) {
      answers.push(await relay.submit(created.body['id'], body));
    }
    expect(answers.map((answer) => answer.status)).to.deep.equal([201, 201, 201]);
    expect(answers[1]?.body).to.deep.equal(answers[0]?.body);
    expect(answers[2]?.body).to.deep.equal(answers[0]?.body);
    expect(answers.slice(1).map((answer) => answer.headers.get('idempotent-replayed'))).to.deep.equal(['true', 'true']);
    const submits = (await relay.received()).filter((request) => JSON.stringify(request.body).includes('submitLead'));
    expect(submits).to.have.length(1);
  });

  it('lets a correctable refusal be corrected: the same body again gets the refusal, a corrected one reaches MLAS', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'pingPost' });
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const refused = await relay.submit(created.body['id'], {}, { key: 'correct-me-0001' });
    expect(refused.body['outcome']).to.include({ status: 'rejected', code: 'trustedform_required' });
    const again = await relay.submit(created.body['id'], {}, { key: 'correct-me-0002' });
    expect(again.body).to.deep.equal(refused.body);
    const corrected = await relay.submit(created.body['id'], { trustedform: { certUrl: CERT_URL } }, { key: 'correct-me-0001' });
    expect(corrected.status).to.equal(201);
    expect(corrected.body['outcome']).to.include({ status: 'accepted' });
    const afterwards = await relay.submit(created.body['id'], {}, { key: 'correct-me-0003' });
    expect(afterwards.body).to.deep.equal(corrected.body);
    const submits = (await relay.received()).filter((request) => JSON.stringify(request.body).includes('submitLead'));
    expect(submits).to.have.length(2);
  });

  it('refuses an expired lead id', async () => {
    let now = new Date('2026-11-23T12:00:00Z');
    const config = resolveRelayConfig({ ...standinRelayConfig(`${location.origin}/standins`, newScenario(), [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true, leadIdTtlSeconds: 600 }, STANDIN_ENV);
    const app = createRelay(config, { fetch: (input, init) => fetch(input, init), now: () => now, clientAddress: () => '127.0.0.1' });
    const post = (path: string, body: unknown) =>
      app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: JSON.stringify(body) });
    const created = (await (await post('/v1/leads', { destination: 'mlas', lead: GOOD_LEAD, bot: { honeypot: '', elapsedMs: 9000 } })).json()) as { id: string };
    now = new Date(now.getTime() + 601_000);
    const late = await post('/v1/leads/submit', { id: created.id, trustedform: { certUrl: CERT_URL } });
    expect(late.status).to.equal(404);
    expect(await late.json()).to.deep.equal({ error: 'unknown_lead' });
  });
});

describe('what leaves the relay (issue 11)', () => {
  const LEAK = 'pg: duplicate key value violates unique constraint on host db-7.internal for jane@victim.example';

  it('passes on our codes and field codes only, never a destination’s own words, to the browser and the log', async () => {
    const relay = testRelay();
    await script(relay.scenario, { status: 422, body: { message: LEAK, errors: { email: LEAK, internal_column: LEAK } } });
    const answer = await relay.create('webhook', { lead: GOOD_LEAD });
    expect(answer.body['outcome']).to.deep.equal({ status: 'invalid', retryable: false, code: 'http_422', fieldErrors: { email: 'email' } });
    expect(JSON.stringify(relay.logs)).to.not.contain('victim');
    expect(relay.outcomes.at(-1)?.message, 'the adapter keeps it for the operator').to.equal(LEAK);
  });

  it('maps a destination’s free-text reason to destination_error', async () => {
    const relay = testRelay();
    await script(relay.scenario, { status: 200, body: { success: false, reason: LEAK } });
    const answer = await relay.create('pingtree', { lead: GOOD_LEAD });
    expect(answer.body['outcome']).to.deep.equal({ status: 'rejected', retryable: false, code: 'destination_error' });
    expect(JSON.stringify(relay.logs)).to.not.contain('victim');
  });

  it('answers JSON 500 without a stack when something unexpected throws, and logs only the error’s kind', async () => {
    const logs: RelayLogEntry[] = [];
    const config = resolveRelayConfig({ ...standinRelayConfig('http://localhost/standins', 'throws', [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true }, STANDIN_ENV);
    const throwing: Adapter = { name: 'webhook', create: () => Promise.reject(new TypeError(`cannot read ${GOOD_LEAD.email}`)) };
    const destinations = new Map([['webhook', { ...config.destinations.get('webhook')!, adapter: throwing }]]);
    const app = createRelay({ ...config, destinations }, { fetch, now: () => new Date(), clientAddress: () => '127.0.0.1', log: (entry) => logs.push(entry) });
    const response = await app.request('/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ destination: 'webhook', lead: GOOD_LEAD, bot: { honeypot: '', elapsedMs: 9000 } }),
    });
    expect(response.status).to.equal(500);
    expect(await response.json()).to.deep.equal({ error: 'internal_error' });
    expect(logs).to.deep.equal([{ route: 'create', httpStatus: 500, error: 'TypeError', ms: 0 }]);
  });

  it('never throws on a tracking key with a capital letter: the key is dropped, the lead delivered', async () => {
    const relay = testRelay();
    const answer = await relay.create('webhook', { lead: GOOD_LEAD, tracking: { promoCode: 'SPRING', utm_source: 'google' } });
    expect(answer.status).to.equal(201);
    const [request] = await relay.received();
    expect((request?.body as { tracking: unknown }).tracking).to.deep.equal({ utm_source: 'google' });
  });

  it('refuses forged consent with 422, and forwards genuine consent with the relay’s receive time', async () => {
    const relay = testRelay(withDestination('webhook', { requireConsent: true }));
    const text = 'I agree that ACME may call me.';
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (byte) => byte.toString(16).padStart(2, '0')).join('');
    const consent = { text, sha256: digest, sellers: ['ACME'], checkedAt: '2026-11-23T12:00:00.000Z', submittedAt: '2026-11-23T12:00:05.000Z', pageUrl: 'https://lp.example.com/' };
    const forged = await relay.create('webhook', { lead: GOOD_LEAD, consent: { ...consent, sha256: '0'.repeat(64), checkedAt: '2020-01-01T00:00:00.000Z' } });
    expect(forged.status).to.equal(422);
    expect(forged.body['codes']).to.deep.equal({ 'consent.sha256': 'characters' });
    const before = Date.now();
    expect((await relay.create('webhook', { lead: GOOD_LEAD, consent })).status).to.equal(201);
    const [request] = await relay.received();
    const forwarded = (request?.body as { consent: { receivedAt: string; submittedAt: string } }).consent;
    expect(forwarded.submittedAt).to.equal(consent.submittedAt);
    expect(Date.parse(forwarded.receivedAt)).to.be.within(before - 1000, Date.now() + 1000);
  });
});
