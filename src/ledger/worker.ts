import type { Outcome } from '../adapters/lead.js';
import type { Engine } from './engine.js';
import { settle } from './intake.js';
import { claimDue, type ClaimedLead } from './queue.js';
import { purge, type PurgeReport } from './retention.js';
import type { DeliverySettings, RetentionSettings } from './settings.js';
import { afterAttempt, summarise, type Decision } from './states.js';

export interface WorkerOptions {
  readonly engine: Engine;
  readonly delivery: DeliverySettings;
  /** Sends a claimed lead to its destination (the relay's adapter, with the lead's own idempotency key). */
  readonly deliver: (lead: ClaimedLead) => Promise<Outcome>;
  /**
   * Whether a lead that may already be at `destination` can be sent again without a second record:
   * the destination deduplicates by our key. Decides what happens to a claim abandoned mid-call.
   */
  readonly resendsSafely: (destination: string) => boolean;
  /** How long a claim lasts: the longest destination timeout plus `delivery.leaseSeconds`. */
  readonly claimSeconds: number;
  readonly now: () => Date;
  /** How often to look for due leads when none are waiting. */
  readonly pollMs?: number;
  /** How many leads one pass claims and sends at once. */
  readonly batchSize?: number;
  /** With retention, the worker purges at start and then daily (DESIGN.md: "the relay also does it daily"). */
  readonly retention?: RetentionSettings;
  readonly onSettled?: (lead: ClaimedLead, decision: Decision, outcome: Outcome) => void;
  readonly onPurged?: (report: PurgeReport) => void;
  /** A pass that failed (the database unreachable): the worker goes on at the next poll. */
  readonly onError?: (error: unknown) => void;
}

export interface Worker {
  /** Stops polling and waits for the pass under way. */
  stop(): Promise<void>;
}

const ABANDONED: Outcome = { status: 'uncertain', retryable: false, delivery: 'maybe_delivered', code: 'claim_abandoned' };
const DAY_MS = 86_400_000;

/** One try of one claimed lead, settled in the ledger. */
async function deliverClaimed(options: WorkerOptions, lead: ClaimedLead): Promise<void> {
  let outcome: Outcome;
  if (lead.takenOver && !options.resendsSafely(lead.destination)) {
    outcome = ABANDONED;
  } else {
    try {
      outcome = await options.deliver(lead);
    } catch {
      // An adapter that throws may have sent the request already.
      outcome = { status: 'failed', retryable: false, delivery: 'maybe_delivered', code: 'delivery_error' };
    }
  }
  const now = options.now();
  const decision = afterAttempt(outcome, { attempts: lead.attempts, receivedAt: lead.receivedAt, now }, options.delivery);
  await settle(options.engine, {
    leadId: lead.id,
    claimToken: lead.claimToken,
    decision,
    outcome: summarise(outcome),
    attempt: lead.attempts,
    actor: 'worker',
    now,
    ...(outcome === ABANDONED ? { note: 'the instance delivering it stopped mid-call and the destination does not deduplicate: check it, then retry or resolve' } : {}),
  });
  options.onSettled?.(lead, decision, outcome);
}

/** One pass: claims what is due and delivers it; answers how many leads it tried. */
export async function workerPass(options: WorkerOptions, batchSize = options.batchSize ?? 10): Promise<number> {
  const now = options.now();
  const claimedUntil = new Date(now.getTime() + options.claimSeconds * 1000);
  const claimed = await claimDue(options.engine, now, claimedUntil, batchSize);
  await Promise.all(claimed.map((lead) => deliverClaimed(options, lead)));
  return claimed.length;
}

/**
 * Every relay instance runs one: it claims due leads (`claimDue`), sends each with the lead's own
 * idempotency key, and settles it on the schedule of `afterAttempt`. Passes follow each other while
 * full batches come back, then wait `pollMs`; retention runs at start and then daily.
 */
export function startWorker(options: WorkerOptions): Worker {
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastPurge = -Infinity;

  async function pass(): Promise<number> {
    const now = options.now().getTime();
    if (options.retention && now - lastPurge >= DAY_MS) {
      const report = await purge(options.engine, options.retention, options.now());
      lastPurge = now;
      options.onPurged?.(report);
    }
    return workerPass(options, batchSize);
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(
        (count) => schedule(count >= batchSize ? 0 : pollMs),
        (error: unknown) => {
          options.onError?.(error);
          schedule(pollMs);
        },
      );
    }, delayMs);
    timer.unref?.();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
