/**
 * The id the relay hands the browser for the submit step: the destination, the destination's own
 * reference, the idempotency key, and when it was issued and stops working, signed with
 * HMAC-SHA-256 under the relay's secret. It needs no storage (so it works on serverless and edge
 * runtimes) and cannot be forged or edited to act on another lead, or to live longer: any change
 * breaks the signature. Times are whole seconds since the epoch.
 */
export interface LeadIdClaims {
  readonly destination: string;
  readonly reference?: string;
  readonly idempotencyKey: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** Imported once per secret: importing a key on every request costs more than the signing itself. */
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let imported = keys.get(secret);
  if (!imported) {
    imported = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, imported);
  }
  return imported;
}

export async function signLeadId(claims: LeadIdClaims, secret: string): Promise<string> {
  const payload = encoder.encode(
    JSON.stringify([claims.destination, claims.reference ?? null, claims.idempotencyKey, claims.issuedAt, claims.expiresAt]),
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key(secret), payload));
  return `${base64url(payload)}.${base64url(signature)}`;
}

/**
 * The claims of a genuine id that has not expired at `nowSeconds`, or undefined for anything
 * forged, edited, malformed or expired (an id from before expiry existed carries no times: refused).
 */
export async function verifyLeadId(id: string, secret: string, nowSeconds: number): Promise<LeadIdClaims | undefined> {
  const [payloadText, signatureText, extra] = id.split('.');
  if (!payloadText || !signatureText || extra !== undefined || id.length > 2000) return undefined;
  try {
    const payload = fromBase64url(payloadText);
    const valid = await crypto.subtle.verify('HMAC', await key(secret), fromBase64url(signatureText), payload);
    if (!valid) return undefined;
    const claims: unknown = JSON.parse(new TextDecoder().decode(payload));
    if (!Array.isArray(claims) || claims.length !== 5) return undefined;
    const [destination, reference, idempotencyKey, issuedAt, expiresAt] = claims as [string, string | null, string, number, number];
    if (typeof expiresAt !== 'number' || expiresAt <= nowSeconds) return undefined;
    return { destination, idempotencyKey, issuedAt, expiresAt, ...(reference === null ? {} : { reference }) };
  } catch {
    return undefined;
  }
}
