/**
 * Adds a third-party script to the page once, however many widgets ask for it: a second widget (or
 * the page itself) that already loaded TrustedForm must not get a second recorder.
 */
export function loadScriptOnce(document: Document, src: string, marker: string): HTMLScriptElement {
  const existing = document.querySelector<HTMLScriptElement>(`script[data-lead-capture="${marker}"]`);
  if (existing) return existing;
  const script = document.createElement('script');
  script.async = true;
  script.src = src;
  script.dataset['leadCapture'] = marker;
  (document.body ?? document.head).append(script);
  return script;
}

/**
 * Waits, at most `timeoutMs`, for `read` to return a value. Polling, because scripts fill hidden
 * inputs by setting `.value`, which no observer sees.
 */
export async function waitFor<T>(read: () => T | undefined, timeoutMs: number, intervalMs = 50): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (performance.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - performance.now()))));
  }
}
