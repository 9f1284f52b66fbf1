import { chunks, type PrerenderedChunk } from './chunks.js';
import { onDemand } from './load-once.js';

/**
 * The takeover of a prerendered form comes in a chunk of its own (`lead-capture.prerendered.js`),
 * loaded only by an element holding the builder's prerendered markup, before its first update (as a
 * form with questions waits for theirs): a page without that markup never fetches it. The builder's
 * embed code preloads it, pinned, for a prerendered form.
 */
const part = onDemand(() => chunks.prerendered());

/** The chunk when loaded, else undefined (call `loadPrerenderedPart`). */
export const prerenderedPart: () => PrerenderedChunk | undefined = part.current;

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export const loadPrerenderedPart: () => Promise<PrerenderedChunk> = part.load;
