/**
 * A bearer token kept until shortly before it expires, fetched at most once at a time. MLAS asks for
 * a refresh about five minutes before expiry; CRM.COM tokens live two hours (DESTINATIONS.md).
 */
export interface CachedToken {
  readonly value: string;
  /** Epoch milliseconds after which the token must not be used. */
  readonly expiresAt: number;
}

export type TokenFetcher = () => Promise<CachedToken>;

export class TokenCache {
  #token: CachedToken | undefined;
  #pending: Promise<CachedToken> | undefined;

  constructor(private readonly marginMs: number) {}

  /** A token valid at `now`, from the cache or freshly fetched. */
  async get(now: Date, fetchToken: TokenFetcher): Promise<string> {
    const token = this.#token;
    if (token && now.getTime() < token.expiresAt - this.marginMs) return token.value;
    return (await this.refresh(fetchToken)).value;
  }

  /** Fetches a new token (once, however many callers ask at the same time). */
  async refresh(fetchToken: TokenFetcher): Promise<CachedToken> {
    this.#pending ??= fetchToken().then(
      (token) => {
        this.#token = token;
        this.#pending = undefined;
        return token;
      },
      (error: unknown) => {
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }

  /** Forgets the token (after the destination refused it). */
  invalidate(): void {
    this.#token = undefined;
  }
}

/** Thrown when a token could not be had; adapters turn it into an outcome. */
export class TokenError extends Error {
  constructor(
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
  }
}
