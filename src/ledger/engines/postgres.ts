import pg from 'pg';
import { LedgerUnavailableError, type Engine, type Queryable, type Row, type Session } from '../engine.js';

/** How long to wait for a connection before the relay answers 503 (the browser retries). */
const CONNECT_TIMEOUT_MS = 5000;

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T extends Row>(text: string, params?: readonly unknown[]): Promise<T[]> {
      return (await client.query<T>(text, params ? [...params] : undefined)).rows;
    },
  };
}

/** Host, port and database of a URL, never its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'an unreadable DATABASE_URL';
  }
}

/**
 * A PostgreSQL server through a node-postgres pool: every relay instance shares it, and the
 * database's own locks (unique constraints, `FOR UPDATE SKIP LOCKED`) keep them from stepping on
 * each other. Checks the connection before answering, so a wrong URL fails at start.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Engine> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new LedgerUnavailableError(`The ledger database at ${where} cannot be reached (${(error as Error).message}): check DATABASE_URL.`);
  }
  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A checked-out client whose server goes away emits 'error' between queries; unheard, it would
    // end the process. The query under way (or the next one) fails instead, and the relay answers 503.
    let broken = false;
    const lost = () => {
      broken = true;
    };
    client.on('error', lost);
    try {
      return await work(client);
    } catch (error) {
      broken ||= (error as { code?: unknown }).code === undefined;
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }
  return {
    kind: 'postgres',
    where,
    ...queryable(pool),
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(queryable(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    session: <T>(work: (session: Session) => Promise<T>) =>
      withClient((client) =>
        work({
          ...queryable(client),
          async exec(text: string) {
            await client.query(text);
          },
        }),
      ),
    close: () => pool.end(),
  };
}
