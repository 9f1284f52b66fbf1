import { chunks, type DateOfBirthChunk } from './chunks.js';
import { namesField } from './field-list.js';
import { onDemand } from './load-once.js';

/**
 * The date of birth's boxes come in a chunk of their own (`lead-capture.date-of-birth.js`), loaded
 * only by a form that asks for it, before that form first renders (as a form with questions waits
 * for their chunk): a form without it never fetches it. The builder's embed code preloads it,
 * pinned, for a form that uses it.
 */
const part = onDemand(() => chunks.dateOfBirth());

/** The chunk when loaded, else undefined (call `loadDateOfBirthPart`). */
export const dateOfBirthPart: () => DateOfBirthChunk | undefined = part.current;

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export const loadDateOfBirthPart: () => Promise<DateOfBirthChunk> = part.load;

/** Whether a form's `fields` (names split as config.ts splits them) ask for the date of birth. */
export function asksDateOfBirth(fields: string | undefined): boolean {
  return namesField(fields, 'date_of_birth');
}
