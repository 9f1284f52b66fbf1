/**
 * Chunk `lead-capture.enhanced-conversions.js`: the person's email and phone hashed as Google and Meta
 * ask, for `generate_lead`'s `user_data`. Loaded only by a form with `enhanced-conversions`, as soon as
 * delivery arrives (src/conversions/controller.ts, handed the loader by src/element/send-parts-controller.ts); a form
 * without it never fetches it.
 */
export { hashedUserData } from '../conversions/enhanced.js';
