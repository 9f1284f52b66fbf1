/**
 * The widget renders into the light DOM so that TrustedForm and Jornaya can see its form (their
 * scripts cannot look inside a shadow root: DESTINATIONS.md, "Shadow DOM"). Without a shadow root,
 * isolation comes from the cascade:
 *
 * - Scope: every rule starts with `lead-capture:not(#lc-a):not(#lc-b)`. The two `:not(#…)` add two
 *   IDs of specificity, so the host's ordinary rules (`input {…}`, `#content form input {…}`) lose to
 *   ours, and nothing of ours can match outside the element: no leak into the host page.
 * - Reset: the root takes `all: initial`, cutting inheritance from the host (its font, colour,
 *   letter-spacing, text-transform); every element inside takes `all: revert` before our own rules.
 * - Theming goes through `--lead-capture-*` custom properties, which `all` does not reset, and the
 *   stable `lc-*` class hooks. Host `!important` rules can still win: that is the cascade's design.
 *
 * The sheet is a constructable stylesheet adopted by the document (or the shadow root the widget sits
 * in), which a strict `style-src` allows; an inline `<style>` would not (TOOLCHAIN.md, "CSP facts").
 */
export const SCOPE = 'lead-capture:not(#lc-a):not(#lc-b)';

const S = SCOPE;

export const CSS = `
${S} {
  all: initial;
  display: block;
  position: relative;
  box-sizing: border-box;
  max-inline-size: var(--lead-capture-max-width, 40rem);
  padding: var(--lead-capture-padding, 20px);
  border: var(--lead-capture-frame-border, 1px solid #d0d7de);
  border-radius: var(--lead-capture-radius, 8px);
  background: var(--lead-capture-background, #ffffff);
  color: var(--lead-capture-color, #1f2328);
  font-family: var(--lead-capture-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: var(--lead-capture-font-size, 16px);
  line-height: 1.5;
  text-align: start;
  color-scheme: var(--lead-capture-color-scheme, light);
}
${S}[hidden], ${S} [hidden] { display: none !important; }
${S} :is(form, fieldset, legend, div, p, span, label, input, select, textarea, button, a, ul, li, strong, h2) {
  all: revert;
  box-sizing: border-box;
  font: inherit;
  color: inherit;
  letter-spacing: inherit;
}
${S} .lc-form { display: grid; gap: var(--lead-capture-gap, 16px); margin: 0; }
${S} .lc-fields {
  display: grid;
  gap: var(--lead-capture-gap, 16px);
  grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--lead-capture-field-min-width, 14em)), 1fr));
}
${S} .lc-field { display: grid; gap: 4px; align-content: start; min-inline-size: 0; }
${S} .lc-field--wide { grid-column: 1 / -1; }
${S} .lc-label { font-weight: 600; font-size: 0.9375em; }
${S} .lc-required { font-weight: 400; color: var(--lead-capture-muted, #57606a); font-size: 0.875em; }
${S} .lc-input {
  display: block;
  inline-size: 100%;
  min-block-size: 44px;
  margin: 0;
  padding: 8px 12px;
  border: var(--lead-capture-input-border-width, 1px) solid var(--lead-capture-border, #6e7781);
  border-radius: var(--lead-capture-input-radius, 6px);
  background: var(--lead-capture-input-background, #ffffff);
  color: var(--lead-capture-input-color, #1f2328);
  font-size: 1em;
  line-height: 1.4;
}
${S} textarea.lc-input { min-block-size: 6em; resize: vertical; }
${S} .lc-input[aria-invalid="true"] { border-color: var(--lead-capture-error, #b3261e); border-width: 2px; }
${S} :is(.lc-input, .lc-button, .lc-checkbox):focus-visible {
  outline: 3px solid var(--lead-capture-focus, #0969da);
  outline-offset: 2px;
}
${S} .lc-error { margin: 0; color: var(--lead-capture-error, #b3261e); font-size: 0.875em; }
${S} .lc-error:empty { display: none; }
${S} .lc-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
${S} .lc-button {
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-block-size: 44px;
  min-inline-size: 44px;
  margin: 0;
  padding: 10px 20px;
  border: 0;
  border-radius: var(--lead-capture-button-radius, 6px);
  background: var(--lead-capture-accent, #0a55c2);
  color: var(--lead-capture-accent-text, #ffffff);
  font-weight: 600;
  cursor: pointer;
}
${S} .lc-button:hover { filter: brightness(0.92); }
${S} .lc-button[aria-disabled="true"] { cursor: progress; opacity: 0.8; }
${S} :is(.lc-status, .lc-alert) { margin: 0; }
/* Empty live regions stay in the accessibility tree (so later text is announced) but out of the layout. */
${S} :is(.lc-status, .lc-alert):empty {
  position: absolute; inline-size: 1px; block-size: 1px; margin: 0; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%);
}
${S} .lc-alert {
  padding: 12px;
  border-inline-start: 4px solid var(--lead-capture-error, #b3261e);
  background: var(--lead-capture-error-background, #fdecea);
  color: var(--lead-capture-error-text, #5f1410);
}
${S} .lc-success {
  padding: 16px;
  border-inline-start: 4px solid var(--lead-capture-success, #1a7f37);
  background: var(--lead-capture-success-background, #e6f4ea);
  color: var(--lead-capture-success-text, #0f3d1c);
}
${S} .lc-success-title { display: block; margin: 0 0 4px; font-size: 1.125em; font-weight: 700; }
${S} .lc-success p { margin: 0; }
${S} .lc-consent { display: grid; gap: 8px; min-inline-size: 0; margin: 0; padding: 0; border: 0; }
${S} .lc-consent-row { display: flex; gap: 12px; align-items: flex-start; }
${S} .lc-checkbox {
  flex: none;
  inline-size: 24px;
  block-size: 24px;
  margin: 1px 0 0;
  accent-color: var(--lead-capture-accent, #0a55c2);
  cursor: pointer;
}
${S} .lc-checkbox[aria-invalid="true"] { outline: 2px solid var(--lead-capture-error, #b3261e); outline-offset: 2px; }
${S} .lc-consent-text { display: block; padding: 0; font-size: var(--lead-capture-consent-font-size, 0.875em); line-height: 1.5; }
${S} .lc-seller { font-weight: 600; cursor: pointer; }
${S} .lc-consent-text a { color: var(--lead-capture-link, #0a55c2); text-decoration: underline; }
${S} .lc-step-title { margin: 0; font-size: 1.25em; font-weight: 700; }
${S} .lc-step-intro { margin: 4px 0 0; }
${S} .lc-visually-hidden {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
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
