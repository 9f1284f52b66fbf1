// The relay's cost: the same leads sent straight to a stand-in webhook and through the relay (as a
// real process, `npm run relay`, with its lead ledger on: PGlite embedded, then PostgreSQL) to that
// webhook, at a fixed 500 requests/s, then as fast as it goes. Loopback only; every run is bounded in
// time. Added latency = through the relay − straight.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchDatabase } from './ledger.js';
import { STANDIN_ENV } from '../test/standins/credentials.js';
import { standinRelayConfig } from '../test/standins/relay-config.js';

export interface LoadResult {
  readonly run: string;
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start: ${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      if (output.length < 10_000) output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
}

const LEAD = JSON.stringify({
  destination: 'webhook',
  lead: { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123', zip_code: '10001' },
  // The bot signals the widget sends with every lead (the relay requires them by default).
  bot: { honeypot: '', elapsedMs: 10_000 },
});

async function load(run: string, url: string, options: { rate?: number; seconds: number }): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: 20,
    duration: options.seconds,
    ...(options.rate ? { overallRate: options.rate } : {}),
    headers: { 'content-type': 'application/json', origin: 'https://lp.example.com' },
    body: LEAD,
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': crypto.randomUUID() } }),
      },
    ],
  });
  return {
    run,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function relayLoad(seconds = 10): Promise<LoadResult[]> {
  const children: ChildProcess[] = [];
  try {
    const standins = await start('npx', ['tsx', 'bench/standin-server.ts'], {}, /standins: (http:\/\/\S+)/);
    children.push(standins.child);
    const config = { ...standinRelayConfig(`${standins.url}/standins`, 'bench', ['https://lp.example.com']), rateLimit: { windowSeconds: 1, max: 1_000_000 } };
    const path = join(mkdtempSync(join(tmpdir(), 'bench-')), 'relay.config.json');
    writeFileSync(path, JSON.stringify(config));
    const direct = `${standins.url}/standins/webhook/bench`;
    const results = [await load('straight to the stand-in, 500 req/s', direct, { rate: 500, seconds })];
    const database = await benchDatabase();
    const ledgers: [string, NodeJS.ProcessEnv][] = [['PGlite', { DATABASE_URL: '', RELAY_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'bench-relay-')), 'relay-data') }]];
    if (typeof database !== 'string') ledgers.push(['PostgreSQL', { DATABASE_URL: database.url }]);
    try {
      for (const [engine, ledger] of ledgers) {
        const relay = await start('npx', ['tsx', 'src/relay/node.ts'], { ...STANDIN_ENV, ...ledger, RELAY_CONFIG: path, PORT: '0', RELAY_LOG: process.env['RELAY_LOG'] ?? 'json' }, /listening on (http:\/\/\S+)/);
        try {
          const viaRelay = `${relay.url}/v1/leads`;
          await load('warm-up', viaRelay, { rate: 200, seconds: 2 });
          results.push(await load(`through the relay, ledger on ${engine}, 500 req/s`, viaRelay, { rate: 500, seconds }));
          results.push(await load(`through the relay, ledger on ${engine}, as fast as it goes`, viaRelay, { seconds: Math.max(3, Math.round(seconds / 2)) }));
        } finally {
          if (relay.child.pid) process.kill(-relay.child.pid, 'SIGTERM');
        }
      }
    } finally {
      if (typeof database !== 'string') await new Promise((resolve) => setTimeout(resolve, 1000)).then(database.drop);
    }
    return results;
  } finally {
    for (const child of children) if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}
