import type { Adapter } from '../adapters/adapter.js';
import type { Outbox } from './outbox.js';
import type { RetryPolicy } from './retry.js';

/** What a submission flow (submission.ts) is built from: its destination, clock and outbox, and how it retries. */
export interface FlowDependencies {
  readonly adapter: Adapter;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly newKey?: () => string;
  /** Where leads wait until they are settled; in memory unless the page persists them. */
  readonly outbox?: Outbox;
  /** Which configuration this flow sends for: outbox entries of another are not its to resume. */
  readonly target?: string;
  readonly retry?: RetryPolicy;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A send that has not answered in this long is abandoned and counted as a retryable failure. */
  readonly requestTimeoutMs?: number;
  /**
   * Runs `work` only if no other tab is sending the lead with this key (Web Locks); answers undefined
   * when one is. Without it, every call runs.
   */
  readonly exclusive?: <T>(key: string, work: () => Promise<T>) => Promise<T | undefined>;
  /**
   * Whether the second step follows the first at once, with no one to ask (consent came with the
   * form). Then a lead between the steps stays in the outbox, so a reload sends its second step.
   */
  readonly autoSubmit?: boolean;
}
