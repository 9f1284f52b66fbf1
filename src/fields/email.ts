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
