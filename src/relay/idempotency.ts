/**
 * The relay's memory of answers by idempotency key: a repeated key gets the first answer again and
 * never reaches the destination twice. In memory by default; a deployment with several instances
 * implements `IdempotencyStore` over a shared store (Redis, a KV namespace, a database table).
 */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  /** SHA-256 of the request body the key was first used with. */
  readonly requestHash: string;
}

export interface IdempotencyStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  set(key: string, answer: StoredAnswer, ttlSeconds: number): Promise<void>;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #answers = new Map<string, { answer: StoredAnswer; expiresAt: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  async get(key: string): Promise<StoredAnswer | undefined> {
    const entry = this.#answers.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#answers.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  async set(key: string, answer: StoredAnswer, ttlSeconds: number): Promise<void> {
    this.#answers.set(key, { answer, expiresAt: this.now() + ttlSeconds * 1000 });
  }
}

/**
 * Runs `work` once per key at a time in this process: a second request with the same key while the
 * first is still with the destination waits for the first's answer instead of calling again.
 */
export class InFlight<T> {
  readonly #running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.#running.get(key);
    if (running) return running;
    const started = work().finally(() => this.#running.delete(key));
    this.#running.set(key, started);
    return started;
  }
}
