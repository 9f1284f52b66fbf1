/**
 * The email rule, held to an outside reference: never looser than the HTML standard's valid e-mail
 * address (what `<input type="email">` accepts, https://html.spec.whatwg.org/#valid-e-mail-address),
 * and stricter where destinations are: a dot in the domain and a top-level domain of letters; a
 * local part of letters, digits and `_ ' + -` between single dots (no quoted or bracketed forms).
 * Each domain label is 1–63 characters and neither starts nor ends with a hyphen (the standard's
 * label rule, which zod's default pattern misses: it took `a@b-.com` and a 64-character label).
 * Every quantifier is over a class the next token cannot start with, so matching stays linear.
 */
export const EMAIL = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The white space a browser strips from the ends of an email input (ASCII only, as the standard says). */
const ASCII_SPACE = new Set(['\t', '\n', '\f', '\r', ' ']);

/**
 * An address as it is sent: the ends trimmed as a browser trims them, and lowercased (addresses
 * compare case-insensitively in practice, and dedupe needs one form). Nothing else: a space inside,
 * a full-width letter or an invisible character stays, for the rule to refuse and the one-tap
 * "Did you mean …?" to offer the clean address; the person decides, never this function.
 */
export function normaliseEmail(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && ASCII_SPACE.has(value[start]!)) start++;
  while (end > start && ASCII_SPACE.has(value[end - 1]!)) end--;
  return value.slice(start, end).toLowerCase();
}
