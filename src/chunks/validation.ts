/**
 * Chunk `lead-capture.validation.js`: the rules (zod/mini), libphonenumber-js with the metadata slice,
 * and what a phone number looks like once judged. Loaded right after the form first renders, beside
 * the delivery chunk; a field left before it arrives is checked when it does. The states' table is
 * not here: the rules are handed it from the chunk a form asking for the state loads (us-states.ts).
 */
export { leadValidatorWith, localIsoDate } from '../fields/validate.js';
export { displayPhone, formatOnLeave } from '../element/phone-input.js';
