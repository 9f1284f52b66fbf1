import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { fill, GOOD_VALUES, submitButton, until } from '../helpers/form.js';
import { delivered, newScenario, received, script, unscript } from '../helpers/standins.js';

const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

/** The widget as a page load makes it: a new element, the same configuration, the same device's outbox. */
async function pageLoad(scenario: string): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="first_name last_name email mobile zip_code"
    min-fill-ms="0"
    .retryPolicy=${ONCE}
  ></lead-capture>`);
}

/** The leads the destination stored, once per storing, as they were sent. */
async function stored(scenario: string): Promise<Record<string, unknown>[]> {
  const requests = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
  return (await delivered(scenario)).map((key) => {
    const sent = requests.filter((request) => request.headers['idempotency-key'] === key).at(-1);
    return (sent?.body as { lead: Record<string, unknown> } | undefined)?.lead ?? {};
  });
}

describe('a failure, then an edit: one lead per person’s final submission', () => {
  it('sends only the corrected lead, even after a reload', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await pageLoad(scenario);
    await fill(element, { ...GOOD_VALUES, first_name: 'Jnae' });
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await fill(element, { first_name: 'Jane' });
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    // The page is loaded again: nothing is left in the outbox to send.
    await pageLoad(scenario);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const leads = await stored(scenario);
    expect(leads.map((lead) => lead['first_name'])).to.deep.equal(['Jane']);
  });
});

/** The same page, asking for consent that the person may leave unticked. */
async function optionalConsentPage(scenario: string): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="first_name last_name email mobile zip_code"
    min-fill-ms="0"
    consent="I agree that {sellers} may call and text me."
    sellers="ACME Insurance"
    consent-optional
    .retryPolicy=${ONCE}
  ></lead-capture>`);
}

/** The consent records of the leads the destination stored, as they were sent. */
async function storedConsent(scenario: string): Promise<({ checkedAt: string | null; sellers: string[] } | undefined)[]> {
  const requests = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
  return (await delivered(scenario)).map((key) => {
    const sent = requests.filter((request) => request.headers['idempotency-key'] === key).at(-1);
    return (sent?.body as { consent?: { checkedAt: string | null; sellers: string[] } } | undefined)?.consent;
  });
}

describe('a failure, then a change of consent: the record sent is the one shown', () => {
  for (const [before, after] of [
    ['ticked', 'unticked'],
    ['unticked', 'ticked'],
  ] as const) {
    it(`sends the box as ${after} when the person ${after === 'ticked' ? 'ticks' : 'unticks'} it before Try again, and only that lead`, async () => {
      const scenario = newScenario();
      await script(scenario, { mode: 'failing' });
      const element = await optionalConsentPage(scenario);
      await fill(element, GOOD_VALUES);
      const box = () => element.querySelector<HTMLInputElement>('input[name="consent"]')!;
      if (before === 'ticked') box().click();
      const failed = oneEvent(element, 'lead-error');
      submitButton(element).click();
      await failed;
      await element.updateComplete;
      expect(submitButton(element).textContent?.trim()).to.equal('Try again');
      box().click();
      await element.updateComplete;
      expect(box().checked).to.equal(after === 'ticked');
      const submitted = oneEvent(element, 'lead-submitted');
      submitButton(element).click();
      const { detail } = await submitted;
      const agreed = after === 'ticked';
      expect(detail.consent?.checkedAt !== null, 'the record the page is told of').to.equal(agreed);
      // The page is loaded again: the first record is not left in the outbox to be sent after all.
      await optionalConsentPage(scenario);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const records = await storedConsent(scenario);
      expect(records.map((record) => record?.checkedAt !== null), 'one lead, with the box as shown').to.deep.equal([agreed]);
    });
  }
});

describe('the return visit on a shared device', () => {
  it('leaves the next person an empty form with a neutral notice while an earlier lead waits, and sends it in the background', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' }, { mode: 'failing' });
    const first = await pageLoad(scenario);
    await fill(first, GOOD_VALUES);
    const failed = oneEvent(first, 'lead-error');
    submitButton(first).click();
    await failed;
    first.remove();
    const next = await pageLoad(scenario);
    await until(() => next.querySelector('.lc-notice') !== null, 'the notice');
    expect(next.querySelector('.lc-notice')?.textContent).to.equal('We are still sending an earlier request from this device.');
    expect([...next.querySelectorAll<HTMLInputElement>('input.lc-input')].map((input) => input.value).join('')).to.equal('');
    expect(next.querySelector('.lc-notice')?.closest('[role="status"], [role="alert"], [aria-live]'), 'not announced to a newcomer').to.equal(null);
    await expect(next).to.be.accessible();
    // Back online, the earlier lead goes (marked resumed for the page), and the notice with it.
    await unscript(scenario);
    const resumed = oneEvent(next, 'lead-submitted');
    window.dispatchEvent(new Event('online'));
    expect((await resumed).detail.resumed).to.equal(true);
    await until(() => next.querySelector('.lc-notice') === null, 'the notice to go');
    expect(next.querySelector('.lc-success'), 'no thank-you for someone else’s lead').to.equal(null);
    expect((await stored(scenario)).map((lead) => lead['first_name'])).to.deep.equal(['Jane']);
  });
});
