import { ConversionsController, type ConversionsHost } from '../conversions/controller.js';
import { loadEnhancedConversions } from './enhanced-conversions-part.js';

/**
 * The element's conversions: src/conversions/controller.ts with the hashing loaded as the element
 * loads its chunks (enhanced-conversions-part.ts), so the conversions layer never imports the element.
 */
export class ElementConversions extends ConversionsController {
  constructor(host: ConversionsHost) {
    super(host, loadEnhancedConversions);
  }
}
