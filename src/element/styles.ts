import { summaryDateAndAnnouncementRules } from './styles-moments.js';
import { questionAndStepRules } from './styles-steps.js';

/**
 * The widget renders into the light DOM so that TrustedForm and Jornaya can see its form (their
 * scripts cannot look inside a shadow root: DESTINATIONS.md, "Shadow DOM"). Without a shadow root,
 * isolation comes from the cascade:
 *
 * - Scope: every rule starts with `lead-capture:not(#lc-a):not(#lc-b)`. The two `:not(#…)` add two
 *   IDs of specificity, so the host's ordinary rules (`input {…}`, `#content form input {…}`) lose to
 *   ours, and nothing of ours can match outside the element: no leak into the host page.
 * - Reset: the root sets every inherited text property, cutting inheritance from the host (its font,
 *   colour, letter-spacing, text-transform) while leaving its outer box for the host to place; every
 *   element inside takes `all: revert` before our own rules.
 * - Theming goes through `--lead-capture-*` custom properties, which `all` does not reset, and the
 *   stable `lc-*` class hooks. Each public property feeds an internal `--lc-*` token whose default
 *   depends on `theme` (light, dark, or auto from the system's scheme). Host `!important` rules can
 *   still win: that is the cascade's design.
 *
 * The sheet is a constructable stylesheet adopted by the document (or the shadow root the widget sits
 * in), which a strict `style-src` allows; an inline `<style>` would not (TOOLCHAIN.md, "CSP facts").
 */
import { SHAPES, tokens, TOKENS } from './theme.js';

export const SCOPE = 'lead-capture:not(#lc-a):not(#lc-b)';

const S = SCOPE;

/**
 * The sheet. Besides the custom properties, these class hooks are stable, for pages to style (the
 * manifest lists them, read from here by custom-elements-manifest.config.mjs):
 *
 * @cssclass lc-form - The form.
 * @cssclass lc-fields - The fields' container (a grid, a column or a row, by `layout`).
 * @cssclass lc-field - One field: label, control, error and hint.
 * @cssclass lc-field--<name> - One field by its key, e.g. `.lc-field--email`.
 * @cssclass lc-field--wide - A field that takes a whole row (address lines, message, date of birth).
 * @cssclass lc-label - A field's label.
 * @cssclass lc-required - The "(required)" mark in a label.
 * @cssclass lc-input - Every text input, select and textarea.
 * @cssclass lc-select - A select (also `.lc-input`).
 * @cssclass lc-textarea - A textarea (also `.lc-input`).
 * @cssclass lc-error - The message under a field or the consent; empty when there is none.
 * @cssclass lc-hint - The suggestion under a field ("Did you mean …?").
 * @cssclass lc-link-button - A button that reads as a link (the suggestion's "Use jane@gmail.com").
 * @cssclass lc-use-suggestion - The button that takes the suggested email address (also `.lc-link-button`).
 * @cssclass lc-date - The date of birth: a fieldset of three boxes (month, day, year).
 * @cssclass lc-date-hint - The date's hint ("For example, 4 23 1985").
 * @cssclass lc-date-parts - The row of the date's three boxes.
 * @cssclass lc-date-part - One of the date's boxes with its label.
 * @cssclass lc-date-year - The year's box with its label (wider).
 * @cssclass lc-date-label - The label of one of the date's boxes ("Month").
 * @cssclass lc-date-input - One of the date's boxes (also `.lc-input`).
 * @cssclass lc-error-summary - The error summary ("There is a problem"), focused when Submit is refused.
 * @cssclass lc-error-summary-title - The error summary's heading.
 * @cssclass lc-error-summary-list - The error summary's list of links to the fields.
 * @cssclass lc-consent - The consent block (a fieldset with several sellers).
 * @cssclass lc-consent-row - A checkbox with its label.
 * @cssclass lc-checkbox - A checkbox: the consent's, or a checkbox question's.
 * @cssclass lc-consent-text - The disclosure.
 * @cssclass lc-seller - A seller's name beside its own checkbox.
 * @cssclass lc-seller-names - The sellers' names where `{sellers}` stood in the disclosure.
 * @cssclass lc-step - The heading of a step after the form (the consent step).
 * @cssclass lc-step-title - The step's title; it takes focus when the step appears.
 * @cssclass lc-step-intro - The step's introduction.
 * @cssclass lc-status - The polite status line: progress, and the thank-you read out.
 * @cssclass lc-visually-hidden - Heard, not seen: the status line once the thank-you panel shows.
 * @cssclass lc-notice - The neutral notice while a lead an earlier visit left on this device is still being sent.
 * @cssclass lc-alert - A failed delivery, announced at once.
 * @cssclass lc-unavailable - The alert above a form that could not load a chunk of its own (also `.lc-alert`).
 * @cssclass lc-success - The thank-you panel.
 * @cssclass lc-success-title - The thank-you heading; it takes focus when the panel appears.
 * @cssclass lc-success-body - The thank-you text.
 * @cssclass lc-actions - The button row.
 * @cssclass lc-button - The button.
 * @cssclass lc-submit - The submit button (also `.lc-button`).
 * @cssclass lc-retry - The submit button while it reads "Try again".
 * @cssclass lc-field--question - A page's own question (also `.lc-field`).
 * @cssclass lc-choice - A radio question: a fieldset whose legend is the question.
 * @cssclass lc-options - A radio question's options.
 * @cssclass lc-option - One radio with its label, or a checkbox question's box with its label.
 * @cssclass lc-radio - A radio of a radio question.
 * @cssclass lc-check - A checkbox question.
 * @cssclass lc-progress - A multi-step form's "Step 2 of 3" and its bar.
 * @cssclass lc-progress-text - The words "Step 2 of 3", announced as the steps change.
 * @cssclass lc-progress-bar - The bar (a `<progress>`), coloured by `--lead-capture-progress-*`.
 * @cssclass lc-back - The Back button of a multi-step form (also `.lc-button`).
 */
export const CSS = `
${S} { ${tokens(SHAPES)} ${tokens(TOKENS.light)} }
${S}[theme="dark"] { ${tokens(TOKENS.dark)} }
@media (prefers-color-scheme: dark) { ${S}[theme="auto"] { ${tokens(TOKENS.dark)} } }
/*
 * The root cuts inheritance from the host (its font, colour, spacing, text-transform…) by setting every
 * inherited text property, but leaves the element's outer box (margin, width, grid or flex placement)
 * to the host page: placing the widget is the page's business.
 */
${S} {
  font-weight: 400;
  font-style: normal;
  font-variant: normal;
  font-stretch: normal;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  text-indent: 0;
  text-shadow: none;
  white-space: normal;
  word-break: normal;
  visibility: visible;
  cursor: auto;
  display: block;
  position: relative;
  box-sizing: border-box;
  max-inline-size: var(--lc-max-width);
  padding: var(--lc-padding);
  border: var(--lc-frame-border);
  border-radius: var(--lc-radius);
  background: var(--lc-background);
  color: var(--lc-color);
  font-family: var(--lc-font);
  font-size: var(--lc-font-size);
  line-height: 1.5;
  text-align: start;
  color-scheme: var(--lc-color-scheme);
}
${S}[hidden], ${S} [hidden] { display: none !important; }
${S} :is(form, fieldset, legend, div, p, span, label, input, select, textarea, button, a, ul, li, strong, h2, progress) {
  all: revert;
  box-sizing: border-box;
  font: inherit;
  color: inherit;
  letter-spacing: inherit;
}
${S} .lc-form { display: grid; gap: var(--lc-gap); margin: 0; }
${S} .lc-fields {
  display: grid;
  gap: var(--lc-gap);
  grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--lc-field-min-width)), 1fr));
}
${S}[layout="stacked"] .lc-fields { grid-template-columns: 1fr; }
${S}[layout="inline"] .lc-form { display: flex; flex-wrap: wrap; align-items: flex-end; }
${S}[layout="inline"] .lc-form > * { flex: 1 1 100%; }
${S}[layout="inline"] .lc-form > .lc-fields { flex: 1 1 24em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 10em), 1fr)); }
${S}[layout="inline"] .lc-form > .lc-actions { flex: 0 0 auto; }
/* Messages and consent go below the row, so the button stays beside the fields. */
${S}[layout="inline"] .lc-form > :is(.lc-consent, .lc-status, .lc-alert, .lc-success) { order: 1; }
${S} .lc-field { display: grid; gap: 4px; align-content: start; min-inline-size: 0; }
${S} .lc-field--wide { grid-column: 1 / -1; }
${S} .lc-label { font-weight: 600; font-size: 0.9375em; }
${S} .lc-required { font-weight: 400; color: var(--lc-muted); font-size: 0.875em; }
${S} .lc-input {
  display: block;
  inline-size: 100%;
  min-block-size: 44px;
  margin: 0;
  padding: 8px 12px;
  border: var(--lc-input-border-width) solid var(--lc-border);
  border-radius: var(--lc-input-radius);
  background: var(--lc-input-background);
  color: var(--lc-input-color);
  font-size: 1em;
  line-height: 1.4;
}
${S} textarea.lc-input { min-block-size: 6em; resize: vertical; }
${S} .lc-input[aria-invalid="true"] { border-color: var(--lc-error); border-width: 2px; }
${S} :is(.lc-input, .lc-button, .lc-checkbox, .lc-radio, a, .lc-error-summary):focus-visible { outline: 3px solid var(--lc-focus); outline-offset: 2px; }
${S} .lc-error { margin: 0; color: var(--lc-error); font-size: 0.875em; }
${S} .lc-error:empty { display: none; }
${S} .lc-hint { margin: 0; font-size: 0.875em; }
${S} .lc-hint:empty { display: none; }
${S} .lc-link-button {
  margin: 0 0 0 4px; padding: 2px 4px; min-block-size: 24px; border: 0; background: none;
  color: var(--lc-link); font-weight: 600; text-decoration: underline; cursor: pointer;
}
${S} .lc-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
${S} .lc-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-block-size: 44px;
  min-inline-size: 44px;
  margin: 0;
  padding: 8px 18px;
  /* Transparent, yet drawn in forced colours (Windows High Contrast), where the background is not: 1.4.11. */
  border: 2px solid transparent;
  border-radius: var(--lc-button-radius);
  background: var(--lc-accent);
  color: var(--lc-accent-text);
  font-weight: 600;
  cursor: pointer;
}
${S} .lc-button:hover { filter: brightness(0.92); }
${S} .lc-button[aria-disabled="true"] { cursor: progress; opacity: 0.8; }
${S} :is(.lc-status, .lc-alert) { margin: 0; }
${S} .lc-alert {
  padding: 12px;
  border-inline-start: 4px solid var(--lc-error);
  background: var(--lc-error-background);
  color: var(--lc-error-text);
}
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
${summaryDateAndAnnouncementRules(S)}
${S} .lc-consent { display: grid; gap: 8px; min-inline-size: 0; margin: 0; padding: 0; border: 0; }
${S} .lc-consent-row { display: flex; gap: 12px; align-items: flex-start; }
${S} .lc-checkbox {
  flex: none;
  inline-size: 24px;
  block-size: 24px;
  margin: 1px 0 0;
  accent-color: var(--lc-accent);
  cursor: pointer;
}
/* The error outline gives way to the focus ring, so an invalid box still shows where focus is (2.4.7). */
${S} :is(.lc-checkbox, .lc-radio)[aria-invalid="true"]:not(:focus-visible) { outline: 2px solid var(--lc-error); outline-offset: 2px; }
${S} .lc-consent-text { display: block; padding: 0; font-size: var(--lc-consent-font-size); line-height: 1.5; }
${S} .lc-seller { font-weight: 600; cursor: pointer; }
${S} .lc-consent-text a { color: var(--lc-link); text-decoration: underline; }
${S} .lc-step-title { margin: 0; font-size: 1.25em; font-weight: 700; }
/* Focused when the consent step appears, as the thank-you's heading is: not something to operate, so no ring. */
${S} .lc-step-title:focus { outline: none; }
${S} .lc-step-intro { margin: 4px 0 0; }
${questionAndStepRules(S)}
${S} .lc-honeypot { position: absolute; inset-inline-start: -10000px; inline-size: 1px; block-size: 1px; overflow: hidden; }
`;

const adopted = new WeakSet<Document | ShadowRoot>();
let sheet: CSSStyleSheet | undefined;

/**
 * Adds the widget's sheet to the document or shadow root the element sits in, once per root, however
 * many widgets it holds. Pages that forbid constructable sheets can give a nonce for a `<style>`.
 */
export function adoptStyles(root: Document | ShadowRoot, nonce?: string): void {
  if (adopted.has(root)) return;
  adopted.add(root);
  if (nonce !== undefined) {
    const ownerDocument = root instanceof Document ? root : root.ownerDocument;
    const style = ownerDocument.createElement('style');
    style.nonce = nonce;
    style.dataset['leadCapture'] = '';
    style.textContent = CSS;
    (root instanceof Document ? root.head : root).append(style);
    return;
  }
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
