import { cleanUrl, fromUrl, sameSite, type ExtraParameter } from './capture.js';
import { defined } from '../adapters/defined.js';

/**
 * Attribution as analytics people model it (GA4, HubSpot): first touch and last non-direct touch
 * (issue 17). A touch is one visit's whole set — every campaign parameter of its URL, its landing
 * page, its referrer from another site, its time — and sets are never merged key by key: a
 * newsletter visit after a Google ad is credited to the newsletter alone, with no `gclid` or
 * campaign borrowed from the ad. Pure functions; storage.ts does the reading and writing.
 */
export interface Touch {
  /** Campaign parameters under their keys (`utm_source`, `gclid`, a page's `promo_code`). */
  readonly params: Readonly<Record<string, string>>;
  /** The page the visit arrived on, reduced by `cleanUrl`. */
  readonly landing_page: string;
  /** The page on another site the visit came from, reduced by `cleanUrl`; absent when none. */
  readonly referrer?: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

/** What the widget sees of this visit: the page's address, `document.referrer`, and the time. */
export interface Visit {
  readonly url: string;
  readonly referrer: string;
  readonly now: number;
}

/** Touches count for attribution this long. */
export const TOUCH_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** At most this many touches are kept: the first, and the most recent after it. */
export const MAX_TOUCHES = 10;
/**
 * The same set seen again this soon is the same visit (a reload, a second widget on the page), not
 * a new touch: GA4's session timeout.
 */
export const SAME_VISIT_MS = 30 * 60 * 1000;

/** A visit with no campaign parameters and no outside referrer: typed in, bookmarked, or unknown. */
export function isDirect(touch: Touch): boolean {
  return Object.keys(touch.params).length === 0 && touch.referrer === undefined;
}

/**
 * This visit as a touch; undefined for a move within the site (a referrer from the same site and
 * no campaign parameters), which is not a touch at all.
 */
export function touchOf(visit: Visit, extras: readonly ExtraParameter[] = []): Touch | undefined {
  const params = fromUrl(visit.url, extras);
  const referrer = visit.referrer === '' ? '' : cleanUrl(visit.referrer);
  const fromHere = referrer !== '' && sameSite(visit.referrer, visit.url);
  if (fromHere && Object.keys(params).length === 0) return undefined;
  return {
    params,
    landing_page: cleanUrl(visit.url, extras),
    ...defined({ referrer: referrer === '' || fromHere ? undefined : referrer }),
    at: visit.now,
  };
}

/** The touches still within 30 days, oldest first (a touch dated in the future is not trusted). */
export function live(history: readonly Touch[], now: number): Touch[] {
  return history.filter((touch) => touch.at <= now && now - touch.at < TOUCH_TTL_MS);
}

/**
 * The history to keep after this visit: touches older than 30 days dropped; a non-direct visit
 * added; a direct one added only when there is nothing else (then it is the first touch: a person
 * who came straight to the site first came straight to it). Bounded: the first touch and the
 * most recent ones.
 */
export function remember(history: readonly Touch[], visit: Visit, extras: readonly ExtraParameter[] = []): Touch[] {
  const kept = live(history, visit.now);
  const touch = touchOf(visit, extras);
  if (!touch || (isDirect(touch) && kept.length > 0)) return kept;
  const previous = kept.at(-1);
  if (previous && touch.at - previous.at < SAME_VISIT_MS && sameSet(previous, touch)) return kept;
  const next = [...kept, touch];
  return next.length <= MAX_TOUCHES ? next : [next[0] as Touch, ...next.slice(next.length - MAX_TOUCHES + 1)];
}

function sameSet(a: Touch, b: Touch): boolean {
  return a.landing_page === b.landing_page && a.referrer === b.referrer && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/** The two sets a lead carries, as flat string records (the envelope's `tracking` and `first_touch`). */
export interface Attribution {
  /** The last non-direct touch within 30 days (else this visit, direct), plus `page_url`: this page. */
  readonly tracking: Readonly<Record<string, string>>;
  /** The first touch within 30 days (else this visit). */
  readonly first_touch: Readonly<Record<string, string>>;
}

/**
 * What a lead sent from this visit carries, given the history `remember` returned for it: the last
 * touch is this visit when it has campaign parameters or an outside referrer, else the most recent
 * earlier non-direct touch, else this visit as direct; the first touch is the oldest kept.
 */
export function attribute(history: readonly Touch[], visit: Visit, extras: readonly ExtraParameter[] = []): Attribution {
  const kept = live(history, visit.now);
  const current = touchOf(visit, extras) ?? { params: {}, landing_page: cleanUrl(visit.url, extras), at: visit.now };
  const last = isDirect(current) ? (kept.findLast((touch) => !isDirect(touch)) ?? current) : current;
  const first = kept[0] ?? current;
  const pageUrl = cleanUrl(visit.url, extras);
  return {
    tracking: { ...touchFields(last), ...defined({ page_url: pageUrl || undefined }) },
    first_touch: touchFields(first),
  };
}

/** A touch as the flat record that travels: its parameters, then where and when. */
export function touchFields(touch: Touch): Record<string, string> {
  return {
    ...touch.params,
    ...defined({ landing_page: touch.landing_page || undefined, referrer: touch.referrer }),
    touched_at: new Date(touch.at).toISOString(),
  };
}
