import { chunks, type DateOfBirthChunk } from './chunks.js';

/**
 * The date of birth's boxes come in a chunk of their own (`lead-capture.date-of-birth.js`), loaded
 * only by a form that asks for it, before that form first renders (as a form with questions waits
 * for their chunk): a form without it never fetches it. The builder's embed code preloads it,
 * pinned, for a form that uses it.
 */
let loaded: DateOfBirthChunk | undefined;
let loading: Promise<DateOfBirthChunk> | undefined;

/** The chunk when loaded, else undefined (call `loadDateOfBirthPart`). */
export function dateOfBirthPart(): DateOfBirthChunk | undefined {
  return loaded;
}

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export function loadDateOfBirthPart(): Promise<DateOfBirthChunk> {
  return (loading ??= chunks.dateOfBirth().then(
    (part) => (loaded = part),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/** Whether a form's `fields` (names split as config.ts splits them) ask for the date of birth. */
export function asksDateOfBirth(fields: string | undefined): boolean {
  return (fields ?? '').split(/[\s,]+/).includes('date_of_birth');
}
