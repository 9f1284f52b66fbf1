/**
 * Normalisers turn what a person typed (or what a page posted) into the value a destination should
 * get. They are pure and idempotent: normalising twice gives the same value as once, so the browser
 * and the relay can both apply them. Each runs in time linear in its input (no regex here may
 * backtrack; test/fields/linear-time.test.ts feeds every one 60,000-character pathological values).
 */

/** NFKC folds full-width digits and letters ("１２３") into ASCII, which rules and destinations expect. */
export function foldWidth(value: string): string {
  return value.normalize('NFKC');
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

/** Emails compare case-insensitively in practice; lowercase the whole address so dedupe works. */
export function email(value: string): string {
  return singleLine(value).replace(/\s/g, '').toLowerCase();
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
