/**
 * "Did you mean jane@gmail.com?": a typo in the domain is a lead nobody can email, and the person
 * can fix it in one tap if asked. Pure and small: the domains most US and Spanish-speaking visitors
 * use, and the commonest slips in a top-level domain, matched within two edits (Damerau-Levenshtein,
 * so "gmial" is one swap from "gmail"). Never blocks: an unknown domain gets no suggestion.
 */
const POPULAR_DOMAINS = [
  'gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'aol.com', 'icloud.com', 'live.com', 'msn.com',
  'me.com', 'mac.com', 'ymail.com', 'comcast.net', 'att.net', 'verizon.net', 'sbcglobal.net', 'cox.net',
  'charter.net', 'bellsouth.net', 'protonmail.com', 'proton.me', 'gmx.com', 'mail.com', 'yahoo.es',
  'hotmail.es', 'outlook.es', 'yahoo.com.mx', 'hotmail.com.mx', 'prodigy.net.mx',
] as const;

const TLD_FIXES: Readonly<Record<string, string>> = {
  con: 'com', cmo: 'com', ocm: 'com', comm: 'com', coom: 'com', cm: 'com', om: 'com', vom: 'com', xom: 'com',
  nte: 'net', ner: 'net', nett: 'net', ent: 'net', ogr: 'org', orgg: 'org', rog: 'org',
};

/** Edits (insert, delete, substitute, swap neighbours) between two short strings. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * A likely correction of an email address as typed, or undefined: white space and invisible
 * characters taken out ("jane doe@example.com" → "janedoe@example.com"), full-width letters folded,
 * then a slip in a popular domain mended. Only ever offered, never applied: the caller checks that
 * the suggestion is a valid address and lets the person take it in one tap.
 */
export function suggestEmail(typed: string): string | undefined {
  // Longer than any address (254): nothing worth mending, and the edit distance below grows with it.
  if (typed.length > 300) return undefined;
  const trimmed = typed.trim().toLowerCase();
  const email = trimmed.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '');
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const cleaned = email === trimmed ? undefined : email;
  if ((POPULAR_DOMAINS as readonly string[]).includes(domain)) return cleaned;
  let best: { domain: string; distance: number } | undefined;
  for (const candidate of POPULAR_DOMAINS) {
    const distance = editDistance(domain, candidate);
    // Two edits from a short domain ("me.com") reach many real ones ("fe.com"): one edit only there.
    const allowed = candidate.length >= 8 ? 2 : 1;
    if (distance <= allowed && (!best || distance < best.distance)) best = { domain: candidate, distance };
  }
  if (best) return `${local}@${best.domain}`;
  const dot = domain.lastIndexOf('.');
  const fixed = dot > 0 ? TLD_FIXES[domain.slice(dot + 1)] : undefined;
  return fixed ? `${local}@${domain.slice(0, dot + 1)}${fixed}` : cleaned;
}
