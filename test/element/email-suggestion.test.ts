import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, errorText, fill } from '../helpers/form.js';

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

async function emailForm(): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture min-fill-ms="0" persist="none" tracking="off" fields="email" required="email"></lead-capture>`);
  element.adapter = acceptAll;
  return element;
}

describe('<lead-capture> an email typed with a space inside', () => {
  for (const typed of ['jane doe@example.com', 'jane@example .com']) {
    it(`refuses ${JSON.stringify(typed)}, keeps what was typed, and offers the space-free address in one tap`, async () => {
      const element = await emailForm();
      await fill(element, { email: typed });
      const input = control(element, 'email') as HTMLInputElement;
      expect(input.value, 'never changed on its own').to.equal(typed);
      expect(errorText(element, 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
      const clean = typed.replace(/\s/g, '');
      const use = element.querySelector<HTMLButtonElement>('.lc-use-suggestion');
      expect(element.querySelector('.lc-hint')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Did you mean ${clean}? Use ${clean}`);
      await expect(element).to.be.accessible();
      use?.click();
      await element.updateComplete;
      expect(input.value).to.equal(clean);
      expect(errorText(element, 'email')).to.equal('');
      const submitted = oneEvent(element, 'lead-submit');
      await element.submit();
      expect((await submitted).detail.envelope.lead).to.deep.equal({ email: clean });
    });
  }

  it('sends nothing when the person submits the spaced address as typed', async () => {
    const element = await emailForm();
    await fill(element, { email: 'jane doe@example.com' });
    const refused = oneEvent(element, 'lead-invalid');
    await element.submit();
    expect((await refused).detail.errors).to.deep.equal({ email: 'email' });
  });
});
