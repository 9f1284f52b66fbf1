import { expect, oneEvent } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import '../../src/define.js';
import { chunks } from '../../src/element/chunks.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { freshPage, hold, restoreChunks, restoreLater, settleAndRemoveForms, type ChunkName } from '../helpers/chunks.js';
import { control, errorText, GOOD_VALUES, nextFrame, submitButton, until, waitForAbsence } from '../helpers/form.js';
import { delivered, newScenario, script } from '../helpers/standins.js';
import { IndexedDbOutbox } from '../../src/flow/outbox.js';

/**
 * A chunk that cannot be loaded (a dropped connection, a CDN's hiccup, a file refused by its SRI pin)
 * is tried again with backoff; when the tries run out the person is told in the widget, in the
 * form's language, and the page by a `lead-error` at stage `load`; nothing is ever sent with less
 * than the form the page configured (src/element/chunk-retry.ts, unavailable-notice.ts).
 */

/**
 * Types values into the fields without leaving them or waiting for the element: `fill` awaits
 * `updateComplete`, which waits for the very chunks these tests hold back or fail.
 */
function typeWithoutLeaving(element: LeadCapture, values: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = control(element, name) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}
const NETWORK = () => new TypeError('Failed to fetch dynamically imported module');

/** Makes a chunk fail its next `failures` loads (every load: Infinity); `recover()` lets it load again. */
function failing(name: ChunkName, failures: number): { readonly asked: number; recover: () => void } {
  const original = chunks[name];
  let left = failures;
  let asked = 0;
  (chunks as Record<ChunkName, () => Promise<unknown>>)[name] = () => {
    asked++;
    return left-- > 0 ? Promise.reject(NETWORK()) : original();
  };
  restoreLater(() => ((chunks as Record<ChunkName, unknown>)[name] = original));
  return {
    get asked() {
      return asked;
    },
    recover: () => (left = 0),
  };
}

function quietConsole(): void {
  const original = console.error;
  console.error = () => undefined;
  restoreLater(() => (console.error = original));
}

const accepted: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };
const QUESTION = '[{"name": "debt_amount", "label": "Total debt", "type": "number"}]';

function mount(attributes: Record<string, string>, properties: Partial<LeadCapture> = {}): LeadCapture {
  const element = document.createElement('lead-capture');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  return element;
}

function notice(element: LeadCapture): string {
  return element.querySelector(':scope > .lc-unavailable[role="alert"]')?.textContent ?? '';
}

beforeEach(freshPage);

afterEach(async () => {
  restoreChunks();
  await settleAndRemoveForms();
});

describe('<lead-capture> whose page gives its own words for a chunk that cannot be loaded (messages.ui)', () => {
  it('says the page’s formUnavailable above the form, even when the Spanish words are what failed', async () => {
    quietConsole();
    failing('es', Infinity);
    const own = 'El formulario de ACME no está disponible ahora mismo.';
    const element = mount({ locale: 'es', fields: 'email', persist: 'none', messages: JSON.stringify({ ui: { formUnavailable: own } }) });
    const { detail } = await oneEvent(element, 'lead-error');
    expect(detail).to.deep.include({ stage: 'load', message: own });
    expect(notice(element)).to.equal(own);
  });

  it('says the page’s sendUnavailable in the alert region when what Submit needs cannot be loaded', async () => {
    quietConsole();
    failing('delivery', Infinity);
    const own = 'ACME could not get ready to send your details.';
    const element = mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none', messages: JSON.stringify({ ui: { sendUnavailable: own } }) }, { adapter: accepted });
    await until(() => element.querySelector('form') !== null, 'the form');
    const told = oneEvent(element, 'lead-error');
    submitButton(element).click();
    expect((await told).detail).to.deep.include({ stage: 'load', message: own });
    await element.updateComplete;
    expect(element.querySelector('.lc-alert[role="alert"]')?.textContent?.trim()).to.equal(own);
  });
});

describe('a prerendered form whose takeover could not be loaded (a CDN’s hiccup, no `online` to come)', () => {
  it('tries again when the person types in the markup, and the takeover keeps what they typed and where', async () => {
    quietConsole();
    const takeover = failing('prerendered', Infinity);
    const holder = document.createElement('div');
    holder.innerHTML = `<lead-capture fields="first_name" persist="none" prerendered="lc-p-stuck">
      <div id="lc-p-stuck" data-lc-prerendered><input id="lc-p-stuck-first_name" name="first_name" type="text" form="lc-p-none"><button type="button" aria-disabled="true">Submit</button></div>
    </lead-capture>`;
    const element = holder.querySelector('lead-capture')!;
    const told = oneEvent(element, 'lead-error');
    document.body.append(holder);
    expect((await told).detail.stage).to.equal('load');
    const asked = takeover.asked;

    takeover.recover();
    const name = element.querySelector<HTMLInputElement>('#lc-p-stuck-first_name')!;
    name.focus();
    name.value = 'Jane Doe';
    name.setSelectionRange(4, 4);
    name.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'e' }));
    await until(() => element.querySelector('[data-lc-prerendered]') === null, 'the markup taken over');
    expect(takeover.asked).to.be.greaterThan(asked);
    expect(notice(element), 'the notice gone').to.equal('');
    const taken = control(element, 'first_name') as HTMLInputElement;
    expect(taken.value).to.equal('Jane Doe');
    expect(document.activeElement).to.equal(taken);
    expect(taken.selectionStart).to.equal(4);
    holder.remove();
  });
});

describe('a prerendered Spanish form, on a visit after one that left a lead in the outbox', () => {
  it('sends that lead once its words have come and the widget has taken the form over', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const endpoint = `/standins/webhook/${scenario}`;
    const first = mount({ adapter: 'webhook', endpoint, fields: 'first_name last_name email mobile zip_code', 'min-fill-ms': '0' }, { retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 } });
    await first.updateComplete;
    typeWithoutLeaving(first, GOOD_VALUES);
    const failed = oneEvent(first, 'lead-error');
    submitButton(first).click();
    await failed;
    first.remove();

    const words = hold('es');
    const holder = document.createElement('div');
    holder.innerHTML = `<lead-capture adapter="webhook" endpoint="${endpoint}" fields="email" locale="es" min-fill-ms="0" prerendered="lc-p-resume">
      <div id="lc-p-resume" data-lc-prerendered><input id="lc-p-resume-email" name="email" type="email" form="lc-p-none"></div>
    </lead-capture>`;
    const next = holder.querySelector('lead-capture')!;
    const resumed = oneEvent(next, 'lead-submitted');
    document.body.append(holder);
    await until(() => words.asked > 0, 'the Spanish words to be asked for');
    await waitForAbsence(300);
    expect(await delivered(scenario), 'not sent while its words are on their way').to.have.length(0);
    words.release();
    expect((await resumed).detail.resumed).to.equal(true);
    expect(await delivered(scenario)).to.have.length(1);
    holder.remove();
  });
});

describe('<lead-capture> whose own chunk fails to load', () => {
  it('tries again, and shows the form once a try succeeds (the date of birth’s boxes)', async () => {
    quietConsole();
    const date = failing('dateOfBirth', 1);
    const element = mount({ fields: 'email date_of_birth', persist: 'none' });
    await until(() => element.querySelector('form fieldset.lc-date') !== null, 'the form with the date’s boxes');
    expect(date.asked).to.equal(2);
    expect(notice(element), 'nothing to tell once it came').to.equal('');
  });

  it('says so in the form’s language when the tries run out, tells the page, and shows the form once back online (the questions)', async () => {
    quietConsole();
    const questions = failing('questions', Infinity);
    const element = mount({ locale: 'es', fields: 'email debt_amount', questions: QUESTION, persist: 'none' });
    const { detail } = await oneEvent(element, 'lead-error');
    expect(detail).to.deep.include({ stage: 'load', retryable: true });
    expect(notice(element)).to.equal(detail.message);
    expect(notice(element)).to.include('no se ha podido cargar');
    expect(element.querySelector('form'), 'no form without its question').to.equal(null);
    await expect(element).to.be.accessible();

    questions.recover();
    window.dispatchEvent(new Event('online'));
    await until(() => element.querySelector('form [name="debt_amount"]') !== null, 'the form with its question');
    expect(notice(element), 'the notice gone').to.equal('');
    expect(submitButton(element).textContent?.trim()).to.equal('Enviar');
  });
});

describe('<lead-capture> given a consent disclosure later by the page, whose chunk cannot be loaded', () => {
  it('keeps the form as it was, says so, and refuses Submit rather than send the lead without the consent asked', async () => {
    quietConsole();
    let sent = 0;
    const element = mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: { ...accepted, create: async (...args) => (sent++, accepted.create(...args)) } });
    await element.updateComplete;
    failing('consent', Infinity);
    element.consent = 'I agree that {sellers} may call me.';
    element.sellers = 'ACME';
    typeWithoutLeaving(element, { first_name: 'Jane', email: 'jane@example.com' });
    let submits = 0;
    element.addEventListener('lead-submit', () => submits++);
    const told = oneEvent(element, 'lead-error');
    expect(await element.submit().then(() => 'sent', () => 'refused')).to.equal('refused');
    expect((await told).detail.stage).to.equal('load');
    expect(notice(element)).to.include("couldn't load");
    expect([submits, sent], 'nothing offered or sent').to.deep.equal([0, 0]);
    expect((control(element, 'first_name') as HTMLInputElement).value, 'the form as it was').to.equal('Jane');
  });
});

describe('<lead-capture> whose rules, delivery, consent check or consent recorders could not be loaded', () => {
  it('loads them again when the browser comes back online, without a Submit: a field left meanwhile is checked then', async () => {
    quietConsole();
    const rules = failing('validation', Infinity);
    const delivery = failing('delivery', Infinity);
    const check = failing('consentVisibility', Infinity);
    const element = mount({ fields: 'first_name email', consent: 'I agree that {sellers} may call me.', sellers: 'ACME', persist: 'none' });
    await until(() => rules.asked > 0 && delivery.asked > 0 && check.asked > 0, 'the rules, delivery and consent check to be asked for');
    const email = control(element, 'email') as HTMLInputElement;
    email.focus();
    // An address only the rules refuse (the browser's own check takes it): nothing to judge it with yet.
    email.value = 'jane@example';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'jane@example' }));
    email.blur();
    await nextFrame();
    expect(errorText(element, 'email'), 'no rules to check it with yet').to.equal('');
    const asked = [rules.asked, delivery.asked, check.asked];

    for (const chunk of [rules, delivery, check]) chunk.recover();
    window.dispatchEvent(new Event('online'));
    await until(() => errorText(element, 'email') !== '', 'the field left to be checked');
    await until(() => delivery.asked > asked[1]! && check.asked > asked[2]!, 'delivery and the consent check to be asked for again');
    expect(rules.asked).to.be.greaterThan(asked[0]!);
  });

  it('loads the consent recorders again when the browser comes back online (a TrustedForm form)', async () => {
    quietConsole();
    const recorders = failing('recorders', Infinity);
    mount({ fields: 'first_name email', trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js', persist: 'none' });
    await until(() => recorders.asked >= 3, 'the recorders to be asked for, and tried again', 8000);
    await nextFrame();
    const asked = recorders.asked;

    window.dispatchEvent(new Event('online'));
    await until(() => recorders.asked >= asked + 3, 'the recorders to be asked for again, and tried again', 8000);
  });
});

describe('<lead-capture> whose chunks for Submit cannot be loaded', () => {
  it('a consent check that cannot be loaded: the person is told in the alert region, in their language, the page gets a lead-error, nothing is sent', async () => {
    quietConsole();
    failing('consentVisibility', Infinity);
    const element = mount({ locale: 'es', fields: 'first_name email', consent: 'Acepto que {sellers} me llame.', sellers: 'ACME', 'min-fill-ms': '0', persist: 'none' }, { adapter: accepted });
    await until(() => element.querySelector('form') !== null, 'the form');
    await element.updateComplete;
    typeWithoutLeaving(element, { first_name: 'Jane', email: 'jane@example.com' });
    element.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    let submits = 0;
    element.addEventListener('lead-submit', () => submits++);
    const told = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await told;
    expect(detail).to.deep.include({ stage: 'load', retryable: true });
    await element.updateComplete;
    expect(element.querySelector('.lc-alert[role="alert"]')?.textContent?.trim()).to.equal(detail.message);
    expect(detail.message).to.include('pulse Enviar de nuevo');
    expect(submits).to.equal(0);
  });

  it('consent recorders that cannot be loaded (a TrustedForm form): treated as a blocked TrustedForm script, the lead goes with its consent, the certificate reported missing', async () => {
    quietConsole();
    failing('recorders', Infinity);
    const element = mount(
      {
        fields: 'first_name email', consent: 'I agree that {sellers} may call me.', sellers: 'ACME',
        trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js', 'min-fill-ms': '0', persist: 'none',
      },
      { adapter: accepted },
    );
    await until(() => element.querySelector('form') !== null, 'the form');
    await element.updateComplete;
    typeWithoutLeaving(element, { first_name: 'Jane', email: GOOD_VALUES.email });
    element.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    const errors: string[] = [];
    element.addEventListener('lead-error', (event) => errors.push(event.detail.stage));
    const offered = oneEvent(element, 'lead-submit');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await offered;
    expect(detail.evidence.trustedform).to.equal('missing');
    expect(detail.envelope.consent?.text, 'the consent text shown goes with the lead').to.include('ACME may call me');
    const sent = await submitted;
    expect(sent.detail.outcome.status).to.equal('accepted');
    expect(sent.detail.evidence.trustedform).to.equal('missing');
    expect(errors, 'nothing refused').to.deep.equal([]);
  });

  it('delivery that cannot be loaded: told in the alert region before delivery ever came; a later Submit that gets it sends, the message gone', async () => {
    quietConsole();
    const delivery = failing('delivery', Infinity);
    const element = mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: accepted });
    await until(() => element.querySelector('form') !== null, 'the form');
    typeWithoutLeaving(element, { first_name: 'Jane', email: GOOD_VALUES.email });
    const told = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await told;
    await element.updateComplete;
    expect(element.querySelector('.lc-alert[role="alert"]')?.textContent?.trim()).to.equal(detail.message);
    expect(detail.message).to.include('press Submit again');

    delivery.recover();
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    expect(element.querySelector('.lc-alert[role="alert"]')?.textContent?.trim() ?? '').to.equal('');
  });
});

describe('<lead-capture> whose consent recorders are slow to load (a TrustedForm form)', () => {
  it('shows the busy state and saves the lead in the outbox at once; waits for the recorders no longer than trustedform-timeout, then sends', async () => {
    const scenario = newScenario();
    const endpoint = `/standins/webhook/${scenario}`;
    const recorders = hold('recorders');
    const element = mount({
      adapter: 'webhook', endpoint, fields: 'first_name email', 'min-fill-ms': '0',
      trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js', 'trustedform-timeout': '1500',
    });
    await until(() => element.querySelector('form') !== null, 'the form');
    await element.updateComplete;
    typeWithoutLeaving(element, { first_name: 'Jane', email: GOOD_VALUES.email });
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await until(() => submitButton(element).textContent?.trim() === 'Sending…', 'the busy state while the recorders are awaited');
    const outbox = new IndexedDbOutbox();
    const saved = async () => (await outbox.pending(`webhook|${endpoint}|`, Date.now())).length;
    const waited = performance.now();
    while ((await saved()) === 0 && performance.now() - waited < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await saved(), 'the lead saved in the outbox while the recorders are awaited').to.equal(1);
    expect(recorders.asked, 'the recorders still on their way').to.be.greaterThan(0);
    const sent = await submitted;
    expect(sent.detail.outcome.status).to.equal('accepted');
    expect(sent.detail.evidence.trustedform).to.equal('missing');
    expect(await delivered(scenario)).to.have.length(1);
    recorders.release();
  });
});
