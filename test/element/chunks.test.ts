import { expect, oneEvent } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import '../../src/define.js';
import { chunks } from '../../src/element/chunks.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { IndexedDbOutbox } from '../../src/flow/outbox.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { count, freshPage, hold, restoreChunks, restoreLater, settleAndRemoveForms } from '../helpers/chunks.js';
import { control, errorText, GOOD_VALUES, submitButton, until, waitForAbsence } from '../helpers/form.js';
import { delivered, newScenario, received, script } from '../helpers/standins.js';

/**
 * The module build loads the rules (validation chunk) and delivery (delivery chunk) just after the
 * form first renders, the Spanish words only for a Spanish form and the email-typo table only once an
 * email is typed (src/element/chunks.ts). On a slow network a person can be in the form before a chunk
 * arrives: these tests hold a chunk back, as a slow network would, and check that nothing is lost.
 */

/** The widget as a page's markup makes it (not through `fixture`, whose `updateComplete` would wait for the held chunk). */
async function mount(attributes: Record<string, string>, properties: Partial<LeadCapture> = {}): Promise<LeadCapture> {
  const element = document.createElement('lead-capture');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  await until(() => element.querySelector('form') !== null, 'the form to render');
  return element;
}

/** Types as a person does, a character at a time, without waiting for anything between keystrokes. */
function type(element: LeadCapture, name: string, text: string): void {
  const input = control(element, name) as HTMLInputElement;
  input.focus();
  for (const character of text) {
    input.value += character;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: character }));
  }
}

function leave(element: LeadCapture): void {
  (element.ownerDocument.activeElement as HTMLElement | null)?.blur();
}

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };
const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

beforeEach(freshPage);

afterEach(async () => {
  restoreChunks();
  await settleAndRemoveForms();
});

describe('<lead-capture> before its validation chunk arrives', () => {
  it('keeps everything typed, formats the phone as typed, and shows the error of a field left early once the rules arrive', async () => {
    const validation = hold('validation');
    const element = await mount({ fields: 'first_name email mobile', required: 'email', 'min-fill-ms': '0', persist: 'none' });
    await expect(element).to.be.accessible();
    type(element, 'first_name', 'Jane');
    // An address the browser's own check accepts and the rules refuse (no top-level domain): theirs to judge.
    type(element, 'email', 'jane@example');
    leave(element);
    type(element, 'mobile', '2125550123');
    await until(() => (control(element, 'mobile') as HTMLInputElement).value === '(212) 555-0123', 'the phone number formatted as typed');
    expect(errorText(element, 'email'), 'nothing to judge with yet').to.equal('');

    validation.release();
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the email left early to be judged');
    expect(errorText(element, 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
    expect(element.values).to.deep.equal({ first_name: 'Jane', email: 'jane@example', mobile: '(212) 555-0123' });
    expect((control(element, 'first_name') as HTMLInputElement).value).to.equal('Jane');
  });

  it('says at once that an address the browser refuses is wrong, clears it once fixed, and leaves the rest to the rules', async () => {
    const validation = hold('validation');
    const element = await mount({ fields: 'first_name email', required: 'email', 'min-fill-ms': '0', persist: 'none' });
    type(element, 'email', 'not-an-email');
    leave(element);
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the bad address refused on leaving, the rules still held back');
    expect(errorText(element, 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
    await expect(element).to.be.accessible();

    type(element, 'email', 'jane@example');
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'false', 'the error cleared as the address is fixed');
    expect(errorText(element, 'email')).to.equal('');

    validation.release();
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the rules’ own verdict once they arrive');
  });

  it('says nothing early of white space the browser keeps (a full-width space), which the rules read as an empty field', async () => {
    const validation = hold('validation');
    const element = await mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' });
    type(element, 'email', 'jane@');
    leave(element);
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the bad address refused on leaving');
    (control(element, 'email') as HTMLInputElement).value = '';
    type(element, 'email', '\u3000');
    leave(element);
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'false', 'the early error cleared');
    validation.release();
    await element.updateComplete;
    expect(errorText(element, 'email'), 'nothing said once the rules are here either').to.equal('');
  });

  it('a Submit pressed before the rules arrive waits for them, then judges the form', async () => {
    const validation = hold('validation');
    const element = await mount({ fields: 'email', required: 'email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    validation.release();
    expect((await refused).detail.errors).to.deep.equal({ email: 'required' });
  });
});

describe('<lead-capture> loads the rules first, then delivery', () => {
  it('asks for delivery only once the rules have arrived and the form has been painted with them', async () => {
    const validation = hold('validation');
    const delivery = count('delivery');
    const element = await mount({ fields: 'email', required: 'email', 'min-fill-ms': '0', persist: 'none' });
    type(element, 'email', 'not-an-email');
    leave(element);
    await until(() => validation.asked === 1, 'the rules to be asked for');
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(delivery.asked, 'delivery waits for the rules').to.equal(0);

    validation.release();
    let judgedWhenDeliveryAsked: string | null | undefined;
    const asked = until(() => delivery.asked === 1, 'delivery to be asked for').then(() => (judgedWhenDeliveryAsked ??= control(element, 'email').getAttribute('aria-invalid')));
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the email left early to be judged');
    await asked;
    expect(judgedWhenDeliveryAsked, 'the error was already shown').to.equal('true');
    await element.updateComplete;
    expect(delivery.asked).to.equal(1);
  });

  it('waits for a quiet page before asking for delivery, not in the frames in which a person types and leaves a field; at once on Submit', async () => {
    const delivery = count('delivery');
    // Frames due one after another, as while a person types, a field is left and its error shows.
    let busy = true;
    const frames = (): void => void (busy && requestAnimationFrame(frames));
    frames();
    restoreLater(() => (busy = false));
    const element = await mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    type(element, 'email', 'not-an-email');
    leave(element);
    await until(() => control(element, 'email').getAttribute('aria-invalid') === 'true', 'the email judged');
    for (let frame = 0; frame < 5; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(delivery.asked, 'no delivery while frames keep coming').to.equal(0);

    (control(element, 'email') as HTMLInputElement).value = '';
    type(element, 'email', GOOD_VALUES.email);
    type(element, 'first_name', GOOD_VALUES.first_name);
    leave(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status, 'sent while the page is still busy').to.equal('accepted');
    expect(delivery.asked).to.equal(1);
  });

  it('asks for delivery once the page is quiet, without a Submit', async () => {
    const delivery = count('delivery');
    await mount({ fields: 'email', 'min-fill-ms': '0', persist: 'none' });
    await until(() => delivery.asked === 1, 'delivery to be asked for once nothing is happening');
  });

  it('still loads delivery when the rules cannot be loaded, and tries the rules again on Submit', async () => {
    const original = chunks.validation;
    let failures = 1;
    chunks.validation = () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original());
    restoreLater(() => (chunks.validation = original));
    const delivery = count('delivery');
    const element = await mount({ fields: 'email', required: 'email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    await until(() => delivery.asked === 1, 'delivery to be asked for despite the rules');
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors).to.deep.equal({ email: 'required' });
  });
});

describe('<lead-capture> before its delivery chunk arrives', () => {
  it('a Submit pressed before delivery arrives waits for it, then sends the lead', async () => {
    const delivery = hold('delivery');
    const element = await mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    type(element, 'first_name', GOOD_VALUES.first_name);
    type(element, 'email', GOOD_VALUES.email);
    leave(element);
    const sent = oneEvent(element, 'lead-submit');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    delivery.release();
    expect((await sent).detail.envelope.lead).to.deep.equal({ first_name: GOOD_VALUES.first_name, email: GOOD_VALUES.email.toLowerCase() });
    expect((await submitted).detail.outcome.status).to.equal('accepted');
  });

  it('renders the same hidden fields, status and alert regions before and after delivery arrives', async () => {
    const delivery = hold('delivery');
    const element = await mount({ fields: 'email', tracking: 'off', persist: 'none' });
    const regions = () => [...element.querySelectorAll('[role="status"], [role="alert"], input[name="lc_website"]')].map((node) => node.outerHTML);
    const before = regions();
    delivery.release();
    await element.updateComplete;
    expect(regions()).to.deep.equal(before);
  });

  it('sends a lead an earlier visit left in the outbox once delivery arrives', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const attributes = { adapter: 'webhook', endpoint: `/standins/webhook/${scenario}`, fields: 'first_name last_name email mobile zip_code', 'min-fill-ms': '0' };
    const first = await mount(attributes, { retryPolicy: ONCE });
    await first.updateComplete;
    for (const [name, value] of Object.entries(GOOD_VALUES)) if (first.querySelector(`[name="${name}"]`)) type(first, name, value);
    leave(first);
    const failed = oneEvent(first, 'lead-error');
    submitButton(first).click();
    await failed;
    first.remove();

    const delivery = hold('delivery');
    const next = await mount(attributes, { retryPolicy: ONCE });
    const resumed = oneEvent(next, 'lead-submitted');
    delivery.release();
    expect((await resumed).detail.resumed).to.equal(true);
    expect(await delivered(scenario)).to.have.length(1);
    expect([...next.querySelectorAll<HTMLInputElement>('input.lc-input')].map((input) => input.value).join(''), 'the next person’s form stays empty').to.equal('');
  });
});

describe('<lead-capture> and its consent check (a chunk only a form with a consent disclosure loads)', () => {
  const CONSENT = { consent: 'I agree that {sellers} may call me.', sellers: 'ACME' };

  /** Types the lead, ticks the box and presses Submit, while the consent check may still be on its way. */
  function submitWithConsent(element: LeadCapture): void {
    type(element, 'first_name', GOOD_VALUES.first_name);
    type(element, 'email', GOOD_VALUES.email);
    leave(element);
    element.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    submitButton(element).click();
  }

  it('a form without a consent disclosure never asks for it, and sends its lead', async () => {
    const check = count('consentVisibility');
    const element = await mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    await element.updateComplete;
    type(element, 'email', GOOD_VALUES.email);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    expect(check.asked).to.equal(0);
  });

  it('a consent form asks for it right after it first renders, before any Submit', async () => {
    const check = count('consentVisibility');
    const element = await mount({ fields: 'email', ...CONSENT, persist: 'none' });
    await element.updateComplete;
    await until(() => check.asked > 0, 'the consent check to be asked for');
  });

  it('a Submit with consent given waits for the check held back, then sends the lead with its whole consent record', async () => {
    const check = hold('consentVisibility');
    const element = await mount({ fields: 'first_name email', ...CONSENT, 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    let sent = false;
    element.addEventListener('lead-submit', () => (sent = true));
    const submitting = oneEvent(element, 'lead-submit');
    const before = new Date().toISOString();
    submitWithConsent(element);
    await until(() => check.asked > 0, 'the consent check to be asked for');
    await waitForAbsence(100);
    expect(sent, 'nothing sent before the consent was checked').to.equal(false);

    check.release();
    const { envelope } = (await submitting).detail;
    expect(envelope.lead).to.deep.equal({ first_name: GOOD_VALUES.first_name, email: GOOD_VALUES.email.toLowerCase() });
    expect(envelope.consent).to.deep.include({ text: 'I agree that ACME may call me.', sellers: ['ACME'], pageUrl: location.origin + location.pathname });
    expect(envelope.consent!.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(envelope.consent!.checkedAt! >= before && envelope.consent!.submittedAt >= envelope.consent!.checkedAt!, 'ticked, then submitted').to.equal(true);
  });

  it('held back, it still refuses consent the page’s CSS hid, and nothing is sent', async () => {
    const check = hold('consentVisibility');
    const style = document.createElement('style');
    style.textContent = 'lead-capture .lc-consent-text { display: none !important; }';
    document.head.append(style);
    restoreLater(() => style.remove());
    const original = console.error;
    console.error = () => undefined;
    restoreLater(() => (console.error = original));
    const element = await mount({ fields: 'first_name email', ...CONSENT, 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    let sent = false;
    element.addEventListener('lead-submit', () => (sent = true));
    const refused = oneEvent(element, 'lead-error');
    submitWithConsent(element);
    await until(() => check.asked > 0, 'the consent check to be asked for');
    check.release();
    const { detail } = await refused;
    expect(detail).to.deep.include({ stage: 'consent', retryable: false });
    expect(detail.outcome.code).to.equal('consent_not_visible');
    expect(sent).to.equal(false);
  });
});

describe('<lead-capture> and its consent recorders (a chunk only a form with TrustedForm or Jornaya loads)', () => {
  it('a form without them never asks for it, and sends its lead with both recorders off', async () => {
    const recorders = count('recorders');
    const element = await mount({ fields: 'first_name email', 'min-fill-ms': '0', persist: 'none' }, { adapter: acceptAll });
    await element.updateComplete;
    type(element, 'email', GOOD_VALUES.email);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(detail.outcome.status).to.equal('accepted');
    expect(detail.evidence).to.deep.equal({ trustedform: 'off', jornaya: 'off' });
    expect(recorders.asked).to.equal(0);
  });

  it('a TrustedForm form starts its recorders beside the rules, not after delivery: the TrustedForm script is in the page while delivery is still held back', async () => {
    const delivery = hold('delivery');
    const recorders = count('recorders');
    const element = await mount({ fields: 'first_name email', trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js', persist: 'none' });
    await until(() => document.querySelector('script[data-lead-capture="trustedform"]') !== null, 'the TrustedForm script in the page');
    expect(recorders.asked, 'their chunk asked for once').to.equal(1);
    expect(element.querySelector('form'), 'the form TrustedForm records').not.to.equal(null);
    delivery.release();
  });

  it('a TrustedForm form: a Submit before the recorders arrive waits for them, nothing saved or sent meanwhile, then sends the lead with its certificate', async () => {
    const recorders = hold('recorders');
    const element = await mount(
      { fields: 'first_name email', trustedform: '', 'trustedform-src': '/standins/trustedform/trustedform.js', 'min-fill-ms': '0', persist: 'none' },
      { adapter: acceptAll },
    );
    let offered = false;
    element.addEventListener('lead-submit', () => (offered = true));
    type(element, 'email', GOOD_VALUES.email);
    leave(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await until(() => recorders.asked > 0, 'the recorders to be asked for');
    await waitForAbsence(200);
    expect(offered, 'nothing offered to the page before the recorders are here').to.equal(false);
    recorders.release();
    const { detail } = await submitted;
    expect(detail.outcome.status).to.equal('accepted');
    expect(detail.evidence.trustedform).to.equal('captured');
  });
});

describe('<lead-capture> pressed twice while a chunk is late', () => {
  /**
   * Two presses of Submit before delivery or the consent check arrives: one lead goes, under one key,
   * and nothing is left in the outbox for a later visit to send again.
   */
  async function pressTwice(late: 'delivery' | 'consentVisibility'): Promise<void> {
    const scenario = newScenario();
    const endpoint = `/standins/webhook/${scenario}`;
    const chunk = hold(late);
    const element = await mount({
      adapter: 'webhook', endpoint, fields: 'first_name last_name email mobile zip_code', 'min-fill-ms': '0',
      consent: 'I agree that {sellers} may call me.', sellers: 'ACME',
    });
    for (const [name, value] of Object.entries(GOOD_VALUES)) type(element, name, value);
    leave(element);
    element.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    const keys: string[] = [];
    element.addEventListener('lead-submit', (event) => keys.push(event.detail.idempotencyKey));
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await until(() => chunk.asked > 0, `the ${late} chunk to be asked for`);
    await new Promise((resolve) => setTimeout(resolve, 30));
    submitButton(element).click();
    await new Promise((resolve) => setTimeout(resolve, 30));

    chunk.release();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    await element.updateComplete;
    expect(keys, 'one lead offered to the page').to.have.length(1);
    expect((await received(scenario)).length, 'one request').to.equal(1);
    expect(await delivered(scenario)).to.have.length(1);
    const outbox = new IndexedDbOutbox();
    const left = async () => (await outbox.pending(`webhook|${endpoint}|`, Date.now())).length;
    const waited = performance.now();
    while ((await left()) > 0 && performance.now() - waited < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await left(), 'nothing left for a later visit to send').to.equal(0);
  }

  it('sends one lead, under one key, when delivery is late', () => pressTwice('delivery'));
  it('sends one lead, under one key, when the consent check is late', () => pressTwice('consentVisibility'));
});

describe('<lead-capture> loads the words and tables it uses, and only those', () => {
  it('an English form never asks for the Spanish words', async () => {
    const es = count('es');
    const element = await mount({ fields: 'first_name email' });
    await element.updateComplete;
    expect(es.asked).to.equal(0);
    expect(submitButton(element).textContent?.trim()).to.equal('Submit');
  });

  it('a form in a language the widget lacks asks for no words and renders in English at once', async () => {
    const es = count('es');
    const element = await mount({ locale: 'fr-CA', fields: 'first_name email' });
    expect(es.asked).to.equal(0);
    expect(submitButton(element).textContent?.trim()).to.equal('Submit');
  });

  it('a Spanish form waits for its words and first renders in Spanish', async () => {
    const es = hold('es');
    const element = document.createElement('lead-capture');
    element.setAttribute('locale', 'es');
    element.setAttribute('fields', 'first_name email');
    document.body.append(element);
    await until(() => es.asked > 0, 'the Spanish words to be asked for');
    expect(element.querySelector('form'), 'no English form in the meantime').to.equal(null);
    es.release();
    await until(() => element.querySelector('form') !== null, 'the form');
    expect(submitButton(element).textContent?.trim()).to.equal('Enviar');
    expect(element.querySelector('label[for$="-first_name"]')?.textContent).to.include('Nombre');
  });

  it('a form without questions or steps never asks for the code of questions and steps', async () => {
    const questions = count('questions');
    const element = await mount({ fields: 'first_name email', required: 'email', persist: 'none' });
    type(element, 'email', 'jane@example.com');
    leave(element);
    await element.updateComplete;
    expect(questions.asked).to.equal(0);
    expect(element.values).to.deep.equal({ email: 'jane@example.com' });
  });

  it('a form without a state never asks for the states’ list', async () => {
    const states = count('usStates');
    const element = await mount({ fields: 'first_name last_name email mobile zip_code', persist: 'none' });
    await element.updateComplete;
    expect(states.asked).to.equal(0);
  });

  it('a form with a state waits for the states’ list, first renders its select with them, and its rules read a state’s name', async () => {
    const states = hold('usStates');
    const element = document.createElement('lead-capture');
    element.setAttribute('fields', 'first_name state');
    element.setAttribute('min-fill-ms', '0');
    element.setAttribute('persist', 'none');
    element.adapter = acceptAll;
    document.body.append(element);
    await until(() => states.asked > 0, 'the states’ list to be asked for');
    expect(element.querySelector('form'), 'no select without its options in the meantime').to.equal(null);
    states.release();
    await until(() => element.querySelector('form') !== null, 'the form');
    const offered = [...(control(element, 'state') as HTMLSelectElement).options].map((option) => option.value);
    expect(offered).to.include.members(['', 'CA', 'NY', 'DC', 'PR']);
    element.values = { first_name: 'Jane', state: 'California' };
    const sent = oneEvent(element, 'lead-submit');
    submitButton(element).click();
    expect((await sent).detail.envelope.lead).to.deep.equal({ first_name: 'Jane', state: 'CA' });
  });

  it('asks for the email-typo table once an email is typed, and offers the correction on leaving the field', async () => {
    const typos = count('emailTypos');
    const element = await mount({ fields: 'first_name email', persist: 'none' });
    await element.updateComplete;
    type(element, 'first_name', 'Jane');
    expect(typos.asked, 'not for a name').to.equal(0);
    type(element, 'email', 'jane@gmial.com');
    expect(typos.asked).to.be.greaterThan(0);
    leave(element);
    await element.updateComplete;
    expect(element.querySelector('.lc-use-suggestion')?.textContent).to.include('jane@gmail.com');
  });
});

// The first form in this page to need the questions chunk: once loaded, it stays for the page.
describe('<lead-capture> given questions later by the page, before the questions chunk arrives', () => {
  it('keeps the form as it was and everything typed, then shows the questions once the chunk arrives', async () => {
    const questions = hold('questions');
    const element = await mount({ fields: 'first_name email', required: 'email', persist: 'none' });
    await element.updateComplete;
    type(element, 'first_name', 'Jane');
    element.questions = [{ name: 'debt_amount', label: 'Total debt', type: 'number', required: true }];
    element.fields = 'first_name email debt_amount';
    await until(() => questions.asked > 0, 'the questions chunk to be asked for');
    type(element, 'email', 'jane@example.com');
    expect(element.querySelector('[name="debt_amount"]'), 'no question before its code arrives').to.equal(null);

    questions.release();
    await until(() => element.querySelector('[name="debt_amount"]') !== null, 'the question to render');
    await element.updateComplete;
    expect(element.querySelector('label[for$="-debt_amount"]')?.textContent).to.include('Total debt');
    expect(element.values).to.deep.equal({ first_name: 'Jane', email: 'jane@example.com' });
    expect((control(element, 'first_name') as HTMLInputElement).value).to.equal('Jane');
    expect((control(element, 'email') as HTMLInputElement).value).to.equal('jane@example.com');
    await expect(element).to.be.accessible();
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors, 'the question judged with the rest').to.deep.equal({ debt_amount: 'required' });
  });
});

// The first form in this page to need the date-of-birth chunk: once loaded, it stays for the page.
describe('<lead-capture> given a date of birth later by the page, before its chunk arrives', () => {
  it('keeps the form as it was and everything typed, then shows the date’s boxes once the chunk arrives', async () => {
    const date = hold('dateOfBirth');
    const element = await mount({ fields: 'first_name email', required: 'email', persist: 'none' });
    await element.updateComplete;
    type(element, 'first_name', 'Jane');
    element.fields = 'first_name email date_of_birth';
    element.required = 'email date_of_birth';
    await until(() => date.asked > 0, 'the date-of-birth chunk to be asked for');
    type(element, 'email', 'jane@example.com');
    expect(element.querySelector('fieldset.lc-date'), 'no date before its boxes arrive').to.equal(null);

    date.release();
    await until(() => element.querySelector('fieldset.lc-date') !== null, 'the date of birth to render');
    await element.updateComplete;
    expect(element.values).to.deep.equal({ first_name: 'Jane', email: 'jane@example.com' });
    expect((control(element, 'first_name') as HTMLInputElement).value).to.equal('Jane');
    expect((control(element, 'email') as HTMLInputElement).value).to.equal('jane@example.com');
    await expect(element).to.be.accessible();
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors, 'the date judged with the rest').to.deep.equal({ date_of_birth: 'required' });
  });
});
