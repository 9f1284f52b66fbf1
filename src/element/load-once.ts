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

/** A chunk the form loads on demand: what has arrived, read synchronously, and the load that brings it. */
export interface OnDemand<T> {
  /** The chunk when loaded, else undefined (call `load`). */
  readonly current: () => T | undefined;
  /** Loads the chunk once per page; a failed load is tried again on the next call. */
  readonly load: () => Promise<T>;
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let loaded: T | undefined;
  return { current: () => loaded, load: loadOnce(() => load().then((part) => (loaded = part))) };
}
