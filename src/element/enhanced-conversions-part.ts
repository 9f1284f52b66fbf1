import { withRetries } from './chunk-retry.js';
import { chunks } from './chunks.js';
import { oncePerPage } from './load-once.js';

/**
 * The hashing of enhanced conversions (src/conversions/enhanced.ts), a chunk of its own
 * (`lead-capture.enhanced-conversions.js`): loaded, once per page, as soon as delivery arrives by a
 * form with `enhanced-conversions` (the conversions controller asks), by any other only if it is
 * turned on later; tried again like the other chunks. One that cannot be loaded leaves
 * `generate_lead` without its hashes, as hashing that fails does. Here, under src/element/, so the
 * classic build takes it from chunks-inline.ts as it does every chunk.
 */
export const loadEnhancedConversions = oncePerPage(() => withRetries(() => chunks.enhancedConversions()));
