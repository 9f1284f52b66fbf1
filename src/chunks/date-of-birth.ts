/**
 * Chunk `lead-capture.date-of-birth.js`: the date of birth asked as the GOV.UK memorable-date pattern
 * (three boxes, read into an ISO date, with the boxes' own problems). Loaded only by a form whose
 * `fields` name `date_of_birth`, before that form first renders (src/element/date-of-birth-part.ts);
 * a form without it never fetches it. The rules that judge the date stay in the validation chunk.
 */
export { MemorableDateField } from '../element/date-field.js';
