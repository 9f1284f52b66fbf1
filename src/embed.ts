/**
 * The ES-module bundle's entry (`dist/lead-capture.js`): the tag registered, and the element's
 * side-effect-free surface. The rules (`createLeadValidator`) and the adapters (`relay`, `webhook`)
 * are loaded by the element itself when it needs them and exported by `index.ts`, not by the bundle,
 * so they stay out of the first chunk.
 */
import './define.js';

export * from './surface.js';
