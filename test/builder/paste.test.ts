import { expect } from '@open-wc/testing';
import { FIELD_MESSAGES } from '../../src/fields/messages/index.js';
import { until } from '../helpers/form.js';
import { received } from '../helpers/standins.js';
import { button, chooseOption, control, formFields, openBuilder, press, preview, pasteIntoBlankPage, servedSriManifest, settled, snippetElement, snippetText, typeInto } from './person.js';

function type(frame: HTMLIFrameElement, name: string, value: string): void {
  const input = frame.contentDocument!.querySelector<HTMLInputElement>(`lead-capture [name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new (frame.contentWindow as typeof window).Event('input', { bubbles: true }));
}

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('the embed code, pasted into a blank page', () => {
  it('renders the same form as the preview and delivers a lead through the relay to the destination', async function () {
    // A person's pace: a dozen choices typed key by key, and the widget's minimum fill time before sending.
    this.timeout(60_000);
    const { builder, clipboard, scenario } = await openBuilder('', await servedSriManifest());
    // The page loads this build's bundle (pinned by its SRI hash) and posts to a relay over this scenario's stand-ins.
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await chooseOption(builder, control(builder, 'Send leads to'), 'Pingtree');
    await typeInto(builder, control(builder, 'Relay URL'), `/relay/${scenario}/v1`);
    await press(builder, control(builder, 'City'), 'Space');
    await chooseOption(builder, control(builder, 'Layout'), 'Stacked');
    await press(builder, button(builder, 'Start from the TCPA one-to-one template'), 'Enter');
    await typeInto(builder, control(builder, 'Sellers named in the consent'), 'ACME Insurance');
    await typeInto(builder, control(builder, 'Submit button text'), 'Get my quote');
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    expect(clipboard.text).to.include('integrity="sha384-');

    const frame = await pasteIntoBlankPage(clipboard.text!);
    await until(() => frame.contentDocument?.querySelector('lead-capture form') !== null, 'the pasted form to render', 20_000);
    const pasted = frame.contentDocument!.querySelector('lead-capture')!;
    const shown = preview(builder);
    expect(formFields(pasted)).to.deep.equal(formFields(shown));
    expect(formFields(pasted)).to.include(`city: ${FIELD_MESSAGES.en.labels.city}`);
    expect(pasted.getAttribute('layout')).to.equal('stacked');
    expect(pasted.querySelector('.lc-consent-text')?.textContent).to.equal(shown.querySelector('.lc-consent-text')?.textContent);
    expect(pasted.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal('Get my quote');

    type(frame, 'first_name', 'Jane');
    type(frame, 'last_name', 'Doe');
    type(frame, 'email', 'jane@example.com');
    type(frame, 'mobile', '2125550123');
    type(frame, 'zip_code', '10001');
    type(frame, 'city', 'New York');
    pasted.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    pasted.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => pasted.querySelector('.lc-success') !== null, 'the thank-you', 20_000);
    const requests = await received(scenario);
    expect(requests.map((request) => request.path)).to.deep.equal([`/standins/pingtree/${scenario}/api/lead/create/64f2a1b3c4d5e6f708192a3b`]);
    expect(requests[0]!.body).to.include({ email: 'jane@example.com', city: 'New York', zip_code: '10001' });
  });
});

describe('the preview', () => {
  it('sends a test lead to the stand-in and shows what the destination received', async function () {
    // The widget waits its minimum fill time before sending; a busy machine adds to it.
    this.timeout(40_000);
    const { builder, scenario } = await openBuilder();
    const form = preview(builder);
    for (const [name, value] of Object.entries({ first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', mobile: '2125550123', zip_code: '10001' })) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => builder.querySelector('#wire')?.textContent?.startsWith('POST') === true, 'the wire view', 20_000);
    const wire = builder.querySelector('#wire')!.textContent!;
    expect(wire).to.include(`POST /standins/webhook/${scenario}`);
    expect(wire).to.include('"email": "jane@example.com"');
    expect(JSON.parse(builder.querySelector('#outcome')!.textContent!)).to.nested.include({ 'outcome.status': 'accepted' });
    expect(await received(scenario)).to.have.length(1);
  });
});

describe('a new form', () => {
  it('refuses a blank lead: its email and mobile are required, in the preview and in the embed code, and nothing reaches the destination', async function () {
    this.timeout(40_000);
    const { builder, scenario } = await openBuilder();
    const { labels } = FIELD_MESSAGES.en;
    expect(control(builder, `Required (${labels.email})`).checked).to.equal(true);
    expect(control(builder, `Required (${labels.mobile})`).checked).to.equal(true);
    expect(snippetElement(snippetText(builder)).getAttribute('required')).to.equal('email mobile');
    const form = preview(builder);
    expect(form.getAttribute('required')).to.equal('email mobile');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('.lc-error-summary') !== null || form.querySelector('.lc-success') !== null, 'the Submit to be refused or sent', 20_000);
    // Booleans, not the elements: a failing assertion on an element never finishes printing it.
    expect(form.querySelector('.lc-success') !== null, 'a thank-you for a blank lead').to.equal(false);
    expect(form.querySelector('[name="email"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(form.querySelector('[name="mobile"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await received(scenario)).to.have.length(0);
  });
});

describe('the preview with the page’s own questions', () => {
  it('sends a test lead with its answers through the demo relay, which takes the builder’s questions, and shows what arrived', async function () {
    this.timeout(40_000);
    const { builder, scenario } = await openBuilder();
    await press(builder, button(builder, 'Add a question'), 'Enter');
    await typeInto(builder, control(builder, 'Label'), 'Total debt');
    await typeInto(builder, control(builder, 'Name (sent as)'), 'debt_amount');
    await chooseOption(builder, control(builder, 'Type'), 'Drop-down');
    await typeInto(builder, control(builder, 'Options, one per line'), 'Under $10,000\n$10,000 or more');
    await press(builder, control(builder, 'Required'), 'Space');
    await until(() => preview(builder).querySelector('[name="debt_amount"]') !== null, 'the question in the preview');
    const form = preview(builder);
    for (const [name, value] of Object.entries({ first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', mobile: '2125550123', zip_code: '10001' })) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const answer = form.querySelector<HTMLSelectElement>('[name="debt_amount"]')!;
    answer.value = '$10,000 or more';
    answer.dispatchEvent(new Event('change', { bubbles: true }));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => builder.querySelector('#outcome')?.textContent !== 'Nothing yet.', 'the outcome', 20_000);
    expect(JSON.parse(builder.querySelector('#outcome')!.textContent!)).to.nested.include({ 'outcome.status': 'accepted' });
    await until(() => builder.querySelector('#wire')?.textContent?.startsWith('POST') === true, 'the wire view', 20_000);
    expect(builder.querySelector('#wire')!.textContent).to.include('"debt_amount": "$10,000 or more"');
    const [delivered] = await received(scenario);
    expect((delivered?.body as { lead: Record<string, string> }).lead).to.include({ debt_amount: '$10,000 or more', email: 'jane@example.com' });
  });

  it('is refused by the demo relay for an answer to a question the builder does not ask', async function () {
    this.timeout(40_000);
    const { builder, scenario } = await openBuilder();
    await press(builder, button(builder, 'Add a question'), 'Enter');
    await typeInto(builder, control(builder, 'Name (sent as)'), 'owns_home');
    await until(() => preview(builder).querySelector('[name="owns_home"]') !== null, 'the question in the preview');
    const relay = preview(builder).getAttribute('endpoint')!;
    expect(relay).to.match(new RegExp(`^/relay/${scenario}/questions/[A-Za-z0-9_-]+/v1$`));
    const response = await fetch(`${relay}/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ destination: 'webhook', lead: { email: 'jane@example.com', debt_amount: '1' }, bot: { honeypot: '', elapsedMs: 5000 } }),
    });
    expect(response.status).to.equal(422);
    expect(await received(scenario)).to.have.length(0);
  });
});

describe('the preview with a thank-you page', () => {
  it('says where the visitor would go after a test lead, placeholders filled, and stays in the builder', async function () {
    this.timeout(40_000);
    const { builder } = await openBuilder();
    await typeInto(builder, control(builder, 'Thank-you page URL'), 'https://example.com/thanks?lead={event_id}&s={status}');
    const here = location.href;
    const form = preview(builder);
    for (const [name, value] of Object.entries({ first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', mobile: '2125550123', zip_code: '10001' })) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const submitted = new Promise<CustomEvent<{ idempotencyKey: string }>>((resolve) =>
      form.addEventListener('lead-submitted', (event) => resolve(event as CustomEvent<{ idempotencyKey: string }>), { once: true }));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await submitted;
    await until(() => builder.querySelector('#b-left-to') !== null, 'the builder to say where the page would go', 20_000);
    expect(builder.querySelector('#b-left-to code')?.textContent).to.equal(`https://example.com/thanks?lead=${encodeURIComponent(detail.idempotencyKey)}&s=accepted`);
    expect(location.href).to.equal(here);
    await expect(builder).to.be.accessible();
  });
});

describe('the embed code after a test lead', () => {
  it('carries the form of the latest settings while the preview shows the thank-you', async function () {
    this.timeout(60_000);
    const { builder } = await openBuilder();
    await typeInto(builder, control(builder, 'Consent text'), 'I agree to calls.');
    await settled(builder);
    const form = preview(builder);
    for (const [name, value] of Object.entries({ first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', mobile: '2125550123', zip_code: '10001' })) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    form.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => form.querySelector('.lc-success') !== null, 'the thank-you', 20_000);
    await typeInto(builder, control(builder, 'Consent text'), 'I agree to calls and texts.');
    const disclosure = () => snippetElement(snippetText(builder)).querySelector('[data-lc-prerendered] .lc-consent-text')?.textContent?.trim();
    await until(() => disclosure() === 'I agree to calls and texts.', 'the embed code to carry the new consent text', 10_000);
    expect(preview(builder), 'the same preview').to.equal(form);
    expect(form.querySelector('.lc-success'), 'still thanking').to.not.equal(null);
    expect(form.querySelector('.lc-consent-text')).to.equal(null);
  });
});
