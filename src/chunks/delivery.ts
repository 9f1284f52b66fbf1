/**
 * Chunk `lead-capture.delivery.js`: the submission flow and its outbox, the adapters, the consent
 * evidence, tracking and conversions (the consent visibility check and the consent recorders,
 * TrustedForm and Jornaya, are chunks of their own), and what Submit does on each screen
 * (screen-submit.ts). Loaded after the validation chunk, once the form has rendered with the rules and
 * the page is quiet (a second at most: send-parts-controller.ts), at once when Submit is pressed; a
 * Submit pressed before it arrives waits for it.
 */
export { DeliveryController } from '../element/delivery-controller.js';
export { TrackingController } from '../element/tracking-controller.js';
export { ConversionsController } from '../conversions/controller.js';
export { loadEnhancedConversions } from '../element/enhanced-conversions-part.js';
export { ScreenSubmit } from '../element/screen-submit.js';
