// The lead ledger as operators meet it: real `npm run relay` processes, restarted, killed and run
// side by side on one PostgreSQL, delivering to the stand-ins over HTTP. Issue 13's promises:
// a key repeated after a restart makes no second lead; one key sent ten times across two instances
// makes one; a lead the destination could not take is delivered once when it comes back, with no
// browser involved, even when the relay that took it was killed; the export holds the evidence.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { createStandins } from '../standins/index.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { relayRefusal, startRelayProcess, writeConfig, type RelayProcess } from '../node/relay-spawn.js';
import { freshPostgresDatabase, postgresUnavailable } from './engines.js';

const PAGE = 'https://lp.example.com';
const LEAD = { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123' };
const PERSON = { honeypot: '', elapsedMs: 10_000 };
const CERT_URL = 'https://cert.trustedform.com/981eef90ec965dd5a139170a4ad935b8b057baae';
const DISCLOSURE = 'By clicking Get my quote, I agree that Acme may call and text me at the number above.';
const CONSENT = {
  text: DISCLOSURE,
  sha256: createHash('sha256').update(DISCLOSURE).digest('hex'),
  sellers: ['Acme'],
  checkedAt: '2026-12-01T10:00:00.000Z',
  submittedAt: '2026-12-01T10:00:05.000Z',
  pageUrl: `${PAGE}/quote`,
};
/** The destination is down for now, and says so: nothing was taken, try again in a second. */
const DOWN = { status: 503, headers: { 'retry-after': '1' }, body: { message: 'Service Unavailable' } };

let standins: ServerType;
let standinsBase = '';
const relays: RelayProcess[] = [];

/** A relay config on the stand-ins of `scenario`, retrying every second so a test can watch the worker. */
function configFor(scenario: string): string {
  return writeConfig({
    ...standinRelayConfig(standinsBase, scenario, [PAGE]),
    delivery: { retryDelaysSeconds: [1], leaseSeconds: 1, maxAgeHours: 1 },
  });
}

async function start(configPath: string, ledger?: { DATABASE_URL?: string; RELAY_DATA_DIR?: string }): Promise<RelayProcess> {
  const relay = await startRelayProcess(configPath, ledger ? { ledger } : {});
  relays.push(relay);
  return relay;
}

async function send(relay: RelayProcess, key: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; replayed: boolean }> {
  const response = await fetch(`${relay.url}/v1/leads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, origin: PAGE },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

async function script(scenario: string, answers: unknown[]): Promise<void> {
  await fetch(`${standinsBase}/_script/${scenario}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
}

/** The records the scenario's stand-ins stored, one entry per record: a lead stored twice shows twice. */
async function delivered(scenario: string): Promise<string[]> {
  return (await (await fetch(`${standinsBase}/_delivered/${scenario}`)).json()) as string[];
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the relay on its ledger, as real processes', () => {
  before(async () => {
    await new Promise<void>((resolve) => {
      standins = serve({ fetch: createStandins().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    standinsBase = `http://127.0.0.1:${(standins.address() as AddressInfo).port}/standins`;
  });

  after(async () => {
    await Promise.all(relays.map((relay) => relay.stop('SIGKILL')));
    standins.close();
  });

  it('gives a key repeated after a restart the first answer, and TrackerRMS one lead', async () => {
    const config = configFor('restart');
    const first = await start(config);
    const dataDir = /ledger embedded at (\S+)/.exec(first.output())?.[1];
    assert.ok(dataDir, first.output());
    const key = crypto.randomUUID();
    const before = await send(first, key, { destination: 'trackerrms', lead: LEAD, bot: PERSON });
    assert.equal(before.status, 201);
    await first.stop();
    const second = await start(config, { RELAY_DATA_DIR: dataDir.replace(/;$/, '') });
    const after = await send(second, key, { destination: 'trackerrms', lead: LEAD, bot: PERSON });
    assert.equal(after.status, 201);
    assert.equal(after.replayed, true);
    assert.deepEqual(after.body, before.body);
    assert.equal((await delivered('restart')).length, 1);
    await second.stop();
  });

  it('delivers a lead queued while the destination was down once it is back, with no browser involved', async () => {
    await script('queued', [DOWN]);
    const relay = await start(configFor('queued'));
    const answer = await send(relay, crypto.randomUUID(), { destination: 'trackerrms', lead: LEAD, bot: PERSON });
    assert.equal(answer.status, 202);
    assert.deepEqual(answer.body['outcome'], { status: 'queued', retryable: false });
    assert.equal(answer.body['next'], null);
    await waitFor('the worker to deliver the queued lead', async () => (await delivered('queued')).length > 0);
    await pause(2500);
    assert.equal((await delivered('queued')).length, 1, 'delivered exactly once');
    await relay.stop();
  });

  it('delivers a lead queued by a relay killed with SIGKILL once it restarts', async () => {
    await script('killed', [DOWN]);
    const config = configFor('killed');
    const first = await start(config);
    const dataDir = /ledger embedded at (\S+)/.exec(first.output())?.[1];
    assert.ok(dataDir, first.output());
    const answer = await send(first, crypto.randomUUID(), { destination: 'pingtree', lead: LEAD, bot: PERSON });
    assert.equal(answer.status, 202);
    await first.stop('SIGKILL');
    assert.deepEqual(await delivered('killed'), []);
    const second = await start(config, { RELAY_DATA_DIR: dataDir });
    await waitFor('the restarted relay to deliver the lead', async () => (await delivered('killed')).length > 0);
    await pause(2500);
    assert.equal((await delivered('killed')).length, 1, 'delivered exactly once');
    await second.stop();
  });

  it('closes the connection after refusing a body too large, so the next request on it is not lost', async () => {
    const relay = await start(configFor('refused'));
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = httpRequest(
        `${relay.url}/v1/leads`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), origin: PAGE, connection: 'keep-alive' } },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify({ destination: 'webhook', lead: { ...LEAD, description: 'x'.repeat(200_000) } }));
    });
    assert.deepEqual(answer, { status: 413, connection: 'close' });
    await relay.stop();
  });

  it('refuses to start, in one sentence naming DATABASE_URL, when the database cannot be reached', async () => {
    const refusal = await relayRefusal(configFor('unreachable'), { DATABASE_URL: 'postgres://ledger@127.0.0.1:1/leads' });
    assert.equal(refusal.code, 1);
    assert.match(refusal.output, /^relay: .*DATABASE_URL.*\.\n$/m);
    assert.doesNotMatch(refusal.output, /\n\s+at /, 'no stack trace');
  });

  describe('on one PostgreSQL shared by two relays', () => {
    const unavailable = postgresUnavailable();
    if (unavailable) {
      it('needs a PostgreSQL server', () => assert.fail(unavailable));
      return;
    }
    let database: { url: string; drop: () => Promise<void> };
    let one: RelayProcess;
    let two: RelayProcess;
    before(async () => {
      database = await freshPostgresDatabase();
      const config = configFor('fleet');
      one = await start(config, { DATABASE_URL: database.url });
      two = await start(config, { DATABASE_URL: database.url });
    });
    after(async () => {
      await Promise.all([one.stop('SIGKILL'), two.stop('SIGKILL')]);
      await database.drop();
    });

    it('makes one lead of ten concurrent sends of one key split across the two, and every answer names it', async () => {
      const key = crypto.randomUUID();
      const body = { destination: 'trackerrms', lead: { ...LEAD, email: 'ten@example.com' }, bot: PERSON };
      const answers = await Promise.all(Array.from({ length: 10 }, (_, index) => send(index % 2 === 0 ? one : two, key, body)));
      assert.deepEqual(answers.map((answer) => answer.status), Array<number>(10).fill(201));
      assert.equal(new Set(answers.map((answer) => answer.body['id'])).size, 1);
      assert.equal((await delivered('fleet')).length, 1);
    });

    it('delivers a lead queued by an instance killed with SIGKILL through the other, once', async () => {
      const before = (await delivered('fleet')).length;
      await script('fleet', [DOWN]);
      const answer = await send(one, crypto.randomUUID(), { destination: 'pingtree', lead: { ...LEAD, email: 'killed@example.com' }, bot: PERSON });
      assert.equal(answer.status, 202);
      await one.stop('SIGKILL');
      await waitFor('the other instance to deliver the lead', async () => (await delivered('fleet')).length > before);
      await pause(2500);
      assert.equal((await delivered('fleet')).length, before + 1, 'delivered exactly once');
    });

    it('exports the lead with its consent hash, TrustedForm certificate and both touches while the relays run', async () => {
      const key = crypto.randomUUID();
      const tracking = { utm_source: 'newsletter', utm_campaign: 'spring', gclid: 'Cj0KCQ-test' };
      const firstTouch = { utm_source: 'google', utm_medium: 'cpc', touched_at: '2026-11-20T09:00:00.000Z' };
      const answer = await send(two, key, { destination: 'webhook', lead: { ...LEAD, email: 'evidence@example.com' }, consent: CONSENT, trustedform: { certUrl: CERT_URL }, tracking, first_touch: firstTouch, bot: PERSON });
      assert.equal(answer.status, 201);
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'leads', '--', 'export', '--format', 'jsonl'], {
        env: { ...process.env, DATABASE_URL: database.url },
      });
      const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const record = records.find((entry) => JSON.stringify(entry).includes('evidence@example.com'));
      assert.ok(record, stdout);
      const text = JSON.stringify(record);
      assert.ok(text.includes(CONSENT.sha256), text);
      assert.ok(text.includes(CERT_URL), text);
      // Both touches, with the evidence (issue 17): what brought the person, as long as the consent is kept.
      assert.deepEqual(JSON.parse(String(record['tracking'])), tracking);
      assert.deepEqual(JSON.parse(String(record['first_touch'])), firstTouch);
    });
  });
});
