import { LedgerUnavailableError, type Engine } from './engine.js';
import { openEmbedded } from './engines/pglite.js';
import { openPostgres } from './engines/postgres.js';
import { migrate } from './migrate.js';

/** Where the embedded ledger lives when neither the environment nor the caller says. */
export const DEFAULT_DATA_DIR = './relay-data';

export interface LedgerEnvironment {
  readonly DATABASE_URL?: string | undefined;
  readonly RELAY_DATA_DIR?: string | undefined;
}

/**
 * Opens the ledger the environment names and brings its schema up to date: PostgreSQL when
 * `DATABASE_URL` is set (every instance sharing it), else PGlite embedded in `RELAY_DATA_DIR`
 * (default `./relay-data`, one process at a time). Throws `LedgerUnavailableError` with one sentence
 * naming the variable to fix.
 */
export async function openLedger(env: LedgerEnvironment): Promise<Engine> {
  const url = env.DATABASE_URL?.trim();
  const engine = url ? await openPostgres(url) : await openEmbedded(env.RELAY_DATA_DIR?.trim() || DEFAULT_DATA_DIR);
  try {
    await migrate(engine);
  } catch (error) {
    await engine.close().catch(() => undefined);
    const variable = engine.kind === 'postgres' ? 'DATABASE_URL' : 'RELAY_DATA_DIR';
    throw new LedgerUnavailableError(`The ledger at ${engine.where} cannot be brought up to date (${(error as Error).message}): check ${variable}.`);
  }
  return engine;
}
