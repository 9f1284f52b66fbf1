// The relay as a real process: `npm run relay`, a config file, credentials in the environment, and
// leads sent over HTTP with real Origin headers (which browsers' script cannot set).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { STANDIN_ENV } from '../standins/credentials.js';
import { createStandins, type RecordedRequest } from '../standins/index.js';
import { standinRelayConfig } from '../standins/relay-config.js';

const PAGE = 'https://lp.example.com';
const LEAD = { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123' };

let standins: ServerType;
let standinsUrl = '';
let relay: ChildProcess;
let relayUrl = '';
const relayOutput: string[] = [];

async function startStandins(): Promise<void> {
  await new Promise<void>((resolve) => {
    standins = serve({ fetch: createStandins().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  standinsUrl = `http://127.0.0.1:${(standins.address() as AddressInfo).port}`;
}

async function startRelay(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'relay-'));
  const configPath = join(directory, 'relay.config.json');
  writeFileSync(configPath, JSON.stringify(standinRelayConfig(`${standinsUrl}/standins`, 'process', [PAGE])));
  relay = spawn('npm', ['run', '--silent', 'relay'], {
    env: { ...process.env, ...STANDIN_ENV, RELAY_CONFIG: configPath, PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relayUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${relayOutput.join('')}`)), 30_000);
    const read = (chunk: Buffer) => {
      relayOutput.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)/.exec(relayOutput.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    relay.stdout?.on('data', read);
    relay.stderr?.on('data', read);
    relay.on('exit', (code) => reject(new Error(`relay exited with ${code}: ${relayOutput.join('')}`)));
  });
}

async function post(path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  return fetch(`${relayUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
}

describe('npm run relay, as a real process over HTTP', () => {
  before(async () => {
    await startStandins();
    await startRelay();
  });

  after(() => {
    if (relay.pid) process.kill(-relay.pid, 'SIGTERM');
    standins.close();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${relayUrl}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { ok: true });
  });

  it('delivers a lead from an allowed origin to the destination and answers 201 with CORS headers', async () => {
    const response = await post('/v1/leads', { destination: 'pingtree', lead: LEAD }, { origin: PAGE });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    const body = (await response.json()) as { outcome: { status: string } };
    assert.equal(body.outcome.status, 'accepted');
    const log = (await (await fetch(`${standinsUrl}/standins/_log/process`)).json()) as RecordedRequest[];
    const delivered = log.find((request) => request.path.includes('/pingtree/'));
    assert.equal((delivered?.body as { email: string }).email, LEAD.email);
    assert.equal((delivered?.body as { mobile: string }).mobile, '2125550123');
  });

  it('answers a CORS preflight for an allowed origin, allowing the Idempotency-Key header', async () => {
    const response = await fetch(`${relayUrl}/v1/leads`, {
      method: 'OPTIONS',
      headers: { origin: PAGE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
  });

  it('refuses an origin that is not on the allow-list, and a request with none', async () => {
    const foreign = await post('/v1/leads', { destination: 'pingtree', lead: LEAD }, { origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const none = await post('/v1/leads', { destination: 'pingtree', lead: LEAD }, {});
    assert.equal(none.status, 403);
  });

  it('refuses a 60,000-character description of spaces at once, and keeps answering /healthz meanwhile (issue 11)', async () => {
    // A backtracking normaliser once held the event loop 4.7 s on this body; linear code takes
    // milliseconds. The bound is generous: only super-linear work can miss it.
    const started = performance.now();
    const [lead, health] = await Promise.all([
      post('/v1/leads', { destination: 'webhook', lead: { ...LEAD, description: `${' '.repeat(60_000)}x` } }, { origin: PAGE }),
      new Promise((resolve) => setTimeout(resolve, 20)).then(() => fetch(`${relayUrl}/healthz`)),
    ]);
    assert.equal(health.status, 200);
    assert.equal(lead.status, 422);
    assert.deepEqual(((await lead.json()) as { codes: unknown }).codes, { description: 'too_long' });
    assert.ok(performance.now() - started < 2000, `took ${Math.round(performance.now() - started)} ms`);
  });

  it('logs one line per lead with no personal data and no credentials', () => {
    const logged = relayOutput.join('');
    assert.match(logged, /"route":"create","destination":"pingtree"/);
    for (const value of [LEAD.email, LEAD.first_name, '2125550123', ...Object.values(STANDIN_ENV)]) {
      assert.equal(logged.includes(value), false, `the log contains ${value}`);
    }
  });
});
