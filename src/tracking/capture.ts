/**
 * Reading a URL for attribution: the campaign parameters it carries (UTM tags, ad click ids, partner
 * sub-ids, a page's own names) and the URL itself reduced to what attribution needs. Pure functions:
 * the touch model (touch.ts) and the relay's check (schema.ts) build on them.
 */
export const TRACKING_PARAMETERS = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id',
  'gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'ttclid',
  'sub_id', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'aff_id', 'affiliate_id', 'click_id',
] as const;

/** The keys a touch carries beside its parameters; no parameter may take one of these names. */
export const TOUCH_KEYS = ['landing_page', 'referrer', 'touched_at', 'page_url'] as const;

/** What a tracking key looks like on the wire: snake_case, as every key of ours (the relay refuses others). */
export const TRACKING_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** A campaign tag longer than this is not a campaign tag. */
export const MAX_VALUE = 500;
/** Landing pages, referrers and page URLs are cut here. */
export const MAX_URL = 2000;

/** One extra parameter a page asks for: the name in its URLs, and the key it is sent under. */
export interface ExtraParameter {
  readonly name: string;
  readonly key: string;
}

/**
 * The key a page's own parameter name is sent under: snake_case (`promoCode` → `promo_code`,
 * `campaign-ref` → `campaign_ref`), so a name with a capital letter or a dash never reaches the relay
 * as a key it must refuse (issue 11, item 7). Undefined for a name that cannot become a key.
 */
export function trackingKey(name: string): string | undefined {
  const key = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return TRACKING_KEY.test(key) && !(TOUCH_KEYS as readonly string[]).includes(key) ? key : undefined;
}

/**
 * The extra names a page gives in `tracking-params` (space-separated), each with its key; names that
 * cannot become a key, and names already known, are left out and listed in `refused`.
 */
export function extraParameters(names: readonly string[]): { extras: ExtraParameter[]; refused: string[] } {
  const extras: ExtraParameter[] = [];
  const refused: string[] = [];
  const taken = new Set<string>(TRACKING_PARAMETERS);
  for (const name of names) {
    const key = trackingKey(name);
    if (key === undefined) refused.push(name);
    else if (!taken.has(key)) {
      taken.add(key);
      extras.push({ name, key });
    }
  }
  return { extras, refused };
}

/** Printable text only, and not too long: control characters never pass the relay. */
export function cleanValue(value: string, max = MAX_VALUE): string {
  return value.replace(/\p{Cc}/gu, '').trim().slice(0, max);
}

/** The campaign parameters of a URL: the known ones and a page's extras, under their keys. */
export function fromUrl(url: string, extras: readonly ExtraParameter[] = []): Record<string, string> {
  const params = parse(url)?.searchParams;
  const tracking: Record<string, string> = {};
  if (!params) return tracking;
  for (const { name, key } of [...TRACKING_PARAMETERS.map((name) => ({ name, key: name })), ...extras]) {
    const value = cleanValue(params.get(name) ?? '');
    if (value !== '') tracking[key] = value;
  }
  return tracking;
}

/**
 * A URL as it may be stored or sent: origin and path, and of its query only the tracking parameters;
 * no fragment, no credentials. An email link's `?email=…&token=…` never leaves the address bar
 * (issue 11, item 10). Empty for what is not an http(s) URL.
 */
export function cleanUrl(url: string, extras: readonly ExtraParameter[] = []): string {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return '';
  const allowed = new Set<string>([...TRACKING_PARAMETERS, ...extras.map((extra) => extra.name)]);
  const kept = new URLSearchParams();
  for (const [name, value] of parsed.searchParams) if (allowed.has(name)) kept.append(name, value);
  const query = kept.toString();
  return cleanValue(`${parsed.origin}${parsed.pathname}${query === '' ? '' : `?${query}`}`, MAX_URL);
}

/**
 * Whether two hosts are one site for attribution: the same host, or one under the other
 * (`www.example.com` and `lp.example.com` are both `example.com`'s). Moving around one site is
 * not a new touch; arriving from another is.
 */
export function sameSite(a: string, b: string): boolean {
  const first = parse(a)?.hostname.replace(/^www\./, '');
  const second = parse(b)?.hostname.replace(/^www\./, '');
  if (!first || !second) return false;
  return first === second || first.endsWith(`.${second}`) || second.endsWith(`.${first}`);
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
