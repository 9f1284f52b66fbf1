/**
 * A random UUID v4 for the `Idempotency-Key` header. `crypto.randomUUID` exists only in secure
 * contexts, and landing pages are still sometimes served over plain http, so fall back to
 * `getRandomValues`, which exists everywhere: each `0` and `1` of the template becomes a random hex
 * digit, the `8` one of 8–b (the variant bits `10`), the `4` stays (the version).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+digit / 4)))).toString(16),
  );
}
