import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { fill, GOOD_VALUES, submitButton, until } from '../helpers/form.js';
import { delivered, newScenario, received, script, unscript } from '../helpers/standins.js';
import type { ScriptedAnswer } from '../standins/index.js';

/** Quick retries, so faults are survived in test time: up to 5 sends within 5 s. */
const QUICK: RetryPolicy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 400, budgetMs: 5000 };

/** The figures for the note: what was injected, sent, stored, and stored twice. */
const tally = { faults: 0, sends: 0, leads: 0, delivered: 0, duplicates: 0 };

/** Every lead accepted exactly once, every send of it with the same key. */
async function expectDeliveredOnce(scenario: string, faults: number): Promise<void> {
  const requests = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
  const keys = new Set(requests.map((request) => request.headers['idempotency-key']));
  const stored = await delivered(scenario);
  tally.faults += faults;
  tally.sends += requests.length;
  tally.leads += 1;
  tally.delivered += new Set(stored).size;
  tally.duplicates += stored.length - new Set(stored).size;
  expect(keys.size, 'one idempotency key for every send').to.equal(1);
  expect(stored, 'stored exactly once').to.deep.equal([...keys]);
}

async function form(scenario: string, via: 'relay' | 'webhook', policy = QUICK): Promise<LeadCapture> {
  const endpoint = via === 'relay' ? `/relay/${scenario}/v1` : `/standins/webhook/${scenario}`;
  const element = await fixture<LeadCapture>(html`<lead-capture
    adapter=${via}
    endpoint=${endpoint}
    destination="webhook"
    fields="first_name last_name email mobile zip_code"
    request-timeout="800"
    min-fill-ms="0"
    .retryPolicy=${policy}
  ></lead-capture>`);
  await fill(element, GOOD_VALUES);
  return element;
}

async function submitAndSettle(element: LeadCapture) {
  const settled = Promise.race([
    oneEvent(element, 'lead-submitted').then((event) => ({ ok: true as const, detail: event.detail })),
    oneEvent(element, 'lead-error').then((event) => ({ ok: false as const, detail: event.detail })),
  ]);
  submitButton(element).click();
  return settled;
}

after(() => console.log(`delivery figures: ${JSON.stringify(tally)}`));

describe('never losing a lead: faults on the way to the destination', () => {
  for (const via of ['webhook', 'relay'] as const) {
    describe(`${via === 'relay' ? 'through the relay' : 'straight to a webhook'}`, () => {
      it('500 then 200: retried with the same key, delivered once, and the person sees success', async () => {
        const scenario = newScenario();
        await script(scenario, { mode: 'failing' });
        const element = await form(scenario, via);
        const result = await submitAndSettle(element);
        expect(result.ok).to.equal(true);
        await element.updateComplete;
        expect(element.querySelector('.lc-success')?.textContent).to.contain('Thank you');
        await expectDeliveredOnce(scenario, 1);
      });

      it('a connection dropped mid-request: retried, delivered once', async () => {
        const scenario = newScenario();
        await script(scenario, { mode: 'drop' }, { mode: 'drop' });
        const element = await form(scenario, via);
        expect((await submitAndSettle(element)).ok).to.equal(true);
        await expectDeliveredOnce(scenario, 2);
      });

      it('a destination slower than the timeout: abandoned, retried, still stored once', async () => {
        const scenario = newScenario();
        await script(scenario, { delayMs: 1500 });
        const element = await form(scenario, via);
        expect((await submitAndSettle(element)).ok).to.equal(true);
        // The slow first send may still land; the key keeps it to one stored lead.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await expectDeliveredOnce(scenario, 1);
      });
    });
  }

  it('429 with Retry-After: waits as long as asked, then delivers once', async () => {
    const scenario = newScenario();
    await script(scenario, { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } });
    const element = await form(scenario, 'webhook');
    const started = performance.now();
    expect((await submitAndSettle(element)).ok).to.equal(true);
    expect(performance.now() - started).to.be.at.least(1000);
    await expectDeliveredOnce(scenario, 1);
  });

  it('a fault that outlasts the retries: the person is told the lead is kept, and it goes when the browser is back online', async () => {
    const scenario = newScenario();
    // More drops than sends: the browser itself may resend a POST whose reused connection was reset.
    const faults: ScriptedAnswer[] = Array.from({ length: 10 }, () => ({ mode: 'drop' }));
    await script(scenario, ...faults);
    const element = await form(scenario, 'webhook', { ...QUICK, maxAttempts: 3 });
    const result = await submitAndSettle(element);
    expect(result.ok).to.equal(false);
    expect(result.detail).to.deep.include({ retryable: true });
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.contain('saved on this device');
    expect(submitButton(element).textContent?.trim()).to.equal('Try again');
    await unscript(scenario);
    const submitted = oneEvent(element, 'lead-submitted');
    window.dispatchEvent(new Event('online'));
    await submitted;
    await element.updateComplete;
    expect(element.querySelector('.lc-success')).to.not.equal(null);
    // The failure is over: nothing beside the thank-you still says it is.
    expect(element.querySelector('[role="alert"]')?.textContent ?? '', 'no failure under the thank-you').to.equal('');
    await expectDeliveredOnce(scenario, (await received(scenario)).length - 1);
  });

  it('a second press of Submit (Try again) after a failure sends the same lead, not a second one', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'drop' });
    const element = await form(scenario, 'relay', { ...QUICK, maxAttempts: 1 });
    expect((await submitAndSettle(element)).ok).to.equal(false);
    await element.updateComplete;
    expect((await submitAndSettle(element)).ok).to.equal(true);
    await expectDeliveredOnce(scenario, 1);
  });
});

describe('through a relay on its lead ledger', () => {
  it('a destination that cannot take the lead yet: the relay queues it, the person is thanked at once and nothing is resent from the browser', async () => {
    const scenario = `ledger-${newScenario()}`;
    await script(scenario, { status: 503, body: { message: 'down for maintenance' }, headers: { 'retry-after': '30' } });
    // Opening the ledger takes a few seconds the first time: done before the person arrives, as a relay is.
    expect((await fetch(`/relay/${scenario}/healthz`)).status).to.equal(200);
    const element = await form(scenario, 'relay');
    const started = performance.now();
    const result = await submitAndSettle(element);
    expect(result.ok, JSON.stringify(result.detail)).to.equal(true);
    expect((result.detail as { outcome: { status: string } }).outcome.status).to.equal('queued');
    // Final: no wait for Retry-After, no backoff.
    expect(performance.now() - started).to.be.below(5000);
    await element.updateComplete;
    expect(element.querySelector('.lc-success')?.textContent).to.contain('will pass them on shortly');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sent = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
    expect(sent.length, 'one try, by the relay').to.equal(1);
  });
});

describe('never losing a lead: reloads and tabs', () => {
  /** A landing page in a frame: reloading it is a real page reload, and two frames are two tabs. */
  async function page(scenario: string, retry: RetryPolicy = QUICK, extra: Record<string, string> = {}): Promise<HTMLIFrameElement> {
    const frame = document.createElement('iframe');
    const params = new URLSearchParams({
      ...extra,
      adapter: 'relay',
      endpoint: `/relay/${scenario}/v1`,
      destination: 'webhook',
      fields: 'first_name last_name email mobile zip_code',
      'request-timeout': '3000',
      retry: JSON.stringify(retry),
    });
    frame.src = `/test/fixtures/widget-page.html?${params}`;
    frame.style.width = '600px';
    frame.style.height = '700px';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await until(() => Boolean(widgetIn(frame)?.querySelector('form')), 'the widget in the frame');
    return frame;
  }

  function widgetIn(frame: HTMLIFrameElement): LeadCapture | null {
    return frame.contentDocument?.querySelector('lead-capture') ?? null;
  }

  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  /** Waits until the scenario's webhook has stored this many leads. */
  async function untilDelivered(scenario: string, count: number, timeoutMs = 8000): Promise<void> {
    const start = performance.now();
    while ((await delivered(scenario)).length < count) {
      if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} delivered`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What the next person to open the page sees: an empty form, no one's thank-you. */
  function expectEmptyForm(element: LeadCapture | null): void {
    const values = [...(element?.querySelectorAll<HTMLInputElement>('input.lc-input') ?? [])].map((input) => input.value);
    expect(values.join(''), 'no earlier visitor’s details in the form').to.equal('');
    expect(element?.querySelector('.lc-success'), 'no thank-you for someone else’s lead').to.equal(null);
  }

  it('a page reload while the lead is in flight: sent again after the reload with the same key, stored once, in the background', async () => {
    const scenario = newScenario();
    await script(scenario, { delayMs: 1500 });
    const frame = await page(scenario);
    const element = widgetIn(frame)!;
    await fill(element, GOOD_VALUES);
    submitButton(element).click();
    await until(() => submitButton(element).getAttribute('aria-disabled') === 'true', 'sending');
    await new Promise((resolve) => setTimeout(resolve, 300));
    frame.contentWindow?.location.reload();
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await until(() => Boolean(widgetIn(frame)?.querySelector('form')), 'the reloaded widget');
    await untilDelivered(scenario, 1);
    expectEmptyForm(widgetIn(frame));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expectDeliveredOnce(scenario, 1);
    await until(() => widgetIn(frame)?.querySelector('.lc-notice') === null, 'the notice to go once the earlier lead went');
  });

  it('a page reload while waiting for the TrustedForm certificate: the lead is kept and sent, once', async () => {
    const scenario = newScenario();
    // A certificate that takes 4 s, and a widget willing to wait 3 s: the reload comes in between.
    const slowCertificate = { trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js?delay=4000', 'trustedform-timeout': '3000' };
    const frame = await page(scenario, QUICK, slowCertificate);
    const element = widgetIn(frame)!;
    await fill(element, GOOD_VALUES);
    submitButton(element).click();
    await until(() => submitButton(element).getAttribute('aria-disabled') === 'true', 'waiting for the certificate');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await received(scenario), 'nothing sent yet').to.have.length(0);
    frame.contentWindow?.location.reload();
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await untilDelivered(scenario, 1);
    await expectDeliveredOnce(scenario, 1);
  });

  it('two tabs opening with the same unsent lead: one sends it, stored once', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'drop' });
    const first = await page(scenario, { ...QUICK, maxAttempts: 1 });
    const element = widgetIn(first)!;
    await fill(element, GOOD_VALUES);
    submitButton(element).click();
    await until(() => element.querySelector('.lc-retry') !== null, 'the first tab to give up');
    await Promise.all([page(scenario), page(scenario)]);
    await untilDelivered(scenario, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expectDeliveredOnce(scenario, 1);
    const sends = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/'));
    expect(sends, 'the dropped send and one resumed send').to.have.length(2);
  });

  it('the return visit on a shared device: the next person finds an empty form and a neutral notice, never the earlier lead', async () => {
    const scenario = newScenario();
    // The first visitor's send fails for good this visit; the second visitor arrives while it still fails.
    await script(scenario, ...Array.from({ length: 6 }, () => ({ mode: 'failing' as const })));
    const frame = await page(scenario, { ...QUICK, maxAttempts: 1 }, { consent: 'I agree that {sellers} may call me.', sellers: 'ACME' });
    const first = widgetIn(frame)!;
    await fill(first, GOOD_VALUES);
    first.querySelector<HTMLInputElement>('input[name="consent"]')?.click();
    submitButton(first).click();
    await until(() => first.querySelector('.lc-retry') !== null, 'the first visitor’s send to fail');
    frame.contentWindow?.location.reload();
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    await until(() => Boolean(widgetIn(frame)?.querySelector('.lc-notice')), 'the neutral notice');
    const next = widgetIn(frame)!;
    expectEmptyForm(next);
    expect(next.querySelector('.lc-notice')?.textContent).to.equal('We are still sending an earlier request from this device.');
    expect(next.querySelector<HTMLInputElement>('input[name="consent"]')?.checked, 'the box is this visitor’s to check').to.equal(false);
    expect(next.querySelector('.lc-status')?.textContent ?? '', 'no one else’s "still trying" in the status').to.equal('');
    expect(submitButton(next).textContent?.trim(), 'no Try again for someone else’s lead').to.equal('Submit');
    // The earlier lead still goes, with its own consent record, once the destination recovers.
    await unscript(scenario);
    frame.contentWindow?.dispatchEvent(new Event('online'));
    await untilDelivered(scenario, 1);
    await until(() => next.querySelector('.lc-notice') === null, 'the notice to go');
    const [stored] = (await received(scenario)).filter((request) => request.path.startsWith('/standins/webhook/')).slice(-1);
    expect((stored?.body as { consent?: { sellers?: string[] } }).consent?.sellers).to.deep.equal(['ACME']);
  });
});

describe('configuration a page got wrong', () => {
  it('a destination that needs a field the form does not ask: a final message, not "check the fields below"', async () => {
    const scenario = newScenario();
    // Pingtree, through the relay, requires a mobile; this form does not ask for one.
    const element = await fixture<LeadCapture>(html`<lead-capture
      endpoint=${`/relay/${scenario}/v1`}
      destination="pingtree"
      fields="first_name last_name email"
      min-fill-ms="0"
    ></lead-capture>`);
    await fill(element, { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      const result = await submitAndSettle(element);
      expect(result.ok).to.equal(false);
      expect(result.detail).to.deep.include({ message: "We couldn't accept your details. Please check them or contact us another way." });
      expect(warnings).to.deep.equal(['<lead-capture>: the destination requires fields this form does not ask for: mobile']);
    } finally {
      console.warn = original;
    }
  });
});
