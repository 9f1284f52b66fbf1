import type { Adapter, DeliveryContext } from './adapter.js';
import type { LeadEnvelope, Outcome } from './lead.js';

/** A request an adapter wants sent: plain data, so building it stays a pure function. */
export interface WireRequest {
  readonly url: string;
  readonly method: 'POST' | 'GET';
  readonly headers: Readonly<Record<string, string>>;
  /** Already serialised, because some destinations sign the exact bytes (iVvy's Content-MD5). */
  readonly body?: string;
}

/** A destination's answer as plain data, so reading it stays a pure function. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, or the raw text when it was not JSON, or null when empty. */
  readonly body: unknown;
}

/** Sends a `WireRequest` with the injected fetch and reads the answer into a `WireResponse`. */
export async function exchange(
  request: WireRequest,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<WireResponse> {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  if (signal) init.signal = signal;
  const response = await fetchImpl(request.url, init);
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Reads a property path from an unknown JSON value without trusting its shape. */
export function pick(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A string or number from an unknown JSON value, as a string; anything else is undefined. */
export function pickText(value: unknown, ...path: readonly string[]): string | undefined {
  const found = pick(value, ...path);
  if (typeof found === 'string') return found;
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  return undefined;
}

/** HTTP statuses that say "the same request may succeed later" (RFC 9110 and common practice). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After in seconds (delta-seconds or an HTTP date), or undefined. */
export function retryAfterSeconds(headers: Readonly<Record<string, string>>, now: Date): number | undefined {
  const raw = headers['retry-after'];
  if (raw === undefined) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** The outcome when no answer came back at all (network down, connection dropped, timeout). */
export function networkFailure(error: unknown): Outcome {
  const aborted = error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
  return {
    status: 'failed',
    retryable: true,
    code: aborted ? 'timeout' : 'network',
    message: aborted ? 'The destination did not answer in time.' : 'The destination could not be reached.',
  };
}

/** The outcome for an HTTP answer that no adapter-specific rule recognised. */
export function httpFailure(response: WireResponse, now: Date): Outcome {
  const retryable = isRetryableStatus(response.status);
  const retryAfter = retryAfterSeconds(response.headers, now);
  return {
    status: retryable ? 'failed' : 'rejected',
    retryable,
    code: `http_${response.status}`,
    message: `The destination answered HTTP ${response.status}.`,
    ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
  };
}

/**
 * An adapter whose destination takes one request per lead: build it, send it, read the answer;
 * no answer at all is a retryable network failure.
 */
export function singleRequestAdapter(
  name: string,
  build: (envelope: LeadEnvelope, context: DeliveryContext) => WireRequest,
  read: (response: WireResponse, now: Date) => Outcome,
): Adapter {
  return {
    name,
    async create(envelope, context) {
      try {
        const response = await exchange(build(envelope, context), context.fetch, context.signal);
        return { outcome: read(response, context.now()), next: null };
      } catch (error) {
        return { outcome: networkFailure(error), next: null };
      }
    },
  };
}
