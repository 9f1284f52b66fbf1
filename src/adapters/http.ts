import type { Adapter, DeliveryContext } from './adapter.js';
import { defined } from './defined.js';
import { neverSent } from './never-sent.js';
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

/** Whether a failed send may have reached the destination (DESIGN.md, "Destinations"). */
export type Delivery = NonNullable<Outcome['delivery']>;

/**
 * The answer's status line came back but its body did not (the connection was reset mid-answer):
 * the destination certainly received the request.
 */
export class AnswerLostError extends Error {
  constructor(
    readonly status: number,
    cause: unknown,
  ) {
    super(`the answer (HTTP ${status}) was cut off`, { cause });
  }
}

/** Sends a `WireRequest` with the injected fetch and reads the answer into a `WireResponse`. */
export async function exchange(
  request: WireRequest,
  fetchImpl: typeof fetch,
  signal?: AbortSignal,
): Promise<WireResponse> {
  // An absent body or signal is undefined here, which fetch reads as none.
  const response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new AnswerLostError(response.status, error);
  }
  // Headers are iterated with their names lowercased (the Fetch standard's "sort and combine").
  return { status: response.status, headers: Object.fromEntries(response.headers), body: parseBody(text) };
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

/** `{ field: code }` from an unknown JSON value, its string entries only; undefined when none. */
export function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
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

/**
 * Whether the destination may have acted on a request it answered with this retryable status:
 * 408 and 425 say it was not processed, 429 and 503 with Retry-After that it was turned away
 * before it was; any other 5xx (500, 502, 504, 503 without Retry-After) may come after the work.
 */
export function deliveryOfStatus(status: number, headers: Readonly<Record<string, string>>): Delivery {
  if (status === 408 || status === 425 || status === 429) return 'not_delivered';
  if (status === 503 && headers['retry-after'] !== undefined) return 'not_delivered';
  return 'maybe_delivered';
}

/**
 * Whether a send that got no answer may have reached the destination. Only a failure known to come
 * before the request left (refused connection, DNS, TLS) is `not_delivered`; a timeout, a reset, or a
 * browser's bare "Failed to fetch" may have come after the destination took the request.
 */
export function deliveryOfError(error: unknown): Delivery {
  return notSent(error) === undefined ? 'maybe_delivered' : 'not_delivered';
}

/** `neverSent`'s message for a failure known to come before the request left; never for an answer cut off. */
function notSent(error: unknown): string | undefined {
  return error instanceof AnswerLostError ? undefined : neverSent(error);
}

/**
 * The outcome when no answer came back at all (network down, connection dropped, timeout): a
 * failure that sending again may cure, with whether the destination may already have the lead.
 * `resendPolicy` then decides whether that destination may be sent it again.
 */
export function networkFailure(error: unknown): Outcome {
  const aborted = error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
  const unreachable = notSent(error);
  return {
    status: 'failed',
    retryable: true,
    delivery: unreachable === undefined ? 'maybe_delivered' : 'not_delivered',
    code: aborted ? 'timeout' : error instanceof AnswerLostError ? 'answer_lost' : 'network',
    message: aborted ? 'The destination did not answer in time.' : (unreachable ?? 'The connection to the destination failed.'),
  };
}

/** The outcome for an HTTP answer that no adapter-specific rule recognised. */
export function httpFailure(response: WireResponse, now: Date): Outcome {
  const retryAfter = retryAfterSeconds(response.headers, now);
  const code = `http_${response.status}`;
  if (!isRetryableStatus(response.status)) {
    const ours = response.status === 401 || response.status === 403;
    return {
      status: 'rejected',
      retryable: false,
      code,
      message: ours
        ? `The destination refused our credentials (HTTP ${response.status}): check this destination's settings.`
        : `The destination refused the request (HTTP ${response.status}).`,
    };
  }
  return {
    status: 'failed',
    retryable: true,
    delivery: deliveryOfStatus(response.status, response.headers),
    code,
    message: `The destination answered HTTP ${response.status}.`,
    ...defined({ retryAfterSeconds: retryAfter }),
  };
}

/**
 * `resendPolicy` for a destination that deduplicates by our key (sending again cannot make a second
 * record): every failure may be sent again. The browser's adapters (the relay, the webhook) need no
 * more of it.
 */
export function resendToDeduplicating(outcome: Outcome): Outcome {
  return outcome.status === 'failed' ? { ...outcome, retryable: true, delivery: outcome.delivery ?? 'maybe_delivered' } : outcome;
}

/**
 * The one answer to "may this failure be sent again?" (DESIGN.md, "Destinations"). A failure that
 * was not delivered may be; one that may have been delivered only to a destination that
 * deduplicates by our key (sending again cannot make a second record). Anything else is
 * `uncertain`: final, never resent, left for an operator to check at the destination.
 */
export function resendPolicy(outcome: Outcome, deduplicates: boolean): Outcome {
  if (deduplicates || outcome.status !== 'failed' || outcome.delivery === 'not_delivered') return resendToDeduplicating(outcome);
  return {
    ...outcome,
    status: 'uncertain',
    retryable: false,
    delivery: outcome.delivery ?? 'maybe_delivered',
    message: `${outcome.message ?? 'The send failed.'} The destination may have the lead and does not deduplicate: check it there before sending again.`,
  };
}

/** One request for a lead: built, sent, its answer read; a send that got no answer is a `networkFailure`. */
export async function requestOnce(
  build: (envelope: LeadEnvelope, context: DeliveryContext) => WireRequest,
  /** Reads the answer; the lead it answers is there for readers that name the person's fields. */
  read: (response: WireResponse, now: Date, envelope: LeadEnvelope) => Outcome,
  envelope: LeadEnvelope,
  context: DeliveryContext,
): Promise<Outcome> {
  try {
    return read(await exchange(build(envelope, context), context.fetch, context.signal), context.now(), envelope);
  } catch (error) {
    return networkFailure(error);
  }
}

/**
 * An adapter whose destination takes one request per lead (`requestOnce`); a failure goes through
 * `resendPolicy` with whether the destination deduplicates by our key.
 */
export function singleRequestAdapter(
  name: string,
  build: (envelope: LeadEnvelope, context: DeliveryContext) => WireRequest,
  /** Reads the answer; the lead it answers is there for readers that name the person's fields. */
  read: (response: WireResponse, now: Date, envelope: LeadEnvelope) => Outcome,
  deduplicates: boolean,
): Adapter {
  return {
    name,
    deduplicates,
    create: async (envelope, context) => ({ outcome: resendPolicy(await requestOnce(build, read, envelope, context), deduplicates), next: null }),
  };
}
