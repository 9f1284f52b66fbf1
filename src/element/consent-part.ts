import { chunks, type ConsentChunk } from './chunks.js';

/**
 * The consent block's disclosure and boxes come in a chunk of their own (`lead-capture.consent.js`),
 * loaded only by a form that asks for consent, before that form first renders (as a form with
 * questions waits for theirs): a form without a disclosure never fetches it. The builder's embed code
 * preloads it, pinned, for a form with one.
 */
let loaded: ConsentChunk | undefined;
let loading: Promise<ConsentChunk> | undefined;

/** The chunk when loaded, else undefined (call `loadConsentPart`). */
export function consentPart(): ConsentChunk | undefined {
  return loaded;
}

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export function loadConsentPart(): Promise<ConsentChunk> {
  return (loading ??= chunks.consent().then(
    (part) => (loaded = part),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}
