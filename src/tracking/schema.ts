import { MAX_URL, MAX_VALUE, TRACKING_KEY, TRACKING_PARAMETERS } from './capture.js';

/**
 * The relay's check of a lead's `tracking` and `first_touch` (issue 17): a flat record of short
 * printable strings, with bounded sizes. Keys it does not know — neither ours nor the destination's
 * configured extras — are dropped, not refused: marketing context the relay was not told about must
 * not cost a person's lead (issue 11, item 7). Pure, linear in the input.
 */
export type TouchKind = 'tracking' | 'first_touch';

/** The codes the relay answers with (a subset of `FieldErrorCode`). */
export type TouchErrorCode = 'characters' | 'too_long' | 'date';

export type TouchCheck =
  | { readonly ok: true; readonly value: Readonly<Record<string, string>>; readonly dropped: readonly string[] }
  /** Keyed by path: `tracking.utm_source`, or `tracking` for the whole value. */
  | { readonly ok: false; readonly errors: Readonly<Record<string, TouchErrorCode>> };

const URL_KEYS: Readonly<Record<TouchKind, readonly string[]>> = {
  tracking: ['landing_page', 'referrer', 'page_url'],
  first_touch: ['landing_page', 'referrer'],
};
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const PRINTABLE = /^[^\p{Cc}]*$/u;
/** More keys than this is not a touch; no need to read further. */
const MAX_KEYS = 100;

/**
 * Checks one touch record. `extras` are the destination's configured extra keys (snake_case, as
 * the widget sends them).
 */
export function checkTouch(value: unknown, kind: TouchKind, extras: readonly string[] = []): TouchCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, errors: { [kind]: 'characters' } };
  const entries = Object.entries(value);
  if (entries.length > MAX_KEYS) return { ok: false, errors: { [kind]: 'too_long' } };
  const parameters = new Set<string>([...TRACKING_PARAMETERS, ...extras.filter((key) => TRACKING_KEY.test(key))]);
  const urls = URL_KEYS[kind];
  const errors: Record<string, TouchErrorCode> = {};
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [key, entry] of entries) {
    const isUrl = urls.includes(key);
    if (!isUrl && key !== 'touched_at' && !parameters.has(key)) {
      // Only names shaped like ours are reported (for a log line); any other name could be anything.
      if (TRACKING_KEY.test(key)) dropped.push(key);
      continue;
    }
    const code = entryError(entry, isUrl ? 'url' : key === 'touched_at' ? 'time' : 'value');
    if (code) errors[`${kind}.${key}`] = code;
    else kept[key] = entry as string;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: kept, dropped };
}

function entryError(entry: unknown, type: 'url' | 'time' | 'value'): TouchErrorCode | undefined {
  if (typeof entry !== 'string') return 'characters';
  if (entry.length > (type === 'url' ? MAX_URL : MAX_VALUE)) return 'too_long';
  if (!PRINTABLE.test(entry)) return 'characters';
  if (type === 'url' && !/^https?:\/\//.test(entry)) return 'characters';
  if (type === 'time' && !ISO_TIME.test(entry)) return 'date';
  return undefined;
}
