import type { Engine } from '../ledger/engine.js';
import { openLedger, type LedgerEnvironment } from '../ledger/open.js';
import { SharedRateLimiter } from '../ledger/rate-limit.js';
import type { LedgerSettings } from '../ledger/settings.js';
import type { Worker } from '../ledger/worker.js';
import type { RelayLedger } from './ledger-create.js';
import { startRelayWorker, type RelayWorkerDependencies, type WorkerRelayConfig } from './ledger-worker.js';

/** What `npm run relay` hands `createRelay`: the ledger, and on PostgreSQL the fleet's shared rate limit. */
export interface RelayLedgerDependency extends RelayLedger {
  readonly limiter?: SharedRateLimiter;
}

export interface RunningLedger {
  readonly ledger: RelayLedgerDependency;
  readonly engine: Engine;
  /** Stops the worker (letting its pass finish) and closes the database. */
  stop(): Promise<void>;
}

/**
 * Opens the ledger the environment names (throws `LedgerUnavailableError`, one sentence naming
 * `DATABASE_URL` or `RELAY_DATA_DIR`), starts this instance's delivery worker, and, on PostgreSQL,
 * counts the rate limit in the database so the fleet shares it (the embedded ledger is one process:
 * its limit stays in memory).
 */
export async function startRelayLedger(
  env: LedgerEnvironment,
  config: WorkerRelayConfig & { readonly rateLimit: { readonly windowSeconds: number; readonly max: number }; readonly ledger: LedgerSettings },
  dependencies: RelayWorkerDependencies,
): Promise<RunningLedger> {
  const engine = await openLedger(env);
  const worker: Worker = startRelayWorker(engine, config, config.ledger, dependencies);
  const limiter = engine.kind === 'postgres' ? new SharedRateLimiter(engine, config.rateLimit.max, config.rateLimit.windowSeconds) : undefined;
  return {
    engine,
    ledger: { engine, delivery: config.ledger.delivery, ...(limiter ? { limiter } : {}) },
    async stop() {
      await worker.stop();
      await engine.close();
    },
  };
}
