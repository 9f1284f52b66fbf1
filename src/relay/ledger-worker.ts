import type { Adapter } from '../adapters/adapter.js';
import type { Outcome } from '../adapters/lead.js';
import type { Engine } from '../ledger/engine.js';
import type { LedgerSettings } from '../ledger/settings.js';
import { trustedFormClaimed } from '../ledger/quality.js';
import { startWorker, type Worker } from '../ledger/worker.js';
import type { Destination } from './destination-config.js';
import { claimStep } from './lead-quality.js';

/** What the worker needs of the relay's configuration: its destinations and their bounds. */
export interface WorkerRelayConfig {
  readonly destinationTimeoutMs: number;
  readonly destinations: ReadonlyMap<string, Destination>;
}

export interface RelayWorkerDependencies {
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** One line per background try, no personal data. */
  readonly log?: (entry: { readonly route: 'worker'; readonly destination: string; readonly state: string; readonly outcome: Outcome['status']; readonly code?: string; readonly attempt: number }) => void;
  readonly onError?: (error: unknown) => void;
  readonly pollMs?: number;
}

/** A destination's bound on one call: its adapter's own (MLAS blocks until scored) or the relay's. */
export function timeoutOf(adapter: Adapter, config: Pick<WorkerRelayConfig, 'destinationTimeoutMs'>): number {
  return adapter.timeoutMs ?? config.destinationTimeoutMs;
}

/**
 * The relay's background delivery: every instance runs one worker over the shared ledger. A lead
 * is sent by its destination's adapter with the lead's own idempotency key; a destination no longer
 * configured leaves the lead queued (nothing was sent). A claim abandoned mid-call (its instance
 * died) counts as maybe delivered: it is resent only where the adapter says its destination
 * deduplicates by our key; elsewhere the lead is `uncertain` and waits for an operator.
 */
export function startRelayWorker(engine: Engine, config: WorkerRelayConfig, settings: LedgerSettings, dependencies: RelayWorkerDependencies): Worker {
  const longest = Math.max(config.destinationTimeoutMs, ...[...config.destinations.values()].map((destination) => timeoutOf(destination.adapter, config)));
  return startWorker({
    engine,
    delivery: settings.delivery,
    retention: settings.retention,
    claimSeconds: Math.ceil(longest / 1000) + settings.delivery.leaseSeconds,
    now: dependencies.now,
    resendsSafely: (name) => config.destinations.get(name)?.adapter.deduplicates === true,
    ...(dependencies.pollMs === undefined ? {} : { pollMs: dependencies.pollMs }),
    ...(dependencies.onError ? { onError: dependencies.onError } : {}),
    async deliver(lead) {
      const destination = config.destinations.get(lead.destination);
      if (!destination) return { status: 'failed', retryable: true, delivery: 'not_delivered', code: 'unknown_destination' };
      // A lead queued because TrustedForm was out of reach is claimed before it is sent.
      if (destination.trustedform?.claim && !(await trustedFormClaimed(engine, lead.id))) {
        const stop = await claimStep(engine, destination, lead.envelope, lead.id, dependencies.fetch, dependencies.now());
        if (stop) return stop.outcome;
      }
      const result = await destination.adapter.create(lead.envelope, {
        fetch: dependencies.fetch,
        now: dependencies.now,
        idempotencyKey: lead.idempotencyKey,
        signal: AbortSignal.timeout(timeoutOf(destination.adapter, config)),
      });
      return result.outcome;
    },
    onSettled(lead, decision, outcome) {
      dependencies.log?.({
        route: 'worker',
        destination: lead.destination,
        state: decision.state,
        outcome: outcome.status,
        ...(outcome.code === undefined ? {} : { code: outcome.code }),
        attempt: lead.attempts,
      });
    },
  });
}
