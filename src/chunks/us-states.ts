/**
 * Chunk `lead-capture.us-states.js`: the states, DC and territories, as the `state` select's options
 * and as the table the rules read a typed state's name with (handed to them: src/fields/validate.ts's
 * `leadValidatorWith`). Loaded only by a form whose `fields` name `state`, before that form first
 * renders (src/element/us-states-part.ts); a form without it never fetches it.
 */
export { toUsStateCode, US_STATE_OPTIONS } from '../fields/us-states.js';
