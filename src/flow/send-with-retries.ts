import type { DeliveryContext } from '../adapters/adapter.js';
import { isFinal, type Outcome } from '../adapters/lead.js';
import type { FlowDependencies } from './flow-dependencies.js';
import { DEFAULT_RETRY_POLICY, nextDelay } from './retry.js';
import { sleepFor } from './sleep.js';

/** One step of one lead, as the submission flow hands it over to be sent. */
export interface StepSends<T> {
  readonly idempotencyKey: string;
  readonly send: (context: DeliveryContext) => Promise<T>;
  /** The person changed or withdrew the lead meanwhile: it is not sent again (the flow sends what replaced it). */
  readonly withdrawn: () => boolean;
  /** Told before each send after the first, with its number (2, 3, …), so the person hears it is being retried. */
  readonly retrying: (attempt: number) => void;
}

/**
 * Sends, and sends again after transient failures, waiting as the retry policy says (its delays, its
 * time budget, a destination's `retryAfterSeconds`); every send carries the lead's one key and is
 * abandoned after `requestTimeoutMs`. Answers the last result: final, withdrawn, or out of retries.
 */
export async function sendWithRetries<T extends { readonly outcome: Outcome }>(dependencies: FlowDependencies, step: StepSends<T>): Promise<T> {
  const { now, random = Math.random, sleep = sleepFor, retry = DEFAULT_RETRY_POLICY, requestTimeoutMs = 15_000 } = dependencies;
  const started = now().getTime();
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) step.retrying(attempt);
    const context: DeliveryContext = {
      fetch: dependencies.fetch,
      now,
      idempotencyKey: step.idempotencyKey,
      signal: AbortSignal.timeout(requestTimeoutMs),
    };
    const result = await step.send(context);
    if (isFinal(result.outcome) || step.withdrawn()) return result;
    const wait = nextDelay(retry, attempt, now().getTime() - started, random, result.outcome.retryAfterSeconds);
    if (wait === undefined) return result;
    await sleep(wait);
    if (step.withdrawn()) return result;
  }
}
