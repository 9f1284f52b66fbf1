// Lead quality as an operator configures it (issue 20), through real `npm run relay` processes on
// each ledger engine: the page's bot challenge verified with the provider's stand-in before anything
// is stored, and the TrustedForm certificate claimed before delivery, kept in the evidence export,
// required where the destination says so, and claimed later when TrustedForm was out of reach.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { createStandins, type RecordedRequest } from '../standins/index.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { startRelayProcess, writeConfig, type RelayProcess } from '../node/relay-spawn.js';
import { seededRelayDataDir } from './relay-data.js';
import { freshPostgresDatabase, postgresUnavailable } from './engines.js';

const PAGE = 'https://lp.example.com';
const LEAD = { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123' };
const PERSON = { honeypot: '', elapsedMs: 10_000 };
/** Everything MLAS insists on. */
const MLAS_LEAD = { ...LEAD, address: '350 Fifth Avenue', city: 'New York', state: 'NY', zip_code: '10118', date_of_birth: '1985-04-23' };
const DISCLOSURE = 'By clicking Submit, I agree that Acme Solar may call and text me at the number provided.';
const CONSENT = {
  text: DISCLOSURE,
  sha256: createHash('sha256').update(DISCLOSURE).digest('hex'),
  sellers: ['Acme Solar'],
  checkedAt: '2026-12-01T10:00:00.000Z',
  submittedAt: '2026-12-01T10:00:05.000Z',
  pageUrl: `${PAGE}/solar`,
};
const CERT = (n: number) => `https://cert.trustedform.com/${n.toString(16).padStart(40, '0')}`;

let standins: ServerType;
let standinsBase = '';

before(async () => {
  await new Promise<void>((resolve) => {
    standins = serve({ fetch: createStandins().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  standinsBase = `http://localhost:${(standins.address() as AddressInfo).port}/standins`;
});
after(() => standins.close());

/**
 * The webhook claims certificates and requires the claim; Pingtree is guarded by reCAPTCHA v3 with a
 * minimum score and TrackerRMS by hCaptcha, each in place of the relay's Turnstile.
 */
function config(scenario: string): string {
  const base = standinRelayConfig(standinsBase, scenario, [PAGE]);
  return writeConfig({
    ...base,
    delivery: { retryDelaysSeconds: [1], leaseSeconds: 1, maxAgeHours: 1 },
    botProtection: {
      minFillMs: 0,
      challenge: { provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, verifyUrl: `${standinsBase}/turnstile/${scenario}/turnstile/v0/siteverify` },
    },
    destinations: {
      ...base.destinations,
      webhook: {
        ...base.destinations['webhook']!,
        trustedform: { apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true, requireClaim: true, vendor: 'Acme Solar', certificateBaseUrl: `${standinsBase}/trustedform/${scenario}-tf` },
      },
      mlas: {
        ...base.destinations['mlas']!,
        trustedform: { apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true, requireClaim: true, certificateBaseUrl: `${standinsBase}/trustedform/${scenario}-tf` },
      },
      pingtree: {
        ...base.destinations['pingtree']!,
        challenge: { provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minScore: 0.5, verifyUrl: `${standinsBase}/recaptcha/${scenario}/recaptcha/api/siteverify` },
      },
      trackerrms: {
        ...base.destinations['trackerrms']!,
        challenge: { provider: 'hcaptcha', secret: { env: 'HCAPTCHA_SECRET' }, verifyUrl: `${standinsBase}/hcaptcha/${scenario}/siteverify` },
      },
    },
  });
}

async function log(scenario: string): Promise<RecordedRequest[]> {
  return (await (await fetch(`${standinsBase}/_log/${scenario}`)).json()) as RecordedRequest[];
}

async function delivered(scenario: string, destination: string): Promise<number> {
  return (await log(scenario)).filter((request) => request.path.startsWith(`/standins/${destination}/`)).length;
}

async function script(scenario: string, answers: unknown[]): Promise<void> {
  await fetch(`${standinsBase}/_script/${scenario}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ENGINES: { name: string; ledger: () => Promise<{ env: Record<string, string>; drop?: () => Promise<void> }> }[] = [
  { name: 'PGlite', ledger: async () => ({ env: { RELAY_DATA_DIR: await seededRelayDataDir() } }) },
  {
    name: 'PostgreSQL',
    ledger: async () => {
      const unavailable = postgresUnavailable();
      if (unavailable) assert.fail(unavailable);
      const database = await freshPostgresDatabase();
      return { env: { DATABASE_URL: database.url }, drop: database.drop };
    },
  },
];

for (const engine of ENGINES) {
  describe(`lead quality at the relay, as a real process on ${engine.name}`, () => {
    const scenario = `quality-${engine.name.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}`;
    /** TrustedForm's stand-in answers in a scenario of its own, so a scripted claim is not the challenge's. */
    const trustedform = `${scenario}-tf`;
    let relay: RelayProcess;
    let ledgerEnv: Record<string, string>;
    let drop: (() => Promise<void>) | undefined;

    before(async () => {
      const ledger = await engine.ledger();
      ledgerEnv = ledger.env;
      drop = ledger.drop;
      relay = await startRelayProcess(config(scenario), { ledger: ledgerEnv });
    });
    after(async () => {
      await relay?.stop('SIGKILL');
      await drop?.();
    });

    const send = async (body: Record<string, unknown>, key: string = crypto.randomUUID()) => {
      const response = await fetch(`${relay.url}/v1/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: PAGE },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any>, replayed: response.headers.get('idempotent-replayed') === 'true' };
    };
    /** The operator CLI on this relay's ledger; an embedded one is the relay's alone, so it stops for it and starts again. */
    const leads = async (...args: string[]) => {
      const embedded = ledgerEnv['RELAY_DATA_DIR'] !== undefined;
      if (embedded) await relay.stop();
      try {
        return (await promisify(execFile)('npm', ['run', '--silent', 'leads', '--', ...args], { env: { ...process.env, DATABASE_URL: '', ...ledgerEnv } })).stdout;
      } finally {
        if (embedded) relay = await startRelayProcess(config(scenario), { ledger: ledgerEnv });
      }
    };

    it('refuses a lead whose Turnstile token is missing or not genuine with 403 challenge_failed, storing and sending nothing', async () => {
      const before = await delivered(scenario, 'webhook');
      const missing = await send({ destination: 'webhook', lead: LEAD, bot: PERSON, trustedform: { certUrl: CERT(1) } });
      assert.deepEqual([missing.status, missing.body], [403, { error: 'challenge_failed' }]);
      const forged = await send({ destination: 'webhook', lead: LEAD, bot: { ...PERSON, challengeToken: 'forged' }, trustedform: { certUrl: CERT(1) } });
      assert.equal(forged.status, 403);
      assert.equal(await delivered(scenario, 'webhook'), before);
    });

    it('verifies a passing token once: the lead is delivered, and its repeat gets the first answer without a second verification', async () => {
      const key = crypto.randomUUID();
      const body = { destination: 'webhook', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;${key}` }, trustedform: { certUrl: CERT(2) } };
      const first = await send(body, key);
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const verifications = (await log(scenario)).filter((request) => request.path.includes('/turnstile/')).length;
      const again = await send(body, key);
      assert.equal(again.replayed, true);
      assert.deepEqual(again.body, first.body);
      assert.equal((await log(scenario)).filter((request) => request.path.includes('/turnstile/')).length, verifications);
    });

    it('holds each destination to its own provider: reCAPTCHA below minScore is refused, hCaptcha passes', async () => {
      const low = await send({ destination: 'pingtree', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;score=0.3;${crypto.randomUUID()}` } });
      assert.deepEqual([low.status, low.body], [403, { error: 'challenge_failed' }]);
      const high = await send({ destination: 'pingtree', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;score=0.9;${crypto.randomUUID()}` } });
      assert.equal(high.status, 201);
      const hcaptcha = await send({ destination: 'trackerrms', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` } });
      assert.equal(hcaptcha.status, 201);
    });

    it('answers 503 with Retry-After, never a silent pass, when the provider cannot say', async () => {
      await script(scenario, [{ mode: 'internal-error' }]);
      const answer = await send({ destination: 'webhook', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` }, trustedform: { certUrl: CERT(3) } });
      assert.deepEqual([answer.status, answer.body], [503, { error: 'challenge_unavailable' }]);
    });

    it('claims the certificate before delivery and keeps TrustedForm\'s answer in the evidence export', async () => {
      const cert = CERT(4);
      const answer = await send({ destination: 'webhook', lead: { ...LEAD, email: 'claimed@example.com' }, consent: CONSENT, bot: { ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` }, trustedform: { certUrl: cert } });
      assert.equal(answer.status, 201);
      const claim = (await log(trustedform)).find((request) => request.path.endsWith(cert.slice(-40)));
      assert.ok(claim, 'the certificate was claimed');
      assert.equal((claim.body as { retain: { vendor: string } }).retain.vendor, 'Acme Solar');
      const record = (await leads('export', '--format', 'jsonl'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, string | null>)
        .find((entry) => entry['trustedform_cert_url'] === cert);
      assert.ok(record?.['trustedform_claim'], 'the claim is in the export');
      assert.match(record['trustedform_claim']!, /"result":"claimed"/);
      assert.match(record['trustedform_claim']!, /"expiresAt"/);
    });

    it('refuses to forward a lead whose certificate has expired, where the claim is required, and says why in the lead\'s events', async () => {
      const before = await delivered(scenario, 'webhook');
      await script(trustedform, [{ mode: 'expired' }]);
      const answer = await send({ destination: 'webhook', lead: LEAD, bot: { ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` }, trustedform: { certUrl: CERT(5) } });
      assert.equal(answer.status, 201);
      assert.deepEqual(answer.body['outcome'], { status: 'rejected', retryable: false, code: 'trustedform_failed' });
      assert.equal(await delivered(scenario, 'webhook'), before);
      const rejected = JSON.parse(await leads('list', '--state', 'rejected', '--json')) as { id: string }[];
      assert.equal(rejected.length, 1);
      assert.match(await leads('show', rejected[0]!.id), /TrustedForm claim refused: expired_or_unknown/);
    });

    it('claims an MLAS lead\'s certificate when it comes with the submit step, before submitLead, and refuses an expired one there', async () => {
      const token = () => ({ ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` });
      const created = await send({ destination: 'mlas', lead: MLAS_LEAD, consent: CONSENT, bot: token() });
      assert.equal(created.body['next'], 'submit', JSON.stringify(created.body));
      const submitLeads = async () => (await log(scenario)).filter((request) => request.rawBody.includes('submitLead')).length;
      const submit = async (certUrl: string) => {
        const response = await fetch(`${relay.url}/v1/leads/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), origin: PAGE },
          body: JSON.stringify({ id: created.body['id'], trustedform: { certUrl } }),
        });
        return { status: response.status, body: (await response.json()) as Record<string, any> };
      };
      const before = await submitLeads();
      await script(trustedform, [{ mode: 'expired' }]);
      const refused = await submit(CERT(8));
      assert.deepEqual(refused.body['outcome'], { status: 'rejected', retryable: false, code: 'trustedform_failed' });
      assert.equal(await submitLeads(), before, 'submitLead is not called for an unclaimable certificate');
      const corrected = await submit(CERT(9));
      assert.equal(corrected.status, 201);
      assert.equal(corrected.body['outcome'].status, 'accepted', JSON.stringify(corrected.body));
      assert.ok((await log(trustedform)).some((request) => request.path.endsWith(CERT(9).slice(-40))), 'the certificate was claimed');
      assert.equal(await submitLeads(), before + 1);
    });

    it('queues a lead while TrustedForm is out of reach, then claims and delivers it once it is back', async () => {
      const before = await delivered(scenario, 'webhook');
      await script(trustedform, [{ mode: 'failing' }]);
      const answer = await send({ destination: 'webhook', lead: { ...LEAD, email: 'later@example.com' }, bot: { ...PERSON, challengeToken: `pass;${crypto.randomUUID()}` }, trustedform: { certUrl: CERT(6) } });
      assert.equal(answer.status, 202);
      await waitFor('the worker to claim and deliver the lead', async () => (await delivered(scenario, 'webhook')) > before);
      const claims = (await log(trustedform)).filter((request) => request.path.endsWith(CERT(6).slice(-40)));
      assert.equal(claims.length, 2, 'one refused by the outage, one by the worker');
    });
  });
}
