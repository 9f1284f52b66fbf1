/**
 * The memorable date's rules, scoped like the rest of the sheet. They come with the date-of-birth
 * chunk (src/chunks/date-of-birth.ts), which a form asking for the date loads before it first
 * renders, and are added to the sheet then (styles.ts, `addStyles`); the class hooks are documented
 * in styles.ts, where the manifest reads them.
 */
export function dateRules(S: string): string {
  return `
${S} .lc-date { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
${S} .lc-date > legend { padding: 0; }
${S} .lc-date-hint { margin: 0; font-size: 0.875em; color: var(--lc-muted); }
${S} .lc-date-parts { display: flex; flex-wrap: wrap; gap: 12px; }
${S} .lc-date-part { display: grid; gap: 2px; inline-size: 4.5em; }
${S} .lc-date-year { inline-size: 6em; }
${S} .lc-date-label { font-size: 0.875em; }
`;
}
