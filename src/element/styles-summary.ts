/**
 * The error summary's rules, scoped like the rest of the sheet, which holds them from the first render
 * (styles.ts: adding rules once the form is painted would restyle the whole page); the class hooks
 * are documented in styles.ts, where the manifest reads them.
 */
export function summaryRules(S: string): string {
  return `
${S} .lc-error-summary {
  padding: 16px;
  border: 4px solid var(--lc-error);
  border-radius: var(--lc-input-radius);
}
${S} .lc-error-summary-title { margin: 0 0 8px; font-size: 1.125em; font-weight: 700; line-height: 1.3; }
${S} .lc-error-summary-list { margin: 0; padding: 0 0 0 1.25em; display: grid; gap: 4px; }
${S} .lc-error-summary-list a { color: var(--lc-error); font-weight: 600; text-decoration: underline; }
`;
}
