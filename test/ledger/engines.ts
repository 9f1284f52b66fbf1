// Every ledger behaviour is specified once and run against both engines: PGlite in memory, and a
// fresh database on the PostgreSQL server that scripts/ensure-postgres.mjs provides (or
// TEST_DATABASE_URL names). Without one, the PostgreSQL suite fails with a sentence saying how to
// provide one: never a silent skip.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import pg from 'pg';
import type { Engine } from '../../src/ledger/engine.js';
import { openPostgres } from '../../src/ledger/engines/postgres.js';
import { migrate } from '../../src/ledger/migrate.js';
import { openMigratedPglite } from './pglite-template.js';

export { openMigratedPglite };

const TABLES = ['ledger_events', 'ledger_consent', 'ledger_idempotency', 'ledger_match_keys', 'ledger_suppressions', 'ledger_leads', 'ledger_rate_windows'];

/** Why the PostgreSQL tests cannot run, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env['TEST_DATABASE_URL']) return undefined;
  return (
    process.env['TEST_DATABASE_UNAVAILABLE'] ??
    'No PostgreSQL server for the ledger tests: run them through `npm test` (scripts/ensure-postgres.mjs starts one), or set TEST_DATABASE_URL to a server the tests may create databases on.'
  );
}

/** A new, empty database on the test server; answers its URL and how to drop it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env['TEST_DATABASE_URL']!;
  const name = `ledger_test_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface EngineFixture {
  readonly name: 'PGlite' | 'PostgreSQL';
  /** The open, migrated engine of the running suite, emptied before each test. */
  engine(): Engine;
  /** Another engine on the same database (PostgreSQL only: a second relay instance). */
  another?(): Promise<Engine>;
}

/** Declares `body`'s tests once per engine, each suite on its own migrated database. */
export function onEachEngine(title: string, body: (fixture: EngineFixture) => void): void {
  describe(`${title} (PGlite)`, () => {
    let engine: Engine;
    before(async () => {
      engine = await openMigratedPglite();
    });
    after(() => engine.close());
    beforeEach(() => engine.query(`TRUNCATE ${TABLES.join(', ')}`).then(() => undefined));
    body({ name: 'PGlite', engine: () => engine });
  });

  describe(`${title} (PostgreSQL)`, () => {
    const unavailable = postgresUnavailable();
    if (unavailable) {
      it('needs a PostgreSQL server', () => assert.fail(unavailable));
      return;
    }
    let engine: Engine;
    let database: { url: string; drop: () => Promise<void> };
    const others: Engine[] = [];
    before(async () => {
      database = await freshPostgresDatabase();
      engine = await openPostgres(database.url);
      await migrate(engine);
    });
    after(async () => {
      await Promise.all([engine, ...others].map((each) => each.close()));
      await database.drop();
    });
    beforeEach(() => engine.query(`TRUNCATE ${TABLES.join(', ')}`).then(() => undefined));
    body({
      name: 'PostgreSQL',
      engine: () => engine,
      another: async () => {
        const other = await openPostgres(database.url);
        others.push(other);
        return other;
      },
    });
  });
}
