import { expect, fixture, html } from '@open-wc/testing';
import { unseenConsentRefusal } from '../../src/element/consent-shown.js';

/** A consent block as the widget draws it, with the page's own style on it. */
function consentBlock(style: string) {
  return fixture<HTMLElement>(html`<div>
    <fieldset class="lc-consent" style=${style}>
      <legend class="lc-consent-text" style="font-size: 16px; color: #000">I agree that <span class="lc-seller">ACME</span> may call me.</legend>
      <input type="checkbox" name="consent" style="width: 16px; height: 16px" />
    </fieldset>
  </div>`);
}

describe('unseenConsentRefusal: consent that was never visible is not consent', () => {
  it('refuses nothing when the block is shown clearly', async () => {
    expect(unseenConsentRefusal(await consentBlock('background: #fff'))).to.equal(undefined);
  });

  it('refuses a block the page hid, naming the rule it broke', async () => {
    const refusal = unseenConsentRefusal(await consentBlock('display: none'));
    expect(refusal).to.include({ status: 'rejected', retryable: false, code: 'consent_not_visible' });
    expect(refusal?.message).to.match(/^rendered: /);
  });
});
