import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LedgerUnavailableError, type Engine, type Queryable, type Row, type Session } from '../engine.js';
import { lockFolder, type FolderLock } from './lock-file.js';

export interface EmbeddedEngine extends Engine {
  /** The whole database as a tarball, to start another from (tests). */
  dump(): Promise<Blob>;
}

/** What the lock's refusal tells the second process to do. */
const BUSY_ADVICE = 'stop the relay, or run the ledger on PostgreSQL (DATABASE_URL) so several processes can share it';

function queryable(db: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T extends Row>(text: string, params?: readonly unknown[]): Promise<T[]> {
      return (await db.query<T>(text, params ? [...params] : undefined)).rows;
    },
  };
}

/**
 * PGlite in `folder` (the relay's `RELAY_DATA_DIR`), or in memory when `folder` is undefined (tests).
 * `loadDataDir` starts a new database from a dump (`dumpDataDir`) instead of running initdb.
 * PGlite is one connection: it queues queries and transactions itself, so callers may overlap.
 */
export async function openEmbedded(folder: string | undefined, options: { readonly loadDataDir?: Blob } = {}): Promise<EmbeddedEngine> {
  let lock: FolderLock | undefined;
  let db: PGlite;
  const where = folder === undefined ? 'memory' : resolve(folder);
  try {
    if (folder !== undefined) {
      mkdirSync(folder, { recursive: true });
      lock = lockFolder(join(folder, 'ledger.lock'), where, BUSY_ADVICE);
    }
    db = new PGlite({ ...(folder === undefined ? {} : { dataDir: join(folder, 'pgdata') }), ...options });
    await db.waitReady;
  } catch (error) {
    lock?.release();
    if (error instanceof LedgerUnavailableError) throw error;
    throw new LedgerUnavailableError(
      `The embedded ledger in ${where} cannot be opened (${(error as Error).message}): set RELAY_DATA_DIR to a writable folder, or DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const engine: EmbeddedEngine = {
    kind: 'embedded',
    where,
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    async session<T>(work: (session: Session) => Promise<T>): Promise<T> {
      return work({
        ...queryable(db),
        async exec(text: string) {
          await db.exec(text);
        },
      });
    },
    async dump() {
      return db.dumpDataDir('none');
    },
    async close() {
      try {
        await db.close();
      } finally {
        lock?.release();
      }
    },
  };
  return engine;
}
