import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { errorText, fill, submitButton } from '../helpers/form.js';
import { newScenario, received } from '../helpers/standins.js';

/**
 * The demo's debt-relief page (demo/debt-relief.html), its form exactly as the page writes it, filled
 * in as a person would: ZIP and debt first, then the questions, the name, and how to reach them.
 */
async function demoForm(scenario: string): Promise<LeadCapture> {
  const page = new DOMParser().parseFromString(await (await fetch('/demo/debt-relief.html')).text(), 'text/html');
  const written = page.querySelector('lead-capture');
  if (!written) throw new Error('the demo page has no <lead-capture>');
  const holder = await fixture<HTMLDivElement>(`<div>${written.outerHTML}</div>`);
  const element = holder.querySelector<LeadCapture>('lead-capture')!;
  element.endpoint = `/standins/webhook/${scenario}`;
  element.minFillMs = 0;
  element.persist = 'none';
  await element.updateComplete;
  return element;
}

async function next(element: LeadCapture): Promise<void> {
  const moved = oneEvent(element, 'lead-step');
  submitButton(element).click();
  await moved;
  await element.updateComplete;
}

/** Next (or See my options) pressed on a step with a problem: the error summary's links. */
async function refusedNext(element: LeadCapture): Promise<string[]> {
  const refused = oneEvent(element, 'lead-invalid');
  submitButton(element).click();
  await refused;
  await element.updateComplete;
  return [...element.querySelectorAll('.lc-error-summary a')].map((link) => link.textContent ?? '');
}

describe('the demo debt-relief page', () => {
  it('names each unanswered question in its own words when Next is pressed with nothing answered, in English and Spanish', async () => {
    const element = await demoForm(newScenario());
    expect(await refusedNext(element)).to.deep.equal(['Enter your ZIP code', 'Enter your total unsecured debt']);
    expect(errorText(element, 'debt_amount')).to.equal('Enter your total unsecured debt');
    await fill(element, { zip_code: '30301', debt_amount: '18,500' });
    await next(element);
    expect(await refusedNext(element)).to.deep.equal(['Choose the main kind of debt', 'Choose yes if you own a home']);
    await expect(element).to.be.accessible();

    const spanish = await demoForm(newScenario());
    spanish.locale = 'es';
    await spanish.updateComplete;
    expect(await refusedNext(spanish)).to.deep.equal(['Escriba su código postal', 'Escriba su deuda total sin garantía']);
    await fill(spanish, { zip_code: '30301', debt_amount: '18,500' });
    await next(spanish);
    expect(await refusedNext(spanish)).to.deep.equal(['Elija el tipo principal de deuda', 'Indique si es dueño de su casa']);
  });


  it('asks ZIP and debt first, then the questions, the name and the contact, and delivers one lead with the answers', async () => {
    const scenario = newScenario();
    const element = await demoForm(scenario);
    expect([...element.querySelectorAll<HTMLInputElement>('.lc-fields [name]')].map((input) => input.name)).to.deep.equal(['zip_code', 'debt_amount']);
    await expect(element).to.be.accessible();
    await fill(element, { zip_code: '30301', debt_amount: '18,500' });
    await next(element);
    element.values = { ...element.values, debt_type: 'credit_cards' };
    element.querySelector<HTMLInputElement>('input[name="owns_home"][value="no"]')?.click();
    element.querySelector<HTMLInputElement>('input[name="behind_on_payments"]')?.click();
    await next(element);
    await fill(element, { first_name: 'Jane', last_name: 'Doe' });
    await next(element);
    expect(element.querySelector('.lc-progress-text')?.textContent?.trim()).to.equal('Step 4 of 4');
    expect(submitButton(element).textContent?.trim()).to.equal('See my options');
    await fill(element, { email: 'jane@example.com', mobile: '(404) 555-0123' });
    element.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    const [request] = await received(scenario);
    expect((request?.body as { lead: Record<string, string> }).lead).to.deep.equal({
      zip_code: '30301',
      debt_amount: '18500',
      debt_type: 'credit_cards',
      owns_home: 'no',
      behind_on_payments: 'yes',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'jane@example.com',
      mobile: '+14045550123',
    });
  });
});
