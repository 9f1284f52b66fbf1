/**
 * The consent block's rules, scoped like the rest of the sheet. They come with the consent chunk
 * (src/chunks/consent.ts), which a form with a disclosure loads before it first renders, and are
 * added to the sheet then (styles.ts, `addStyles`); the class hooks are documented in styles.ts, where
 * the manifest reads them. The checkbox itself (also a checkbox question's) stays in the first sheet.
 */
export function consentRules(S: string): string {
  return `
${S} .lc-consent { display: grid; gap: 8px; min-inline-size: 0; margin: 0; padding: 0; border: 0; }
${S} .lc-consent-row { display: flex; gap: 12px; align-items: flex-start; }
${S} .lc-consent-text { display: block; padding: 0; font-size: var(--lc-consent-font-size); line-height: 1.5; }
${S} .lc-seller { font-weight: 600; cursor: pointer; }
${S} .lc-consent-text a { color: var(--lc-link); text-decoration: underline; }
`;
}
