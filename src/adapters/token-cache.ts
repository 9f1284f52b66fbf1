import type { DeliveryContext } from './adapter.js';
import { exchange, networkFailure, type WireRequest, type WireResponse } from './http.js';
import type { Outcome } from './lead.js';

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

/**
 * Sends a request that needs a bearer token: from the cache, or fetched; when the destination
 * refuses the token (`refused`), once more with a fresh one. No token means the request never left,
 * so a token endpoint that is down is a failure that was `not_delivered`, and one that refuses our
 * credentials is `unauthorised` (the operator's to fix, final). A token refused twice is the same.
 */
export async function sendWithToken(
  tokens: TokenCache,
  context: DeliveryContext,
  fetchToken: TokenFetcher,
  build: (token: string) => WireRequest,
  refused: (response: WireResponse) => boolean,
  unauthorised: Outcome,
): Promise<{ readonly response: WireResponse } | { readonly outcome: Outcome }> {
  const token = async (fresh: boolean): Promise<string | Outcome> => {
    try {
      return fresh ? (await tokens.refresh(fetchToken)).value : await tokens.get(context.now(), fetchToken);
    } catch (error) {
      if (error instanceof TokenError && !error.retryable) return unauthorised;
      return {
        status: 'failed',
        retryable: true,
        delivery: 'not_delivered',
        code: 'token_unavailable',
        message: `No token, so nothing was sent: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
  try {
    let current = await token(false);
    if (typeof current !== 'string') return { outcome: current };
    let response = await exchange(build(current), context.fetch, context.signal);
    if (!refused(response)) return { response };
    tokens.invalidate();
    current = await token(true);
    if (typeof current !== 'string') return { outcome: current };
    response = await exchange(build(current), context.fetch, context.signal);
    return refused(response) ? { outcome: unauthorised } : { response };
  } catch (error) {
    return { outcome: networkFailure(error) };
  }
}
