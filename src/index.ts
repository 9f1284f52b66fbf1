/** The package's side-effect-free surface: classes, types, schemas and adapters. `define.ts` registers the tag. */
export * from './surface.js';
export { relay } from './adapters/relay.js';
export { webhook } from './adapters/webhook.js';
export { createLeadValidator } from './fields/validate.js';
