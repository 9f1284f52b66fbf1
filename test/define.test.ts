import { expect } from '@open-wc/testing';
import { LeadCapture } from '../src/element/lead-capture.js';

describe('define', () => {
  it('registers <lead-capture>, and loading it again does not throw', async () => {
    await import('../src/define.js');
    expect(customElements.get('lead-capture')).to.equal(LeadCapture);
    // A second copy of the module (a second script tag) runs the guarded definition again.
    const secondCopy = `${new URL('../src/define.ts', import.meta.url).href}?again=${Date.now()}`;
    await import(secondCopy);
    expect(customElements.get('lead-capture')).to.equal(LeadCapture);
  });
});
