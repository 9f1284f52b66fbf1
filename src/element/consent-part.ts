import { chunks, type ConsentChunk } from './chunks.js';
import { onDemand } from './load-once.js';

/**
 * The consent block's disclosure and boxes come in a chunk of their own (`lead-capture.consent.js`),
 * loaded only by a form that asks for consent, before that form first renders (as a form with
 * questions waits for theirs): a form without a disclosure never fetches it. The builder's embed code
 * preloads it, pinned, for a form with one.
 */
const part = onDemand(() => chunks.consent());

/** The chunk when loaded, else undefined (call `loadConsentPart`). */
export const consentPart: () => ConsentChunk | undefined = part.current;

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export const loadConsentPart: () => Promise<ConsentChunk> = part.load;
