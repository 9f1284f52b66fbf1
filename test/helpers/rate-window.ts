/**
 * The relay counts its rate limit in fixed windows aligned to the clock (src/relay/rate-limit.ts,
 * src/ledger/rate-limit.ts), so a test that sends a few requests and expects the last one refused
 * would see it accepted whenever a window turned over in the middle (seen once in CI). Called just
 * before such requests: when the current window has less than `needMs` left, waits for the next.
 */
export async function withinOneRateWindow(windowSeconds: number, needMs = 5000): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 20));
}
