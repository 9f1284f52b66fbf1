/**
 * When to try a failed send again: exponential backoff with full jitter (each wait a random share of
 * base·2^attempt, capped), so many browsers that failed together do not return together; a
 * destination's Retry-After is honoured; and the whole effort is bounded, so a person never watches a
 * spinner for ever. Pure: the randomness is passed in.
 */
export interface RetryPolicy {
  /** Sends in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No wait may end later than this after the first send. */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 30_000 };

/**
 * The wait before attempt `attempt + 1` (attempt counts the sends so far, from 1), or undefined when
 * the policy says stop. `elapsedMs` is the time since the first send.
 */
export function nextDelay(
  policy: RetryPolicy,
  attempt: number,
  elapsedMs: number,
  random: () => number,
  retryAfterSeconds?: number,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(random() * ceiling);
  const wait = retryAfterSeconds === undefined ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
  return elapsedMs + wait > policy.budgetMs ? undefined : wait;
}
