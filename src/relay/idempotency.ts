/**
 * The relay's memory of answers by idempotency key: a repeated key gets the first answer again and
 * never reaches the destination twice. In memory by default; a deployment with several instances
 * implements `IdempotencyStore` over a shared store (the ledger's database table, Redis, a KV namespace).
 */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  /** SHA-256 of the request body the key was first used with. */
  readonly requestHash: string;
}

export interface IdempotencyStore {
  get(key: string): Promise<StoredAnswer | undefined>;
  /** Remembers (or replaces) the answer under `key` for `ttlSeconds`. */
  set(key: string, answer: StoredAnswer, ttlSeconds: number): Promise<void>;
}

export interface MemoryStoreOptions {
  /** The most answers kept; the oldest go first beyond it (default 10,000, about 10 MB). */
  readonly maxEntries?: number;
}

/**
 * One process's memory, bounded (issue 11: unswept, 50,000 leads held 48 MB): expired answers are
 * swept from the oldest end on every write, and beyond `maxEntries` the oldest are dropped. An
 * answer dropped early lets a very late retry through to the destination again, which is why real
 * deployments keep answers in the ledger instead.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #answers = new Map<string, { answer: StoredAnswer; expiresAt: number }>();
  readonly #maxEntries: number;

  constructor(
    private readonly now: () => number = () => Date.now(),
    options: MemoryStoreOptions = {},
  ) {
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  /** How many answers are held now. */
  get size(): number {
    return this.#answers.size;
  }

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
    const now = this.now();
    // Re-inserted, so the Map's order stays the order of writes: oldest first.
    this.#answers.delete(key);
    this.#answers.set(key, { answer, expiresAt: now + ttlSeconds * 1000 });
    for (const [oldest, entry] of this.#answers) {
      if (entry.expiresAt > now && this.#answers.size <= this.#maxEntries) break;
      this.#answers.delete(oldest);
    }
  }
}

/**
 * Runs `work` once per key at a time in this process: a second request with the same key and the
 * same body while the first is still with the destination waits for the first's answer instead of
 * calling again. The same key with another body gets nothing (`undefined`): the caller answers
 * 409, never the other request's answer (issue 11).
 */
export class InFlight<T> {
  readonly #running = new Map<string, { requestHash: string; answer: Promise<T> }>();

  run(key: string, requestHash: string, work: () => Promise<T>): Promise<T> | undefined {
    const running = this.#running.get(key);
    if (running) return running.requestHash === requestHash ? running.answer : undefined;
    const answer = work().finally(() => this.#running.delete(key));
    this.#running.set(key, { requestHash, answer });
    return answer;
  }
}
