import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { sha256Hex } from '../../src/consent/record.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { hold, restoreChunks } from '../helpers/chunks.js';
import { control, GOOD_VALUES, submitButton, until } from '../helpers/form.js';

/**
 * A consent disclosure the page gives after the form is on screen loads the consent chunk then
 * (`lead-capture.consent.js`): a Submit pressed before it arrives waits for it, and never sends a
 * lead without the record of the disclosure shown. Its own page: the chunk, once loaded, stays.
 */

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

afterEach(() => {
  restoreChunks();
  document.querySelectorAll('lead-capture').forEach((element) => element.remove());
});

describe('<lead-capture> given a consent disclosure later by the page, before the consent chunk arrives', () => {
  it('keeps the form as it was, and a Submit pressed meanwhile waits, then sends the lead with the disclosure shown as its evidence', async () => {
    const consent = hold('consent');
    const element = document.createElement('lead-capture') as LeadCapture;
    element.setAttribute('fields', 'first_name email');
    element.setAttribute('min-fill-ms', '0');
    element.setAttribute('persist', 'none');
    element.adapter = acceptAll;
    document.body.append(element);
    await until(() => element.querySelector('form') !== null, 'the form to render');
    await element.updateComplete;
    for (const [name, value] of [['first_name', GOOD_VALUES.first_name], ['email', GOOD_VALUES.email]] as const) {
      const input = control(element, name) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
    element.consent = 'I agree that {sellers} may call me.';
    element.sellers = 'ACME';
    element.consentOptional = true;
    await until(() => consent.asked > 0, 'the consent chunk to be asked for');
    let sent = false;
    element.addEventListener('lead-submit', () => (sent = true));
    const submitting = oneEvent(element, 'lead-submit');
    submitButton(element).click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent, 'nothing sent while the disclosure is on its way').to.equal(false);
    expect(element.querySelector('.lc-consent'), 'the form as it was').to.equal(null);

    consent.release();
    const { envelope } = (await submitting).detail;
    expect(element.querySelector('.lc-consent input[name="consent"]')).not.to.equal(null);
    expect(envelope.lead).to.deep.equal({ first_name: GOOD_VALUES.first_name, email: GOOD_VALUES.email.toLowerCase() });
    expect(envelope.consent).to.deep.include({ text: 'I agree that ACME may call me.', sha256: await sha256Hex('I agree that ACME may call me.'), sellers: ['ACME'], checkedAt: null });
  });
});
