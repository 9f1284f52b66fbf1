import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { fill, focusIsOn, GOOD_VALUES, inView, submitButton, until } from '../helpers/form.js';
import { newScenario, script } from '../helpers/standins.js';

const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

/** A landing page on a phone: a long page above the form, the person scrolled down to its button. */
async function phonePage(scenario: string): Promise<{ page: HTMLElement; element: LeadCapture }> {
  await setViewport({ width: 390, height: 700 });
  const page = await fixture<HTMLElement>(html`<div>
    <div style="height: 1200px">A long landing page</div>
    <lead-capture
      adapter="webhook"
      endpoint=${`/standins/webhook/${scenario}`}
      fields="first_name last_name email mobile zip_code address city"
      min-fill-ms="0"
      .retryPolicy=${ONCE}
    ></lead-capture>
    <footer style="height: 600px">Footer</footer>
  </div>`);
  const element = page.querySelector<LeadCapture>('lead-capture')!;
  await fill(element, { ...GOOD_VALUES, address: '350 Fifth Avenue', city: 'New York' });
  submitButton(element).scrollIntoView({ block: 'end' });
  return { page, element };
}

describe('the confirmation: the person is taken to the thank-you, and told', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('on a 390 px phone, puts focus on the thank-you heading and scrolls it into view', async () => {
    const { element } = await phonePage(newScenario());
    await expect(element).to.be.accessible();
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await element.updateComplete;
    const heading = element.querySelector('.lc-success h2');
    expect(heading?.textContent).to.equal('Thank you');
    const [focused, where] = focusIsOn(heading);
    expect(focused, where).to.equal(true);
    expect(inView(heading), `heading at ${JSON.stringify(heading?.getBoundingClientRect())} in a ${innerHeight}px viewport`).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('announces the thank-you through the status region that was in the page before it changed', async () => {
    const { element } = await phonePage(newScenario());
    const region = element.querySelector('[role="status"]');
    expect(region, 'a status region before submit').to.not.equal(null);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await element.updateComplete;
    expect(element.querySelector('[role="status"]'), 'the same region, not a new one').to.equal(region);
    expect(region?.textContent).to.equal('Thank you. We have your details and will be in touch soon.');
    // The panel itself is not a live region inserted with its text (not reliably announced).
    expect(element.querySelector('.lc-success')?.closest('[role="status"], [aria-live]')).to.equal(null);
  });

  it('does the same after a failure and Try again', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const { element } = await phonePage(scenario);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;
    await expect(element).to.be.accessible();
    expect(submitButton(element).textContent?.trim()).to.equal('Try again');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await element.updateComplete;
    const heading = element.querySelector('.lc-success-title');
    const [focused, where] = focusIsOn(heading);
    expect(focused, where).to.equal(true);
    expect(inView(heading)).to.equal(true);
  });

  it('says the thank-you in Spanish, and in a page’s own words', async () => {
    const scenario = newScenario();
    const element = await fixture<LeadCapture>(html`<lead-capture
      adapter="webhook"
      endpoint=${`/standins/webhook/${scenario}`}
      fields="email"
      locale="es"
      min-fill-ms="0"
      .messages=${{ ui: { successBody: 'Le llamaremos hoy.' } }}
    ></lead-capture>`);
    await fill(element, { email: 'ana@example.com' });
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await until(() => element.querySelector('.lc-success') !== null, 'the thank-you');
    expect(element.querySelector('.lc-success-title')?.textContent).to.equal('Gracias');
    expect(element.querySelector('[role="status"]')?.textContent).to.equal('Gracias. Le llamaremos hoy.');
  });
});
