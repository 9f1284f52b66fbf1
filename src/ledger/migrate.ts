import type { Engine } from './engine.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** The advisory lock every instance takes to migrate: instances starting together wait in turn. */
const MIGRATION_LOCK = 7_305_130_001;

/**
 * Brings the database to the newest schema: under a PostgreSQL advisory lock (held by one session),
 * each missing migration in its own transaction with its row in `ledger_migrations`. Answers the
 * versions it applied (none when another instance got there first).
 */
export async function migrate(engine: Engine, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return engine.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await session.exec(
        'CREATE TABLE IF NOT EXISTS ledger_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const applied = new Set((await session.query<{ version: number }>('SELECT version FROM ledger_migrations')).map((row) => row.version));
      const done: number[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        try {
          await session.exec(`BEGIN;\n${migration.sql}\n;INSERT INTO ledger_migrations (version, name) VALUES (${Number(migration.version)}, '${migration.name.replace(/'/g, "''")}');\nCOMMIT;`);
        } catch (error) {
          await session.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`ledger migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}
