/** The package's side-effect-free surface: classes, types, schemas and adapters. `define.ts` registers the tag. */
export * from './surface.js';
export { relay } from './adapters/relay.js';
export { webhook } from './adapters/webhook.js';
export { createLeadValidator } from './fields/validate.js';
/** The `state` select's options, which `FIELD_CATALOGUE` leaves to a chunk of their own in the bundle. */
export { US_STATE_OPTIONS } from './fields/us-states.js';
