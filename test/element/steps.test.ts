import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { LeadStepDetail } from '../../src/element/events.js';
import { control, errorText, fill, focusIsOn, submitButton, until } from '../helpers/form.js';
import { newScenario, received, script } from '../helpers/standins.js';

const QUESTIONS = JSON.stringify([
  { name: 'debt_amount', label: 'Total unsecured debt', type: 'number', min: 1000, required: true },
]);
const DISCLOSURE = 'By clicking Submit I agree that ACME may call me at the number above.';
const ONE_ATTEMPT = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

/** The debt-relief form: ZIP and debt first, then the name, then how to reach the person. */
async function stepsForm(scenario: string, attributes: { id?: string; persist?: string; locale?: string } = {}): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    id=${attributes.id ?? ''}
    persist=${attributes.persist ?? 'local'}
    locale=${attributes.locale ?? 'en'}
    min-fill-ms="0"
    tracking="off"
    .retryPolicy=${ONE_ATTEMPT}
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="zip_code debt_amount first_name last_name email mobile"
    required="zip_code first_name last_name email mobile"
    questions=${QUESTIONS}
    steps="zip_code debt_amount | first_name last_name | email mobile"
    consent=${DISCLOSURE}
  ></lead-capture>`);
}

function shownNames(element: LeadCapture): string[] {
  return [...element.querySelectorAll<HTMLInputElement>('.lc-fields [name]')].map((input) => input.name);
}

function stepText(element: LeadCapture): string | undefined {
  return element.querySelector('.lc-progress-text')?.textContent?.trim();
}

/** Presses the one submit button and waits for the step it leads to. */
async function next(element: LeadCapture): Promise<LeadStepDetail> {
  const moved = oneEvent(element, 'lead-step');
  submitButton(element).click();
  const { detail } = await moved;
  await element.updateComplete;
  return detail;
}

describe('<lead-capture steps>: one step at a time', () => {
  afterEach(() => sessionStorage.clear());

  it('shows only the first step, "Step 1 of 3", a button that reads Next, no Back and no consent yet', async () => {
    const element = await stepsForm(newScenario(), { persist: 'none' });
    expect(shownNames(element)).to.deep.equal(['zip_code', 'debt_amount']);
    expect(stepText(element)).to.equal('Step 1 of 3');
    expect(element.querySelector('.lc-progress-text')?.getAttribute('aria-live')).to.equal('polite');
    const bar = element.querySelector<HTMLProgressElement>('progress.lc-progress-bar');
    expect([bar?.value, bar?.max]).to.deep.equal([1, 3]);
    expect(submitButton(element).textContent?.trim()).to.equal('Next');
    expect(element.querySelector('.lc-back')).to.equal(null);
    expect(element.querySelector('.lc-consent')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('checks only the step shown: Next with an empty step names its fields alone, and stays', async () => {
    const scenario = newScenario();
    const element = await stepsForm(scenario, { persist: 'none' });
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors).to.deep.equal({ zip_code: 'required', debt_amount: 'required' });
    await element.updateComplete;
    expect(stepText(element)).to.equal('Step 1 of 3');
    const [focused, where] = focusIsOn(element.querySelector('.lc-error-summary'));
    expect(focused, where).to.equal(true);
    expect([...element.querySelectorAll('.lc-error-summary a')].map((link) => link.getAttribute('href'))).to.deep.equal([
      `#${control(element, 'zip_code').id}`,
      `#${control(element, 'debt_amount').id}`,
    ]);
    await expect(element).to.be.accessible();
    expect(await received(scenario)).to.deep.equal([]);
  });

  it('moves on with the keyboard: Enter in a field is Next; the new step is announced, its first field focused', async () => {
    const scenario = newScenario();
    const element = await stepsForm(scenario, { persist: 'none' });
    control(element, 'zip_code').focus();
    await sendKeys({ type: '10001' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '25,000' });
    const moved = oneEvent(element, 'lead-step');
    await sendKeys({ press: 'Enter' });
    expect((await moved).detail).to.deep.equal({ step: 2, total: 3 });
    await element.updateComplete;
    expect(shownNames(element)).to.deep.equal(['first_name', 'last_name']);
    expect(stepText(element)).to.equal('Step 2 of 3');
    const [focused, where] = focusIsOn(control(element, 'first_name'));
    expect(focused, where).to.equal(true);
    expect(element.querySelector('.lc-back')?.textContent?.trim()).to.equal('Back');
    expect(await received(scenario), 'nothing is sent before the last step').to.deep.equal([]);
  });

  it('draws Back as tall as Next beside it: its outline is its own border, not a shadow inside it', async () => {
    const element = await stepsForm(newScenario(), { persist: 'none' });
    await fill(element, { zip_code: '10001', debt_amount: '25000' });
    await next(element);
    const back = getComputedStyle(element.querySelector('.lc-back')!);
    const nextButton = submitButton(element).getBoundingClientRect();
    expect(element.querySelector('.lc-back')!.getBoundingClientRect().height).to.equal(nextButton.height);
    expect(back.borderTopColor, 'the outline is the border').to.equal(back.color);
    expect(back.boxShadow).to.equal('none');
  });

  it('goes Back with the values kept, and forward again', async () => {
    const element = await stepsForm(newScenario(), { persist: 'none' });
    await fill(element, { zip_code: '10001', debt_amount: '25000' });
    await next(element);
    await fill(element, { first_name: 'Jane' });
    const back = oneEvent(element, 'lead-step');
    element.querySelector<HTMLButtonElement>('.lc-back')?.click();
    expect((await back).detail).to.deep.equal({ step: 1, total: 3 });
    await element.updateComplete;
    expect((control(element, 'zip_code') as HTMLInputElement).value).to.equal('10001');
    expect((control(element, 'debt_amount') as HTMLInputElement).value).to.equal('25000');
    await next(element);
    expect((control(element, 'first_name') as HTMLInputElement).value).to.equal('Jane');
  });

  it('asks consent with the last step, where the button says Submit, and sends one lead of every step', async () => {
    const scenario = newScenario();
    const element = await stepsForm(scenario, { persist: 'none' });
    await fill(element, { zip_code: '10001', debt_amount: '25,000' });
    await next(element);
    await fill(element, { first_name: 'Jane', last_name: 'Doe' });
    expect(await next(element)).to.deep.equal({ step: 3, total: 3 });
    expect(submitButton(element).textContent?.trim()).to.equal('Submit');
    expect(element.querySelector('.lc-consent')).to.not.equal(null);
    await expect(element).to.be.accessible();
    await fill(element, { email: 'jane@example.com', mobile: '(212) 555-0123' });
    element.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    const leads = (await received(scenario)).map((request) => (request.body as { lead: Record<string, string> }).lead);
    expect(leads).to.deep.equal([
      { zip_code: '10001', debt_amount: '25000', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', mobile: '+12125550123' },
    ]);
  });

  it('on a final submit with a problem on an earlier step, shows that step with its problem in the focused summary', async () => {
    const element = await stepsForm(newScenario(), { persist: 'none' });
    await fill(element, { zip_code: '10001', debt_amount: '25000' });
    await next(element);
    await fill(element, { first_name: 'Jane', last_name: 'Doe' });
    await next(element);
    await fill(element, { email: 'jane@example.com', mobile: '(212) 555-0123' });
    element.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    // The page changed an earlier answer behind the person's back (a script, a stale pre-fill).
    element.values = { ...element.values, zip_code: '1234' };
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors).to.deep.equal({ zip_code: 'zip' });
    await element.updateComplete;
    expect(stepText(element)).to.equal('Step 1 of 3');
    expect(errorText(element, 'zip_code')).to.not.equal('');
    // The error summary takes focus, its one link to the field with the problem.
    const [focused, where] = focusIsOn(element.querySelector('.lc-error-summary'));
    expect(focused, where).to.equal(true);
    expect([...element.querySelectorAll('.lc-error-summary a')].map((link) => link.getAttribute('href'))).to.deep.equal([`#${control(element, 'zip_code').id}`]);
  });

  it('speaks Spanish: Siguiente, Atrás, Paso 2 de 3', async () => {
    const element = await stepsForm(newScenario(), { persist: 'none', locale: 'es' });
    expect(submitButton(element).textContent?.trim()).to.equal('Siguiente');
    await fill(element, { zip_code: '10001', debt_amount: '25000' });
    await next(element);
    expect(stepText(element)).to.equal('Paso 2 de 3');
    expect(element.querySelector('.lc-back')?.textContent?.trim()).to.equal('Atrás');
  });
});

describe('<lead-capture steps>: a reload mid-form', () => {
  afterEach(() => sessionStorage.clear());

  it('comes back to the step it was on, with the earlier steps\' values, for the tab\'s session', async () => {
    const scenario = newScenario();
    const first = await stepsForm(scenario, { id: 'debt-form' });
    await fill(first, { zip_code: '10001', debt_amount: '25000' });
    await next(first);
    fixtureCleanup();
    // The same page loaded again: a new element, the same form.
    const again = await stepsForm(scenario, { id: 'debt-form' });
    await until(() => stepText(again) === 'Step 2 of 3', 'the second step');
    expect(shownNames(again)).to.deep.equal(['first_name', 'last_name']);
    expect(again.values).to.include({ zip_code: '10001', debt_amount: '25000' });
  });

  it('keeps nothing when the page says persist="none", and forgets the place once the lead is sent', async () => {
    const scenario = newScenario();
    const first = await stepsForm(scenario, { id: 'debt-form', persist: 'none' });
    await fill(first, { zip_code: '10001', debt_amount: '25000' });
    await next(first);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('lead-capture:'))).to.deep.equal([]);
    const kept = await stepsForm(scenario, { id: 'other-form' });
    await fill(kept, { zip_code: '10001', debt_amount: '25000' });
    await next(kept);
    await fill(kept, { first_name: 'Jane', last_name: 'Doe' });
    await next(kept);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('lead-capture:')), 'kept while on the form').to.have.length(1);
    await fill(kept, { email: 'jane@example.com', mobile: '(212) 555-0123' });
    kept.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    const submitted = oneEvent(kept, 'lead-submitted');
    submitButton(kept).click();
    await submitted;
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('lead-capture:'))).to.deep.equal([]);
  });
});

describe('<lead-capture steps>: with the MLAS consent step after create', () => {
  afterEach(() => sessionStorage.clear());

  it('sends after the last counted step, then shows the consent step uncounted', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await fixture<LeadCapture>(html`<lead-capture
      min-fill-ms="0"
      persist="none"
      endpoint=${`/relay/${scenario}/v1`}
      destination="mlas"
      fields="zip_code first_name last_name email mobile address city state date_of_birth"
      required="zip_code first_name last_name email mobile address city state date_of_birth"
      steps="zip_code | first_name last_name date_of_birth | address city state | email mobile"
      consent=${DISCLOSURE}
      consent-timing="submit"
    ></lead-capture>`);
    await fill(element, { zip_code: '10001' });
    expect(await next(element)).to.deep.equal({ step: 2, total: 4 });
    await fill(element, { first_name: 'Jane', last_name: 'Doe', date_of_birth: '1985-04-23' });
    await next(element);
    await fill(element, { address: '350 Fifth Avenue', city: 'New York' });
    element.values = { ...element.values, state: 'NY' };
    await next(element);
    expect(element.querySelector('.lc-consent'), 'consent comes after create').to.equal(null);
    await fill(element, { email: 'jane@example.com', mobile: '(212) 555-0123' });
    const created = oneEvent(element, 'lead-created');
    submitButton(element).click();
    expect((await created).detail.next).to.equal('submit');
    await element.updateComplete;
    expect(element.querySelector('.lc-step-title')?.textContent).to.equal('One last step');
    expect(element.querySelector('.lc-progress'), 'the consent step is not one of the counted steps').to.equal(null);
    expect(element.querySelector('.lc-back')).to.equal(null);
    expect(shownNames(element).filter((name) => name !== 'consent')).to.deep.equal(['mobile']);
    expect(submitButton(element).textContent?.trim()).to.equal('I agree');
  });
});
