import { sleepFor } from '../flow/sleep.js';

/**
 * How long to wait before each further try of a chunk of the form's own that failed to load (a
 * dropped connection, a CDN's hiccup): twice, within about 1.5 s. Then the person is told, and it is
 * tried again when the browser comes back online, and on the next change or Submit.
 */
export const RETRY_DELAYS_MS: readonly number[] = [300, 1200];

/** Runs `attempt` until it succeeds or the delays run out; rejects with the last failure. */
export async function withRetries<T>(attempt: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS, sleep = sleepFor): Promise<T> {
  for (let tried = 0; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[tried];
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
