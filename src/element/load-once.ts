/**
 * A load that runs once and is remembered: every call gets the same promise. One that failed is
 * forgotten, so the next call tries again (a dropped connection is not the page's last word).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** How each load made once per page is forgotten (`forgetPageLoads`). */
const forgets: (() => void)[] = [];

/**
 * Forgets every load made once per page (`oncePerPage`, `onDemand`), as if the page had just opened.
 * For tests only: the tests of one file share a page, and none may depend on which of them loaded a
 * chunk first. Nothing in the widget calls it.
 */
export function forgetPageLoads(): void {
  for (const forget of forgets) forget();
}

/** `loadOnce` for a load shared by every form in the page (a module's own, not an element's). */
export function oncePerPage<T>(load: () => Promise<T>): () => Promise<T> {
  let once = loadOnce(load);
  forgets.push(() => (once = loadOnce(load)));
  return () => once();
}

/** A chunk the form loads on demand: what has arrived, read synchronously, and the load that brings it. */
export interface OnDemand<T> {
  /** The chunk when loaded, else undefined (call `load`). */
  readonly current: () => T | undefined;
  /** Loads the chunk once per page; a failed load is tried again on the next call. */
  readonly load: () => Promise<T>;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let loaded: T | undefined;
  forgets.push(() => (loaded = undefined));
  return { current: () => loaded, load: oncePerPage(() => load().then((part) => (loaded = part))) };
}
