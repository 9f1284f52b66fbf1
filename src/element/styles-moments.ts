/**
 * The rules for the error summary, the memorable date, the earlier visit's notice and what is heard
 * but not seen, scoped like the rest of the sheet (styles.ts adds them to it; the class hooks are
 * documented there, where the manifest reads them).
 */
export function summaryDateAndAnnouncementRules(S: string): string {
  return `
${S} .lc-error-summary {
  padding: 16px;
  border: 4px solid var(--lc-error);
  border-radius: var(--lc-input-radius);
}
${S} .lc-error-summary-title { margin: 0 0 8px; font-size: 1.125em; font-weight: 700; line-height: 1.3; }
${S} .lc-error-summary-list { margin: 0; padding: 0 0 0 1.25em; display: grid; gap: 4px; }
${S} .lc-error-summary-list a { color: var(--lc-error); font-weight: 600; text-decoration: underline; }
${S} .lc-notice { margin: 0; font-size: 0.875em; color: var(--lc-muted); }
${S} .lc-date { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
${S} .lc-date > legend { padding: 0; }
${S} .lc-date-hint { margin: 0; font-size: 0.875em; color: var(--lc-muted); }
${S} .lc-date-parts { display: flex; flex-wrap: wrap; gap: 12px; }
${S} .lc-date-part { display: grid; gap: 2px; inline-size: 4.5em; }
${S} .lc-date-year { inline-size: 6em; }
${S} .lc-date-label { font-size: 0.875em; }
/*
 * Heard, not seen: the thank-you read out by the status region while the panel shows it; and empty
 * live regions, kept in the accessibility tree (so later text is announced) but out of the layout.
 */
${S} .lc-visually-hidden, ${S} :is(.lc-status, .lc-alert):empty {
  position: absolute !important; inline-size: 1px; block-size: 1px; margin: 0; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@media (forced-colors: active) {
  /* Colour is gone in forced colours: an invalid field keeps a double border to say so. */
  ${S} .lc-input[aria-invalid="true"] { border-style: double; border-width: 4px; }
}
`;
}
