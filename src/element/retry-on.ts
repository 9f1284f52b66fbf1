import type { ReactiveControllerHost } from 'lit';

/**
 * Calls `retry` on each event of `types` at `target` (by default the browser coming back online)
 * while the element is in the page: the one place a chunk that could not be loaded (a dropped
 * connection, a CDN's hiccup) is asked for again when something happens. Listens in the capture
 * phase, so an event inside the element is seen before the form's own handlers.
 */
export function retryOn(host: ReactiveControllerHost, retry: () => void, types: readonly string[] = ['online'], target: EventTarget = window): void {
  const listen = (method: 'addEventListener' | 'removeEventListener') => {
    for (const type of types) target[method](type, retry, true);
  };
  host.addController({ hostConnected: () => listen('addEventListener'), hostDisconnected: () => listen('removeEventListener') });
}
