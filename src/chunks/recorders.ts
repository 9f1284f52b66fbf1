/**
 * Chunk `lead-capture.recorders.js`: the consent recorders (TrustedForm, Jornaya), loading their
 * scripts and reading the certificate and token they leave in the form. Loaded only by a form whose
 * page asked for one (`trustedform`, `jornaya`), as soon as delivery arrives; a lead waits for it
 * before it is saved and sent (src/element/evidence.ts). A form without them never fetches it.
 */
export { collectEvidence, startRecorders } from '../element/recorders.js';
