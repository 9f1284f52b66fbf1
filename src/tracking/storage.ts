import { nextFirstTouch, trackingFor, type FirstTouch, type Tracking } from './capture.js';

const KEY = 'lead-capture:first-touch';

function read(storage: Storage): FirstTouch | undefined {
  try {
    const raw = storage.getItem(KEY);
    return raw ? (JSON.parse(raw) as FirstTouch) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remembers the first touch in localStorage (when the page allows it) and answers the tracking for a
 * lead from this page now. Storage that throws (private modes, sandboxes) only costs the first touch.
 */
export function captureTracking(window: Window, extra: readonly string[], remember: boolean): Tracking {
  const current = { url: window.location.href, referrer: window.document.referrer };
  let firstTouch: FirstTouch | undefined;
  if (remember) {
    try {
      firstTouch = nextFirstTouch(read(window.localStorage), current, Date.now());
      window.localStorage.setItem(KEY, JSON.stringify(firstTouch));
    } catch {
      firstTouch = undefined;
    }
  }
  return trackingFor(current, firstTouch, extra);
}
