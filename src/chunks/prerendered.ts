/**
 * Chunk `lead-capture.prerendered.js`: the takeover of the builder's prerendered form (what the person
 * did in the markup read into the widget's fields, the markup removed, focus and caret put back).
 * Loaded only by an element holding prerendered markup, before its first update
 * (src/element/prerendered-part.ts); the markup stays on screen, usable, meanwhile. A page without
 * prerendered markup never fetches it.
 */
export { restoreFocus, takePrerendered } from '../element/takeover.js';
