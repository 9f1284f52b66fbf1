/**
 * The rules of what only delivery shows: the thank-you panel, the notice of a lead an earlier visit
 * left on this device, and the consent step's heading (deferred consent). Scoped like the rest of the
 * sheet, which holds them from the first render (styles.ts: adding rules once the form is painted
 * would restyle the whole page); the class hooks are documented in styles.ts, where the manifest reads
 * them.
 */
export function momentRules(S: string): string {
  return `
${S} .lc-success {
  padding: 16px;
  border-inline-start: 4px solid var(--lc-success);
  background: var(--lc-success-background);
  color: var(--lc-success-text);
}
${S} .lc-success-title { display: block; margin: 0 0 4px; font-size: 1.25em; font-weight: 700; line-height: 1.3; }
/* Focused so the person is taken there; it is not something to operate, so no ring. */
${S} .lc-success-title:focus { outline: none; }
${S} .lc-success p { margin: 0; }
${S} .lc-notice { margin: 0; font-size: 0.875em; color: var(--lc-muted); }
${S} .lc-step-title { margin: 0; font-size: 1.25em; font-weight: 700; }
${S} .lc-step-intro { margin: 4px 0 0; }
`;
}
