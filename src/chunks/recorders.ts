/**
 * Chunk `lead-capture.recorders.js`: the consent recorders (TrustedForm, Jornaya), loading their
 * scripts and reading the certificate and token they leave in the form. Loaded only by a form whose
 * page asked for one (`trustedform`, `jornaya`), beside the rules once the form is rendered
 * (src/element/recorders-part.ts); a lead waits for it only within `trustedform-timeout`
 * (src/element/evidence.ts). A form without them never fetches it.
 */
export { collectEvidence, startRecorders } from '../element/recorders.js';
