import { expect } from '@open-wc/testing';
import { GOOD_LEAD, testRelay } from '../helpers/relay.js';
import { script } from '../helpers/standins.js';

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
    const relay = testRelay((file) => ({ ...file, rateLimit: { windowSeconds: 60, max: 2 }, clientIpHeader: 'x-forwarded-for' }));
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
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

    it('refuses leads without the signals when the configuration requires them', async () => {
      const relay = testRelay((file) => ({ ...file, botProtection: { requireSignals: true } }));
      expect((await relay.create('webhook', { lead: GOOD_LEAD })).status).to.equal(403);
    });
  });
});
