import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { fill, GOOD_VALUES, submitButton } from '../helpers/form.js';
import { delivered, newScenario, received, script, unscript } from '../helpers/standins.js';

/**
 * Issue 15: the consent shown is never contradicted by the record sent. A lead that failed waits in
 * the outbox with its consent record; the person then ticks or unticks the box without pressing Try
 * again. Whatever sends the lead later (the browser back online, the automatic retry, the next visit)
 * sends the consent as the form now shows it, or, where the form requires consent, nothing.
 */

const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };
/** A second send after the destination's Retry-After (1 s): time for the person to change the box in between. */
const TWICE: RetryPolicy = { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 10_000 };

type Consent = 'optional' | 'required';

/** The widget as a page load makes it: a new element, the same configuration, the same device's outbox. */
async function page(scenario: string, consent: Consent, retry: RetryPolicy = ONCE): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="first_name last_name email mobile zip_code"
    min-fill-ms="0"
    consent="I agree that {sellers} may call and text me."
    sellers="ACME Insurance"
    ?consent-optional=${consent === 'optional'}
    .retryPolicy=${retry}
  ></lead-capture>`);
}

const box = (element: LeadCapture) => element.querySelector<HTMLInputElement>('input[name="consent"]')!;

/** The person's own click on the consent box, and the widget's answer to it. */
async function toggle(element: LeadCapture): Promise<void> {
  box(element).click();
  await element.updateComplete;
  // Following a change of consent computes the record's hash (Web Crypto) and writes the outbox.
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Fills the form, ticks the box and presses Submit: the send fails (the stand-in answers 500). */
async function failWithBoxTicked(element: LeadCapture): Promise<void> {
  await fill(element, GOOD_VALUES);
  box(element).click();
  const failed = oneEvent(element, 'lead-error');
  submitButton(element).click();
  await failed;
  await element.updateComplete;
  expect(submitButton(element).textContent?.trim()).to.equal('Try again');
}

/** The webhook requests the scenario received. */
async function sends(scenario: string) {
  return (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
}

/** Whether each lead the destination stored carried the box as ticked. */
async function storedAsTicked(scenario: string): Promise<boolean[]> {
  const requests = await sends(scenario);
  return (await delivered(scenario)).map((key) => {
    const sent = requests.filter((request) => request.headers['idempotency-key'] === key).at(-1);
    return (sent?.body as { consent?: { checkedAt: string | null } } | undefined)?.consent?.checkedAt != null;
  });
}

const settle = (ms = 800) => new Promise((resolve) => setTimeout(resolve, ms));

describe('consent changed while a failed lead waits, without Try again', () => {
  it('back online: the lead goes with the box as now shown (consent optional), once', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await page(scenario, 'optional');
    await failWithBoxTicked(element);
    await toggle(element);
    const submitted = oneEvent(element, 'lead-submitted');
    window.dispatchEvent(new Event('online'));
    const { detail } = await submitted;
    expect(detail.consent?.checkedAt, 'the record the page is told of').to.equal(null);
    expect(await storedAsTicked(scenario), 'one lead, unticked as shown').to.deep.equal([false]);
  });

  it('back online: nothing is sent when the form requires consent, and the person is told why', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await page(scenario, 'required');
    await failWithBoxTicked(element);
    await toggle(element);
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal(
      'You unchecked the box, so your request has not been sent. To send it, check the box and press Try again.',
    );
    window.dispatchEvent(new Event('online'));
    await settle();
    expect((await sends(scenario)).length, 'only the send that failed').to.equal(1);
    await expect(element).to.be.accessible();
  });

  it('ticked again and Try again: the lead goes with the new agreement, once', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await page(scenario, 'required');
    await failWithBoxTicked(element);
    const firstRecord = (await sends(scenario))[0]?.body as { consent: { checkedAt: string } };
    await toggle(element);
    await toggle(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(detail.consent?.checkedAt, 'the new tick, not the first').to.not.equal(firstRecord.consent.checkedAt);
    await element.updateComplete;
    expect(element.querySelector('.lc-success')).to.not.equal(null);
    // Nothing of the withdrawn lead is left to go on the next visit.
    await page(scenario, 'required');
    await settle();
    expect(await storedAsTicked(scenario)).to.deep.equal([true]);
  });
});

describe('consent changed between automatic retries', () => {
  /** Ticks the box and presses Submit; the first send is answered 429 Retry-After: 1, and the person changes the box during that second. */
  async function changeDuringTheWait(scenario: string, consent: Consent): Promise<LeadCapture> {
    await script(scenario, { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } });
    const element = await page(scenario, consent, TWICE);
    await fill(element, GOOD_VALUES);
    box(element).click();
    submitButton(element).click();
    await waitForSends(scenario, 1);
    await toggle(element);
    return element;
  }

  it('the retry sends the box as now shown (consent optional), once', async () => {
    const scenario = newScenario();
    const element = await changeDuringTheWait(scenario, 'optional');
    const { detail } = await oneEvent(element, 'lead-submitted');
    expect(detail.consent?.checkedAt).to.equal(null);
    expect(await storedAsTicked(scenario), 'one lead, unticked as shown').to.deep.equal([false]);
  });

  it('no retry when the form requires consent: the person is told, and the next visit sends nothing', async () => {
    const scenario = newScenario();
    const element = await changeDuringTheWait(scenario, 'required');
    await settle(1500);
    expect((await sends(scenario)).length, 'only the first send').to.equal(1);
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('has not been sent');
    element.remove();
    await page(scenario, 'required');
    await settle();
    expect((await sends(scenario)).length).to.equal(1);
  });
});

describe('consent changed, then the tab closed: the next visit', () => {
  for (const consent of ['optional', 'required'] as const) {
    it(`sends ${consent === 'optional' ? 'the lead with the box as last shown' : 'nothing, the consent the form requires being withdrawn'} (consent ${consent})`, async () => {
      const scenario = newScenario();
      await script(scenario, { mode: 'failing' });
      const first = await page(scenario, consent);
      await failWithBoxTicked(first);
      await toggle(first);
      first.remove();
      await unscript(scenario);
      await page(scenario, consent);
      await settle(1200);
      expect(await storedAsTicked(scenario)).to.deep.equal(consent === 'optional' ? [false] : []);
      if (consent === 'required') expect((await sends(scenario)).length, 'only the send that failed').to.equal(1);
    });
  }
});

describe('consent unticked on the consent step while its second step waits (deferred consent)', () => {
  /** The MLAS two-step flow through the relay: createLead qualifies the lead, then the consent step. */
  async function mlasPage(scenario: string): Promise<LeadCapture> {
    return fixture<LeadCapture>(html`<lead-capture
      min-fill-ms="0"
      endpoint=${`/relay/${scenario}/v1`}
      destination="mlas"
      fields="first_name last_name email mobile address city state zip_code date_of_birth"
      required="first_name last_name email mobile address city state zip_code date_of_birth"
      consent="By checking this box I agree that {sellers} may call and text me at the number above."
      sellers="Alleviate Financial"
      consent-timing="submit"
      trustedform
      trustedform-src="/standins/trustedform/trustedform.js"
      .retryPolicy=${ONCE}
    ></lead-capture>`);
  }

  const submitLeads = async (scenario: string) => (await received(scenario)).filter((request) => JSON.stringify(request.body).includes('submitLead('));

  afterEach(() => document.querySelectorAll('script[data-lead-capture]').forEach((script) => script.remove()));

  /**
   * createLead qualifies the lead; the person ticks the box and agrees; the first submitLead fails
   * (MLAS answers 500; later ones would succeed): the consent step waits with Try again.
   */
  async function failedSubmitStep(scenario: string): Promise<LeadCapture> {
    await script(scenario, { mode: 'pingPost' }, { mode: 'serverError' });
    const element = await mlasPage(scenario);
    await fill(element, { ...GOOD_VALUES, address: '350 Fifth Avenue', city: 'New York', date_of_birth: '1985-04-23' });
    element.values = { ...element.values, state: 'NY' };
    const created = oneEvent(element, 'lead-created');
    submitButton(element).click();
    await created;
    await element.updateComplete;
    box(element).click();
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;
    return element;
  }

  it('is not sent by the reconnection nor by the next visit, and the person is told it was withdrawn', async () => {
    const scenario = newScenario();
    const element = await failedSubmitStep(scenario);
    expect(submitButton(element).textContent?.trim()).to.equal('Try again');
    expect(await submitLeads(scenario), 'the submit step that failed').to.have.length(1);

    await toggle(element);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal(
      'You unchecked the box, so your request has not been sent. To send it, check the box and press Try again.',
    );
    await expect(element).to.be.accessible();
    element.remove();
    await mlasPage(scenario);
    await settle(1200);
    expect(await submitLeads(scenario), 'no second submitLead').to.have.length(1);
  });

  it('ticked again, I agree sends the second step anew', async () => {
    const scenario = newScenario();
    const element = await failedSubmitStep(scenario);
    await toggle(element);
    await toggle(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    expect(await submitLeads(scenario)).to.have.length(2);
  });
});

/** Waits until the scenario's webhook has received `count` requests. */
async function waitForSends(scenario: string, count: number): Promise<void> {
  const started = performance.now();
  while ((await sends(scenario)).length < count) {
    if (performance.now() - started > 5000) throw new Error(`timed out waiting for send ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
