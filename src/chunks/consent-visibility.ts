/**
 * Chunk `lead-capture.consent-visibility.js`: whether the consent disclosure and its boxes were clear
 * and conspicuous as the page showed them (computed styles, layout, WCAG contrast). Loaded only by a
 * form that asks for consent, right after it first renders; a Submit with consent given waits for it.
 */
export { unseenConsentRefusal } from '../element/consent-shown.js';
