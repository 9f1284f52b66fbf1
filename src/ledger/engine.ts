/**
 * The seam between the ledger and its database. PostgreSQL is the one schema; two engines speak it:
 * a PostgreSQL server through node-postgres (`DATABASE_URL`, shared by every relay instance) and
 * PGlite, PostgreSQL compiled to WebAssembly, embedded in one process (`RELAY_DATA_DIR`). Everything
 * above this file writes plain SQL with `$1` parameters and never knows which engine runs it.
 */

/** One row as the driver returns it: timestamps as `Date`, `jsonb` parsed, integers as numbers. */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$n` parameters; the rows it returns (use `RETURNING` to see what changed). */
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** One database session of its own, for work that must not share a connection (migrations). */
export interface Session extends Queryable {
  /** Several statements in one string, no parameters (a migration file). */
  exec(text: string): Promise<void>;
}

export type EngineKind = 'embedded' | 'postgres';

export interface Engine extends Queryable {
  readonly kind: EngineKind;
  /** Where the data lives, for messages: the folder, or the server's host and database (never a password). */
  readonly where: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `work` on one session of its own (the migrations' advisory lock needs one). */
  session<T>(work: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The ledger cannot be opened or written. The message is one sentence an operator can act on; the
 * relay answers 503 at run time and exits with it at start.
 */
export class LedgerUnavailableError extends Error {
  override readonly name = 'LedgerUnavailableError';
}

/** The embedded ledger's folder is in use by another process (PGlite has no lock of its own). */
export class LedgerLockedError extends LedgerUnavailableError {}

/** PostgreSQL's SQLSTATE for a unique-constraint violation, as both drivers report it in `code`. */
export const UNIQUE_VIOLATION = '23505';

export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
