/**
 * Chunk `lead-capture.consent.js`: the consent block as the person sees it (the disclosure, from the
 * `consent` attribute or the page's sanitised template, and its unchecked boxes). Loaded only by a
 * form that asks for consent, before that form first renders (src/element/consent-part.ts); a form
 * without a disclosure never fetches it. The record of the consent given is built here too, from the
 * block as rendered (consent-record.ts); what was ticked, and whether consent is asked at all, stay in
 * the first chunk (consent-controller.ts).
 */
export { ConsentDisclosure } from '../element/consent-disclosure.js';
export { recordConsent } from '../element/consent-record.js';
