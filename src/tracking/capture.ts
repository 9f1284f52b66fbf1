/**
 * The marketing context of a lead: where the person came from (UTM tags, ad click ids, partner
 * sub-ids, referrer) and where they landed. Values from the current URL win; what the first visit
 * brought (first touch, kept 30 days) fills the gaps, so a person who browsed before submitting
 * still credits the campaign that brought them.
 */
export const TRACKING_PARAMETERS = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id',
  'gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'ttclid',
  'sub_id', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'aff_id', 'affiliate_id', 'click_id',
] as const;

export type Tracking = Readonly<Record<string, string>>;

const MAX_VALUE = 500;

/** Tracking values from a URL: the known parameters and any extra ones a page names. */
export function fromUrl(url: string, extra: readonly string[] = []): Record<string, string> {
  const parsed = new URL(url);
  const tracking: Record<string, string> = {};
  for (const name of [...TRACKING_PARAMETERS, ...extra]) {
    const value = parsed.searchParams.get(name)?.trim();
    // Control characters never pass the relay; a value that long is not a campaign tag.
    if (value) tracking[name] = value.replace(/\p{Cc}/gu, '').slice(0, MAX_VALUE);
  }
  return tracking;
}

export interface FirstTouch {
  readonly tracking: Tracking;
  readonly landingPage: string;
  readonly referrer: string;
  readonly at: number;
}

export const FIRST_TOUCH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The tracking sent with a lead: this visit's parameters over the first touch's, the first landing
 * page and referrer, and this page as `page_url`.
 */
export function trackingFor(current: { url: string; referrer: string }, firstTouch: FirstTouch | undefined, extra: readonly string[] = []): Tracking {
  const now = fromUrl(current.url, extra);
  const landingPage = firstTouch?.landingPage ?? current.url;
  const referrer = firstTouch?.referrer ?? current.referrer;
  return {
    ...firstTouch?.tracking,
    ...now,
    ...(landingPage ? { landing_page: landingPage.slice(0, 2000) } : {}),
    ...(referrer ? { referrer: referrer.slice(0, 2000) } : {}),
  };
}

/** What to remember of this visit, if it is the first (or the remembered one has expired). */
export function nextFirstTouch(stored: FirstTouch | undefined, current: { url: string; referrer: string }, now: number): FirstTouch {
  if (stored && now - stored.at < FIRST_TOUCH_TTL_MS) return stored;
  return { tracking: fromUrl(current.url), landingPage: current.url, referrer: current.referrer, at: now };
}
