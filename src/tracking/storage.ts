import type { ExtraParameter } from './capture.js';
import { attribute, remember, type Attribution, type Touch } from './touch.js';

/** The touches of the last 30 days on this site (touch.ts), in localStorage. */
const KEY = 'lead-capture:touches';
/** Earlier versions kept the first visit's full URLs here; nothing reads it now, so it goes. */
const LEGACY_KEY = 'lead-capture:first-touch';

export interface CaptureOptions {
  /** A page's own parameters (`tracking-params`). */
  readonly extras: readonly ExtraParameter[];
  /** `persist="none"`: nothing is kept between visits, and what an earlier setting kept is removed. */
  readonly persist: boolean;
  /** Milliseconds since the epoch; injectable so tests can step through days. */
  readonly now?: number;
}

/**
 * The attribution of a lead sent from this page now, remembering this visit for later ones.
 * Storage that throws (private modes, sandboxes) only costs the history: the lead still carries
 * this visit.
 */
export function captureAttribution(window: Window, options: CaptureOptions): Attribution {
  const visit = { url: window.location.href, referrer: window.document.referrer, now: options.now ?? Date.now() };
  let history: Touch[] = [];
  try {
    const storage = window.localStorage;
    storage.removeItem(LEGACY_KEY);
    if (options.persist) {
      history = remember(readTouches(storage.getItem(KEY)), visit, options.extras);
      storage.setItem(KEY, JSON.stringify(history));
    } else {
      storage.removeItem(KEY);
    }
  } catch {
    history = [];
  }
  return attribute(history, visit, options.extras);
}

/** The stored touches, keeping only entries of the right shape (another script may write there). */
export function readTouches(raw: string | null): Touch[] {
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter(isTouch) : [];
  } catch {
    return [];
  }
}

function isTouch(value: unknown): value is Touch {
  if (typeof value !== 'object' || value === null) return false;
  const touch = value as Record<string, unknown>;
  const params = touch['params'];
  return (
    typeof touch['at'] === 'number' &&
    typeof touch['landing_page'] === 'string' &&
    (touch['referrer'] === undefined || typeof touch['referrer'] === 'string') &&
    typeof params === 'object' &&
    params !== null &&
    !Array.isArray(params) &&
    Object.values(params).every((entry) => typeof entry === 'string')
  );
}
