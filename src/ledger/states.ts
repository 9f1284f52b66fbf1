import type { Outcome } from '../adapters/lead.js';
import type { DeliverySettings } from './settings.js';

/**
 * A lead's states (DESIGN.md, "The lead ledger"): `received → delivering → delivered | duplicate |
 * invalid | rejected | queued → … | uncertain | failed`, and `suppressed` (on a suppression list,
 * never forwarded). Every change is a row in `ledger_events`.
 */
export const LEAD_STATES = ['received', 'delivering', 'delivered', 'duplicate', 'invalid', 'rejected', 'queued', 'uncertain', 'failed', 'suppressed'] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export function isLeadState(value: string): value is LeadState {
  return (LEAD_STATES as readonly string[]).includes(value);
}

/** The states after which the ledger does nothing more unless an operator acts. */
export const SETTLED_STATES: readonly LeadState[] = ['delivered', 'duplicate', 'invalid', 'rejected', 'failed', 'suppressed'];

/**
 * What the ledger keeps of an outcome: never the destination's free text or field messages (they can
 * carry personal data or internals), only what an operator needs to trace the lead.
 */
export interface OutcomeSummary {
  readonly status: Outcome['status'];
  readonly retryable?: boolean;
  readonly code?: string;
  readonly destinationId?: string;
  readonly delivery?: Outcome['delivery'];
  readonly retryAfterSeconds?: number;
}

export function summarise(outcome: Outcome): OutcomeSummary {
  return {
    status: outcome.status,
    retryable: outcome.retryable,
    ...(outcome.code === undefined ? {} : { code: outcome.code }),
    ...(outcome.destinationId === undefined ? {} : { destinationId: outcome.destinationId }),
    ...(outcome.delivery === undefined ? {} : { delivery: outcome.delivery }),
    ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
  };
}

/** Where a lead goes after one try, and when it is tried again. */
export interface Decision {
  readonly state: Exclude<LeadState, 'received' | 'delivering'>;
  /** For `queued`: when the next try is due. */
  readonly nextAttemptAt?: Date;
}

/** The try just made: how many tries so far (this one included), when the lead arrived, now. */
export interface AttemptContext {
  readonly attempts: number;
  readonly receivedAt: Date;
  readonly now: Date;
}

/**
 * A failure may be resent when the adapter says so (not delivered, or a destination that
 * deduplicates by our key) or when it is sure the lead never arrived; any other failure may have
 * reached a destination that would store it twice, so it waits for an operator (`uncertain`).
 */
export function mayResend(outcome: Outcome): boolean {
  return outcome.retryable || outcome.delivery === 'not_delivered';
}

/**
 * The delivery schedule: the n-th wait is `retryDelaysSeconds[n-1]` (the last repeats), never
 * sooner than the destination's Retry-After, and a lead past `maxAgeHours` is `failed`.
 */
export function afterAttempt(outcome: Outcome, attempt: AttemptContext, delivery: DeliverySettings): Decision {
  switch (outcome.status) {
    case 'accepted':
    case 'qualified':
      return { state: 'delivered' };
    case 'duplicate':
    case 'invalid':
    case 'rejected':
    case 'uncertain':
      return { state: outcome.status };
    case 'queued':
    case 'failed': {
      if (outcome.status === 'failed' && !mayResend(outcome)) return { state: 'uncertain' };
      const delays = delivery.retryDelaysSeconds;
      const delay = delays[Math.min(Math.max(attempt.attempts, 1), delays.length) - 1] ?? 60;
      const waitSeconds = Math.max(delay, outcome.retryAfterSeconds ?? 0);
      const nextAttemptAt = new Date(attempt.now.getTime() + waitSeconds * 1000);
      const deadline = attempt.receivedAt.getTime() + delivery.maxAgeHours * 3_600_000;
      return nextAttemptAt.getTime() > deadline ? { state: 'failed' } : { state: 'queued', nextAttemptAt };
    }
  }
}
