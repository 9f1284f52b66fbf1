import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { fill, GOOD_VALUES, submitButton } from '../helpers/form.js';
import { newScenario, received, script } from '../helpers/standins.js';

/** A page whose own CSS does something to the widget's consent block. */
async function pageWithCss(scenario: string, css: string): Promise<LeadCapture> {
  const page = await fixture<HTMLElement>(html`<div>
    <style>
      ${css}
    </style>
    <lead-capture
      adapter="webhook"
      endpoint=${`/standins/webhook/${scenario}`}
      fields="first_name last_name email mobile zip_code"
      consent="By clicking Submit I agree that {sellers} may call and text me at the number above."
      sellers="ACME Insurance"
      min-fill-ms="0"
    ></lead-capture>
  </div>`);
  const element = page.querySelector<LeadCapture>('lead-capture')!;
  // The form renders once its disclosure (a chunk of its own) is here.
  await element.updateComplete;
  await fill(element, GOOD_VALUES);
  element.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
  await element.updateComplete;
  return element;
}

function capturingConsoleErrors(): { messages: string[]; restore: () => void } {
  const original = console.error;
  const messages: string[] = [];
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = original) };
}

describe('consent that was never visible is not consent', () => {
  it('refuses to send when the page’s CSS hides the disclosure (label { display: none !important })', async () => {
    const scenario = newScenario();
    const element = await pageWithCss(scenario, 'label { display: none !important; }');
    const errors = capturingConsoleErrors();
    try {
      const refused = oneEvent(element, 'lead-error');
      submitButton(element).click();
      const { detail } = await refused;
      expect(detail).to.deep.include({ stage: 'consent', retryable: false });
      expect(detail.outcome.code).to.equal('consent_not_visible');
      expect(detail.outcome.message).to.contain('rendered:');
    } finally {
      errors.restore();
    }
    expect(errors.messages.join('\n')).to.match(/consent not sent.*rendered: the disclosure and the box must be displayed/);
    expect(await received(scenario), 'nothing sent').to.have.length(0);
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain("We couldn't show you the consent text properly");
  });

  it('refuses faint or tiny fine print, naming each rule', async () => {
    const scenario = newScenario();
    const element = await pageWithCss(scenario, 'lead-capture .lc-consent-text { font-size: 9px !important; color: #e8e8e8 !important; }');
    const errors = capturingConsoleErrors();
    try {
      const refused = oneEvent(element, 'lead-error');
      submitButton(element).click();
      await refused;
    } finally {
      errors.restore();
    }
    expect(errors.messages.join('\n')).to.contain('font-size: the disclosure text must be at least 12px');
    expect(errors.messages.join('\n')).to.contain('contrast: the disclosure must have a contrast of 4.5:1');
    expect(await received(scenario)).to.have.length(0);
  });

  it('sends as usual when the consent was shown as the widget draws it', async () => {
    const scenario = newScenario();
    const element = await pageWithCss(scenario, 'body { background: #fafafa; }');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.consent?.text).to.contain('ACME Insurance may call and text me');
    await expect(element).to.be.accessible();
  });
});

describe('consent never visible on the consent step (deferred consent)', () => {
  it('is refused on the page, not taken for a buyer’s rejection: no offer wall, no submitLead, the person told', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const visited: string[] = [];
    const page = await fixture<HTMLElement>(html`<div>
      <style>
        lead-capture .lc-consent-text { display: none !important; }
      </style>
      <lead-capture
        min-fill-ms="0"
        endpoint=${`/relay/${scenario}/v1`}
        destination="mlas"
        fields="first_name last_name email mobile address city state zip_code date_of_birth"
        required="first_name last_name email mobile address city state zip_code date_of_birth"
        consent="By checking this box I agree that {sellers} may call and text me at the number above."
        sellers="Alleviate Financial"
        consent-timing="submit"
        rejected-url="https://offers.example.com/?s={status}"
        .navigate=${(url: string) => visited.push(url)}
      ></lead-capture>
    </div>`);
    const element = page.querySelector<LeadCapture>('lead-capture')!;
    // The form renders once its date of birth's boxes and its disclosure (chunks of their own) are here.
    await element.updateComplete;
    await fill(element, { ...GOOD_VALUES, address: '350 Fifth Avenue', city: 'New York', date_of_birth: '1985-04-23' });
    element.values = { ...element.values, state: 'NY' };
    const created = oneEvent(element, 'lead-created');
    submitButton(element).click();
    await created;
    await element.updateComplete;
    element.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    await element.updateComplete;
    const errors = capturingConsoleErrors();
    try {
      const refused = oneEvent(element, 'lead-error');
      submitButton(element).click();
      expect((await refused).detail).to.deep.include({ stage: 'consent' });
      // Conversions act once the event has reached the page's listeners: give them that turn.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      errors.restore();
    }
    expect(visited, 'no navigation to rejected-url').to.deep.equal([]);
    const submitLeads = (await received(scenario)).filter((request) => JSON.stringify(request.body).includes('submitLead('));
    expect(submitLeads, 'no submitLead').to.have.length(0);
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain("We couldn't show you the consent text properly");
  });
});
