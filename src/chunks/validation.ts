/**
 * Chunk `lead-capture.validation.js`: the rules (zod/mini), libphonenumber-js with the metadata slice,
 * and what a phone number looks like once judged. Loaded right after the form first renders, beside
 * the delivery chunk; a field left before it arrives is checked when it does.
 */
import { addStyles, SCOPE } from '../element/styles.js';
import { summaryRules } from '../element/styles-summary.js';

export { createLeadValidator, localIsoDate } from '../fields/validate.js';
export { displayPhone, formatOnLeave } from '../element/phone-input.js';

// The rules of what this chunk renders join the widget's sheet as it arrives (styles.ts).
addStyles(summaryRules(SCOPE));
