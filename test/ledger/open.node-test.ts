// Opening the ledger: the engine the environment names, migrations applied once under an advisory
// lock, one process per embedded folder, and a sentence naming the variable when it cannot open.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LedgerLockedError, LedgerUnavailableError } from '../../src/ledger/engine.js';
import { lockFolder } from '../../src/ledger/engines/lock-file.js';
import { openPostgres } from '../../src/ledger/engines/postgres.js';
import { migrate } from '../../src/ledger/migrate.js';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';
import { openLedger } from '../../src/ledger/open.js';
import { freshPostgresDatabase, postgresUnavailable } from './engines.js';

const folder = () => mkdtempSync(join(tmpdir(), 'ledger-open-'));

function npmLeads(args: string[], env: Record<string, string>) {
  return spawnSync('npm', ['run', '--silent', 'leads', '--', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

describe('opening the ledger', () => {
  it('names DATABASE_URL, never its password, when the server cannot be reached', async () => {
    await assert.rejects(openLedger({ DATABASE_URL: 'postgres://relay:s3cret@127.0.0.1:1/leads' }), (error: Error) => {
      assert.ok(error instanceof LedgerUnavailableError);
      assert.match(error.message, /^The ledger database at 127\.0\.0\.1:1\/leads cannot be reached \(.*\): check DATABASE_URL\.$/);
      assert.equal(error.message.includes('s3cret'), false);
      return true;
    });
  });

  it('names RELAY_DATA_DIR when the embedded folder cannot be made', async () => {
    const file = join(folder(), 'a-file');
    writeFileSync(file, '');
    await assert.rejects(openLedger({ RELAY_DATA_DIR: join(file, 'ledger') }), /cannot be opened .*: set RELAY_DATA_DIR to a writable folder, or DATABASE_URL to a PostgreSQL server\.$/);
  });

  it('refuses a folder another live process holds, and takes over the lock of one that died', () => {
    const where = folder();
    const path = join(where, 'ledger.lock');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(path, JSON.stringify({ pid: holder.pid, host: hostname(), since: '2026-11-30T10:00:00Z' }));
      assert.throws(() => lockFolder(path, where, 'stop the relay'), (error: Error) => error instanceof LedgerLockedError && error.message === `The embedded ledger in ${where} is in use by process ${holder.pid} on ${hostname()}: stop the relay.`);
    } finally {
      holder.kill();
    }
    const dead = spawnSync('true').pid;
    writeFileSync(path, JSON.stringify({ pid: dead, host: hostname(), since: '2026-11-30T10:00:00Z' }));
    const lock = lockFolder(path, where, 'stop the relay');
    assert.equal((JSON.parse(readFileSync(path, 'utf8')) as { pid: number }).pid, process.pid);
    lock.release();
    assert.throws(() => readFileSync(path), /ENOENT/);
  });

  it('npm run leads refuses an embedded folder the relay holds, saying what to do', () => {
    const where = folder();
    const relay = spawn('sleep', ['30']);
    try {
      writeFileSync(join(where, 'ledger.lock'), JSON.stringify({ pid: relay.pid, host: hostname(), since: '2026-11-30T10:00:00Z' }));
      const result = npmLeads(['list'], { RELAY_DATA_DIR: where });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /^leads: The embedded ledger in .* is in use by process \d+ on .*: stop the relay, or run the ledger on PostgreSQL \(DATABASE_URL\) so several processes can share it\.\n$/);
    } finally {
      relay.kill();
    }
  });

  it('npm run leads makes a new embedded ledger in RELAY_DATA_DIR and lists it empty', () => {
    const result = npmLeads(['list'], { RELAY_DATA_DIR: join(folder(), 'relay-data') });
    assert.equal(result.stderr, '');
    assert.deepEqual([result.status, result.stdout], [0, 'No leads.\n']);
  });

  it('npm run leads explains its usage when the command is wrong', () => {
    const result = npmLeads(['resolve', 'abc'], { RELAY_DATA_DIR: folder() });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^leads: expected resolve ID delivered, or resolve ID failed\.\nUsage: npm run leads -- <command>/);
  });
});

describe('migrations on PostgreSQL', () => {
  const unavailable = postgresUnavailable();
  if (unavailable) {
    it('needs a PostgreSQL server', () => assert.fail(unavailable));
    return;
  }

  it('apply once when instances start together, under the advisory lock, and never again', async () => {
    const database = await freshPostgresDatabase();
    const engines = await Promise.all([openPostgres(database.url), openPostgres(database.url), openPostgres(database.url)]);
    try {
      const applied = await Promise.all(engines.map((engine) => migrate(engine)));
      assert.deepEqual(applied.flat(), MIGRATIONS.map((migration) => migration.version), 'each version applied by exactly one instance');
      assert.deepEqual(await migrate(engines[0]!), []);
      const rows = await engines[0]!.query<{ version: number }>('SELECT version FROM ledger_migrations');
      assert.deepEqual(rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version));
    } finally {
      await Promise.all(engines.map((engine) => engine.close()));
      await database.drop();
    }
  });
});
