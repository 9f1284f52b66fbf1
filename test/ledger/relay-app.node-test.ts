// createRelay with the ledger as its memory (dependencies.ledger), in-process: what the browser is
// told when the destination cannot take a lead yet, when the ledger itself is down, and how the
// fleet shares one rate limit on PostgreSQL.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SharedRateLimiter } from '../../src/ledger/rate-limit.js';
import { DEFAULT_LEDGER_SETTINGS } from '../../src/ledger/settings.js';
import { createRelay } from '../../src/relay/app.js';
import { resolveRelayConfig } from '../../src/relay/config.js';
import type { Engine } from '../../src/ledger/engine.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { onEachEngine } from './engines.js';
import { stateOf } from './samples.js';
import { withinOneRateWindow } from '../helpers/rate-window.js';

const PAGE = 'https://lp.example.com';
const BODY = { destination: 'webhook', lead: { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com' }, bot: { honeypot: '', elapsedMs: 10_000 } };
const config = resolveRelayConfig({ ...standinRelayConfig('https://hooks.example.com', 'app', [PAGE]), rateLimit: { windowSeconds: 60, max: 3 } }, STANDIN_ENV);

/** A relay on `engine` whose destinations all answer `status`; counts the calls that reach them. */
function relayOn(engine: Engine, status: number, headers: Record<string, string> = {}, limiter?: SharedRateLimiter) {
  const calls = { count: 0 };
  const app = createRelay(config, {
    fetch: async () => {
      calls.count += 1;
      return new Response(JSON.stringify({ ok: status < 300 }), { status, headers: { 'content-type': 'application/json', ...headers } });
    },
    now: () => new Date(),
    clientAddress: () => '203.0.113.9',
    ledger: { engine, delivery: DEFAULT_LEDGER_SETTINGS.delivery, ...(limiter ? { limiter } : {}) },
  });
  const send = (key = crypto.randomUUID()) =>
    app.request('/v1/leads', { method: 'POST', headers: { 'content-type': 'application/json', origin: PAGE, 'idempotency-key': key }, body: JSON.stringify(BODY) });
  return { app, calls, send };
}

onEachEngine('the relay with its ledger', ({ engine, another }) => {
  it('answers 202 queued when the destination is down and says so, and keeps the lead queued for the worker', async () => {
    const relay = relayOn(engine(), 503, { 'retry-after': '30' });
    const response = await relay.send();
    assert.equal(response.status, 202);
    const body = (await response.json()) as { id: string; outcome: unknown; next: unknown };
    assert.deepEqual(body.outcome, { status: 'queued', retryable: false });
    assert.equal(body.next, null);
    const [row] = await engine().query<{ id: string }>('SELECT id FROM ledger_leads');
    assert.equal((await stateOf(engine(), row!.id)).state, 'queued');
  });

  it('answers a repeated key from the ledger, to a relay built anew on it (a restart), without calling again', async () => {
    const key = crypto.randomUUID();
    const first = relayOn(engine(), 200);
    const before = await (await first.send(key)).json();
    const restarted = relayOn(engine(), 200);
    const response = await restarted.send(key);
    assert.equal(response.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await response.json(), before);
    assert.equal(first.calls.count + restarted.calls.count, 1);
  });

  it('answers 503 ledger_unavailable with Retry-After, and sends nothing, when the ledger cannot be written', async () => {
    const broken: Engine = { ...engine(), query: () => Promise.reject(new Error('connection refused')), transaction: () => Promise.reject(new Error('connection refused')) };
    const relay = relayOn(broken, 200);
    const response = await relay.send();
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.deepEqual(await response.json(), { error: 'ledger_unavailable' });
    assert.equal(relay.calls.count, 0);
  });

  if (another) {
    it('counts one rate limit across two instances on one PostgreSQL', async () => {
      const other = await another();
      const one = relayOn(engine(), 200, {}, new SharedRateLimiter(engine(), 3, 60));
      const two = relayOn(other, 200, {}, new SharedRateLimiter(other, 3, 60));
      const statuses = [];
      await withinOneRateWindow(60);
      for (const relay of [one, two, one, two]) statuses.push((await relay.send()).status);
      assert.deepEqual(statuses, [201, 201, 201, 429]);
    });
  }
});
