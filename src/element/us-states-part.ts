import { chunks, type UsStatesChunk } from './chunks.js';
import { namesField } from './field-list.js';
import { onDemand } from './load-once.js';

/**
 * The states' list comes in a chunk of its own (`lead-capture.us-states.js`), loaded only by a form
 * that asks for the state, before that form first renders (as a form with a date of birth waits for
 * its boxes): the select is never shown without its options, and the rules have the table by the
 * time a state is checked. A form without it never fetches it. The builder's embed code preloads it,
 * pinned, for a form that uses it.
 */
const part = onDemand(() => chunks.usStates());

/** The chunk when loaded, else undefined (call `loadUsStatesPart`). */
export const usStatesPart: () => UsStatesChunk | undefined = part.current;

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export const loadUsStatesPart: () => Promise<UsStatesChunk> = part.load;

/** Whether a form's `fields` (names split as config.ts splits them) ask for the state. */
export function asksUsState(fields: string | undefined): boolean {
  return namesField(fields, 'state');
}
