import { refusedByBrowser } from './browser-email-check.js';

/**
 * The message a prerendered email field's error line shows when the browser refuses the address typed
 * before the widget has arrived: written on that line by the builder (src/builder/prerender.ts), in the
 * form's language and with the page's own words, as the widget would say it.
 */
export const EARLY_MESSAGE = 'data-lc-message';

/**
 * The builder's prerendered form says an email address is wrong as the person leaves the field, before
 * the widget has arrived (the loader starts this: src/loader.ts). Only what the browser's own
 * `<input type="email">` refuses (browser-email-check.ts), and not white space only, as the widget
 * judges before its rules arrive: taking the form over, it shows the same verdict in its own render
 * (fields-controller.ts, `take`). A field left again is judged again, so a corrected address clears it.
 * The listener is on each prerendered root and leaves with it.
 */
export function checkPrerenderedEmails(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll('[data-lc-prerendered]')) root.addEventListener('focusout', judge);
}

function judge(event: Event): void {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'email' || input.id === '') return;
  const error = input.ownerDocument.getElementById(`${input.id}-error`);
  const message = error?.getAttribute(EARLY_MESSAGE);
  if (!error || !message) return;
  const refused = input.value.trim() !== '' && refusedByBrowser(input.value);
  input.setAttribute('aria-invalid', refused ? 'true' : 'false');
  error.textContent = refused ? message : '';
  // Tied to the field as the widget ties its error: first among what describes it.
  const others = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id !== '' && id !== error.id);
  const describedBy = refused ? [error.id, ...others] : others;
  if (describedBy.length > 0) input.setAttribute('aria-describedby', describedBy.join(' '));
  else input.removeAttribute('aria-describedby');
}
