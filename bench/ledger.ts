// The lead ledger's own cost per lead, in-process: the two statements the relay adds around the
// destination call (the key, lead and consent evidence before it; the outcome, event and answer
// after it), on each engine; and how long the embedded ledger takes to start, new and reopened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Engine } from '../src/ledger/engine.js';
import { consentEvidence } from '../src/ledger/evidence.js';
import { receive, settle } from '../src/ledger/intake.js';
import { openLedger } from '../src/ledger/open.js';
import { median, percentile } from './stats.js';

export interface LedgerCost {
  readonly engine: string;
  readonly leads: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly note?: string;
}

export interface LedgerStart {
  readonly run: string;
  readonly ms: number;
}

const ENVELOPE = {
  destination: 'webhook',
  lead: { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123', zip_code: '10001' },
  consent: { text: 'I agree.', sha256: 'ab'.repeat(32), sellers: ['ACME'], checkedAt: null, submittedAt: '2026-11-30T10:00:00Z', pageUrl: 'https://lp.example.com/' },
};

async function leadCost(engine: Engine, leads: number): Promise<{ medianMs: number; p99Ms: number }> {
  const samples: number[] = [];
  for (let index = 0; index < leads + 100; index++) {
    const now = new Date();
    const id = crypto.randomUUID();
    const claimToken = crypto.randomUUID();
    const request = { scope: 'create:webhook', key: crypto.randomUUID(), requestHash: 'h', now };
    const start = performance.now();
    await receive(engine, request, {
      id, destination: 'webhook', envelope: ENVELOPE, evidence: consentEvidence(ENVELOPE, { receivedAt: now, clientIp: '203.0.113.7' }), claimToken, claimedUntil: now,
    });
    await settle(engine, {
      leadId: id, claimToken, decision: { state: 'delivered' }, outcome: { status: 'accepted', retryable: false }, attempt: 1, actor: 'relay', now,
      answer: { scope: request.scope, key: request.key, answer: { status: 201, body: { id, outcome: { status: 'accepted' } } } },
    });
    if (index >= 100) samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), p99Ms: percentile(samples, 99) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** A database of its own on the server `npm run bench` started (scripts/ensure-postgres.mjs), or why not. */
export async function benchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | string> {
  const admin = process.env['TEST_DATABASE_URL'];
  if (!admin) return process.env['TEST_DATABASE_UNAVAILABLE'] ?? 'no TEST_DATABASE_URL';
  const name = `ledger_bench_${Date.now()}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function ledgerBench(leads = 1000): Promise<{ costs: LedgerCost[]; starts: LedgerStart[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-ledger-'));
  const costs: LedgerCost[] = [];
  const starts: LedgerStart[] = [];
  try {
    const [fresh, newMs] = await timed(() => openLedger({ RELAY_DATA_DIR: folder }));
    starts.push({ run: 'embedded ledger, new folder (initdb + migrations)', ms: newMs });
    await fresh.close();
    const [embedded, reopenMs] = await timed(() => openLedger({ RELAY_DATA_DIR: folder }));
    starts.push({ run: 'embedded ledger, existing folder', ms: reopenMs });
    costs.push({ engine: 'PGlite (embedded)', leads, ...(await leadCost(embedded, leads)) });
    await embedded.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const database = await benchDatabase();
  if (typeof database === 'string') {
    costs.push({ engine: 'PostgreSQL', leads: 0, medianMs: Number.NaN, p99Ms: Number.NaN, note: database });
  } else {
    try {
      const [server, openMs] = await timed(() => openLedger({ DATABASE_URL: database.url }));
      starts.push({ run: 'PostgreSQL ledger, new database (migrations)', ms: openMs });
      costs.push({ engine: 'PostgreSQL (loopback)', leads, ...(await leadCost(server, leads)) });
      await server.close();
    } finally {
      await database.drop();
    }
  }
  return { costs, starts };
}
