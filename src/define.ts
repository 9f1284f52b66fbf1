import { LeadCapture } from './element/lead-capture.js';

/**
 * The one module that registers the tag. Guarded: a page that loads the script twice (a tag manager
 * and a hand-pasted snippet, say) keeps the first definition instead of throwing.
 */
if (!customElements.get('lead-capture')) {
  customElements.define('lead-capture', LeadCapture);
} else if (customElements.get('lead-capture') !== LeadCapture) {
  console.warn('<lead-capture> is already defined by another copy of the script; keeping the first.');
}

declare global {
  interface HTMLElementTagNameMap {
    'lead-capture': LeadCapture;
  }
}
