import { expect, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { sha256Hex } from '../../src/consent/record.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { count, hold, restoreChunks } from '../helpers/chunks.js';
import { control, GOOD_VALUES, submitButton, until } from '../helpers/form.js';

/**
 * The consent block's disclosure and boxes are a chunk of their own (`lead-capture.consent.js`),
 * loaded only by a form that asks for consent, before that form first renders. The TCPA case must
 * come out of it exactly as before: the exact text shown, the unchecked box, TrustedForm's tags and
 * certificate, the record of what the person saw.
 */

const DISCLOSURE = 'By checking this box I agree that {sellers} may call and text me at the number above, including by automated technology. Consent is not a condition of purchase.';
const SHOWN = DISCLOSURE.replace('{sellers}', 'ACME Insurance');
const TRUSTEDFORM_STANDIN = '/standins/trustedform/trustedform.js';
const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

afterEach(() => {
  restoreChunks();
  document.querySelectorAll('lead-capture').forEach((element) => element.remove());
  document.querySelectorAll('script[data-lead-capture]').forEach((element) => element.remove());
});

describe('a form without a consent disclosure', () => {
  it('never asks for the consent chunk, and sends its lead', async () => {
    const consent = count('consent');
    const element = document.createElement('lead-capture') as LeadCapture;
    element.setAttribute('fields', 'first_name email');
    element.setAttribute('min-fill-ms', '0');
    element.setAttribute('persist', 'none');
    element.adapter = acceptAll;
    document.body.append(element);
    await until(() => element.querySelector('form') !== null, 'the form to render');
    const email = control(element, 'email') as HTMLInputElement;
    email.value = GOOD_VALUES.email;
    email.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    expect(consent.asked).to.equal(0);
    expect(element.querySelector('.lc-consent')).to.equal(null);
  });
});

// The first form in this page to need the chunk (held back here): once loaded, it stays for the page.
describe('a prerendered TCPA form, before the consent chunk arrives', () => {
  it('stays on screen and usable, renders nothing of its own, then shows the exact disclosure with its box unchecked and tagged, and sends the lead with its whole evidence', async () => {
    const consent = hold('consent');
    const holder = document.createElement('div');
    // The markup as the builder's prerendered embed carries it (src/builder/prerender.ts), cut to its controls.
    holder.innerHTML = `<lead-capture fields="first_name email" required="email" persist="none" tracking="off" min-fill-ms="0"
      consent="${DISCLOSURE}" sellers="ACME Insurance" trustedform trustedform-src="${TRUSTEDFORM_STANDIN}" prerendered="lc-p-tcpa">
      <div id="lc-p-tcpa" data-lc-prerendered>
        <label for="lc-p-tcpa-first_name">First name</label><input id="lc-p-tcpa-first_name" name="first_name" form="lc-p-none">
        <label for="lc-p-tcpa-email">Email</label><input id="lc-p-tcpa-email" name="email" type="email" form="lc-p-none">
        <div class="lc-consent"><input type="checkbox" id="lc-p-tcpa-consent" name="consent" value="yes" form="lc-p-none">
          <label class="lc-consent-text" for="lc-p-tcpa-consent">${SHOWN}</label></div>
      </div>
    </lead-capture>`;
    const element = holder.querySelector('lead-capture') as LeadCapture;
    element.adapter = acceptAll;
    document.body.append(holder);
    await until(() => consent.asked > 0, 'the consent chunk to be asked for');
    const markup = (name: string) => element.querySelector<HTMLInputElement>(`[data-lc-prerendered] [name="${name}"]`)!;
    markup('first_name').value = GOOD_VALUES.first_name;
    markup('email').focus();
    markup('email').value = GOOD_VALUES.email;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(element.querySelector('form.lc-form'), 'no widget form before the chunk arrives').to.equal(null);
    expect(element.querySelector('[data-lc-prerendered]'), 'the prerendered form still there').not.to.equal(null);

    consent.release();
    await until(() => element.querySelector('form.lc-form') !== null, 'the widget’s form');
    await element.updateComplete;
    expect(element.querySelector('[data-lc-prerendered]'), 'the markup taken over').to.equal(null);
    expect(element.values).to.deep.equal({ first_name: GOOD_VALUES.first_name, email: GOOD_VALUES.email });
    expect(element.ownerDocument.activeElement, 'focus where the person was').to.equal(control(element, 'email'));
    // The disclosure exactly as written, its one box unchecked and required, tagged for TrustedForm and Jornaya.
    const block = element.querySelector('.lc-consent')!;
    const box = block.querySelector<HTMLInputElement>('input[name="consent"]')!;
    expect(block.getAttribute('data-tf-element-role')).to.equal('offer');
    expect(block.querySelector('.lc-consent-text')?.getAttribute('data-tf-element-role')).to.equal('consent-language');
    expect(block.querySelector('.lc-consent-text')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(SHOWN);
    expect(block.querySelector('.lc-seller-names')?.getAttribute('data-tf-element-role')).to.equal('consent-advertiser-name');
    expect([box.checked, box.required, box.dataset['leadidType']]).to.deep.equal([false, true, 'disclosure']);
    await expect(element).to.be.accessible();

    box.click();
    await element.updateComplete;
    const submitting = oneEvent(element, 'lead-submit');
    submitButton(element).click();
    const { envelope, evidence } = (await submitting).detail;
    expect(envelope.consent).to.deep.include({ text: SHOWN, sha256: await sha256Hex(SHOWN), sellers: ['ACME Insurance'] });
    expect(envelope.consent?.checkedAt).to.be.a('string');
    expect(evidence.trustedform, 'TrustedForm’s certificate, as before').to.equal('captured');
    expect(document.querySelectorAll('script[data-lead-capture="trustedform"]').length).to.equal(1);
    holder.remove();
  });
});
