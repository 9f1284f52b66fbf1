/**
 * Codes Node's fetch (undici) puts on the cause of a failure that happened before any byte of the
 * request could reach the destination: no address, no connection, no TLS session.
 */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A property of an unknown value, when it is an object. */
function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * When the system error code under a fetch failure (`cause.code`, or the first of an AggregateError's)
 * is one of the codes above, the request never left: the outcome's message, which names the code.
 * Undefined for any other failure.
 *
 * Only Node's fetch gives these: a browser's fails with a bare TypeError ("Failed to fetch"), so the
 * widget's bundles take never-sent.browser.ts in this module's place (vite.config.ts) and carry no list.
 */
export function neverSent(error: unknown): string | undefined {
  const cause = member(error, 'cause');
  const errors = member(cause, 'errors');
  const direct = member(cause, 'code');
  // A code that is no system error's name (none, or a number) leaves the first of an AggregateError's to say.
  const code = typeof direct === 'string' ? direct : Array.isArray(errors) ? member(errors[0], 'code') : undefined;
  return typeof code === 'string' && NEVER_SENT_CODES.has(code) ? `The destination could not be reached (${code}).` : undefined;
}
