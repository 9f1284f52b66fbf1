import { wrongBeforeRules } from './browser-email-check.js';
import { PRERENDERED_ROOT } from './prerendered.js';

/**
 * The message a prerendered email field's error line shows when the browser refuses the address typed
 * before the widget has arrived: written on that line by the builder (src/builder/prerender.ts), the
 * widget's own words in the form's language.
 */
export const EARLY_MESSAGE = 'data-lc-message';

/**
 * The builder's prerendered form says an email address is wrong as the person leaves the field, before
 * the widget has arrived (the loader starts this once the page is parsed: src/loader.ts). Only what the
 * browser's own `<input type="email">` refuses, as the widget judges before its rules arrive
 * (browser-email-check.ts, `wrongBeforeRules`); taking the form over, it shows the same verdict in its own
 * render (lead-capture.ts, `update`). As in the widget, a field showing the error is judged again as
 * the person types, so a corrected address clears it at once. Unlike the widget, which does not judge
 * a field left for its Submit button, leaving for the markup's button judges it too: that button does
 * nothing yet. The listeners are on each prerendered root and leave with it.
 */
export function checkPrerenderedEmails(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll(PRERENDERED_ROOT)) {
    root.addEventListener('focusout', judge);
    root.addEventListener('input', judgeAgain);
  }
}

function judgeAgain(event: Event): void {
  if (event.target instanceof Element && event.target.getAttribute('aria-invalid') === 'true') judge(event);
}

function judge(event: Event): void {
  const input = event.target;
  const root = event.currentTarget;
  if (!(input instanceof HTMLInputElement) || input.type !== 'email' || !(root instanceof Element)) return;
  // Looked for in this form only: the same embed code pasted twice shares its ids.
  const error = root.querySelector(`[id="${CSS.escape(`${input.id}-error`)}"]`);
  const message = error?.getAttribute(EARLY_MESSAGE);
  if (!error || !message) return;
  const refused = wrongBeforeRules(input.value);
  input.setAttribute('aria-invalid', refused ? 'true' : 'false');
  error.textContent = refused ? message : '';
  // Tied to the field as the widget ties its error: first among what describes it.
  const others = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '' && id !== error.id);
  const describedBy = refused ? [error.id, ...others] : others;
  if (describedBy.length > 0) input.setAttribute('aria-describedby', describedBy.join(' '));
  else input.removeAttribute('aria-describedby');
}
