/**
 * Normalisers turn what a person typed (or what a page posted) into the value a destination should
 * get. They are pure and idempotent: normalising twice gives the same value as once, so the browser
 * and the relay can both apply them. Each runs in time linear in its input (no regex here may
 * backtrack; test/fields/linear-time.test.ts feeds every one 60,000-character pathological values).
 */

/** The width variants: full-width ASCII ("１２３", "Ｊａｎｅ"), the ideographic space, half-width kana. */
const WIDTH_VARIANT = /[\u3000\uFF01-\uFFEE]/g;

/**
 * Folds full-width digits and letters ("１２３") into the ASCII that rules and destinations expect,
 * and composes accents typed as separate marks (NFC). Only width is folded, not everything NFKC
 * folds: NFKC turned "1½ Main St" into "11⁄2 Main St" and "10²" into "102", a value the person did
 * not mean (issue 16).
 */
export function foldWidth(value: string): string {
  return value.normalize('NFC').replace(WIDTH_VARIANT, (variant) => variant.normalize('NFKC'));
}

/** One line of text: folded, trimmed, runs of white space made one space. */
export function singleLine(value: string): string {
  return foldWidth(value).replace(/\s+/gu, ' ').trim();
}

/**
 * Free text: folded, line endings unified, trailing spaces on each line and around the whole removed.
 * Line by line with `trimEnd`, never a `[^\S\n]+$` regex: that one backtracks over every run of
 * spaces from each of its positions, and 64 KB of spaces held the relay's event loop for seconds
 * (issue 11).
 */
export function multiLine(value: string): string {
  return foldWidth(value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** The white space a browser strips from the ends of an email input (ASCII only, as the HTML standard says). */
const ASCII_SPACE = new Set(['\t', '\n', '\f', '\r', ' ']);

/**
 * An address as it is sent: the ends trimmed as a browser trims them, and lowercased (addresses
 * compare case-insensitively in practice, and dedupe needs one form). Nothing else: a space inside,
 * a full-width letter or an invisible character stays, for the rule to refuse and the one-tap
 * "Did you mean …?" to offer the clean address (issue 16: "jane doe@example.com" was sent as
 * "janedoe@example.com", another person's address). The person decides, never this function.
 */
export function email(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && ASCII_SPACE.has(value[start]!)) start++;
  while (end > start && ASCII_SPACE.has(value[end - 1]!)) end--;
  // ASCII letters only: toLowerCase() would turn the Kelvin sign (U+212A), which the browser refuses, into "k".
  return value.slice(start, end).replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/**
 * Pingtree takes a city as "letters and spaces only", so "St. Louis" becomes "St Louis" and
 * "Winston-Salem" becomes "Winston Salem" rather than a refused lead.
 */
export function city(value: string): string {
  return singleLine(value.replace(/[.'’]/g, '').replace(/-/g, ' '));
}

/** ZIP+4 ("12345-6789", "123456789") is accepted and sent as the 5-digit ZIP destinations take. */
export function zipCode(value: string): string {
  const folded = singleLine(value);
  const plusFour = /^(\d{5})-?\d{4}$/.exec(folded);
  return plusFour?.[1] ?? folded;
}

/** Dates as `YYYY-MM-DD` (MLAS `dateOfBirth`); US-style "MM/DD/YYYY" typed by hand is accepted too. */
export function isoDate(value: string): string {
  const folded = singleLine(value);
  const us = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(folded);
  if (!us) return folded;
  const [, month = '', day = '', year = ''] = us;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
