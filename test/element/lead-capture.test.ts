import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, fill, GOOD_VALUES, submitButton, until } from '../helpers/form.js';
import { newScenario, received, script } from '../helpers/standins.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** One send per lead: these tests are about states and events; retries have their own file. */
const ONE_ATTEMPT = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

async function webhookForm(scenario: string, fields = 'first_name last_name email mobile zip_code'): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    persist="none"
    min-fill-ms="0"
    tracking="off"
    .retryPolicy=${ONE_ATTEMPT}
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields=${fields}
    required="email mobile"
  ></lead-capture>`);
}

describe('<lead-capture> rendering', () => {
  it('is accessible as first rendered', async () => {
    const element = await webhookForm(newScenario());
    await expect(element).to.be.accessible();
  });

  it('renders a real form in the light DOM, where consent scripts can find it', async () => {
    const element = await webhookForm(newScenario());
    expect(element.shadowRoot).to.equal(null);
    const form = element.querySelector('form');
    expect(form !== null && document.querySelector('lead-capture form') === form, 'the form is in the document tree').to.equal(true);
  });

  it('renders one labelled control per field named in `fields`, in that order', async () => {
    const element = await webhookForm(newScenario(), 'email first_name zip_code');
    const names = [...element.querySelectorAll<HTMLInputElement>('.lc-input')].map((input) => input.name);
    expect(names).to.deep.equal(['email', 'first_name', 'zip_code']);
    for (const input of element.querySelectorAll<HTMLInputElement>('.lc-input')) {
      const label = element.querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent?.trim(), input.name).to.not.equal('');
    }
  });

  it('gives each control the autocomplete and inputmode that fit its field', async () => {
    const element = await webhookForm(newScenario());
    const expected: Record<string, [autocomplete: string, inputmode: string | null, type: string]> = {
      first_name: ['given-name', null, 'text'],
      last_name: ['family-name', null, 'text'],
      email: ['email', 'email', 'email'],
      mobile: ['mobile tel', 'tel', 'tel'],
      zip_code: ['postal-code', 'numeric', 'text'],
    };
    for (const [name, [autocomplete, inputmode, type]] of Object.entries(expected)) {
      const input = control(element, name) as HTMLInputElement;
      expect(input.getAttribute('autocomplete'), name).to.equal(autocomplete);
      expect(input.getAttribute('inputmode'), name).to.equal(inputmode);
      expect(input.type, name).to.equal(type);
    }
  });

  it('marks the fields named in `required` as required, in the label and to assistive technology', async () => {
    const element = await webhookForm(newScenario());
    expect(control(element, 'email').required).to.equal(true);
    expect(control(element, 'first_name').required).to.equal(false);
    expect(element.querySelector('label[for$="-email"]')?.textContent).to.contain('(required)');
  });

  it('shows no status or alert box until there is something to say', async () => {
    const element = await webhookForm(newScenario());
    for (const region of element.querySelectorAll<HTMLElement>('.lc-status, .lc-alert')) {
      const box = region.getBoundingClientRect();
      expect(box.width * box.height, region.className).to.be.at.most(1);
    }
  });

  it('has exactly one submit button', async () => {
    const element = await webhookForm(newScenario());
    expect(element.querySelectorAll('button[type="submit"]').length).to.equal(1);
    expect(submitButton(element).textContent?.trim()).to.equal('Submit');
  });

  it('gives two widgets on one page their own ids', async () => {
    const wrapper = await fixture(html`<div>
      <lead-capture adapter="webhook" endpoint="/x" fields="email"></lead-capture>
      <lead-capture adapter="webhook" endpoint="/y" fields="email"></lead-capture>
    </div>`);
    const ids = [...wrapper.querySelectorAll('.lc-input')].map((input) => input.id);
    expect(new Set(ids).size).to.equal(2);
  });
});

describe('<lead-capture> sending a good lead to a webhook', () => {
  it('posts exactly the normalised lead as JSON, with an Idempotency-Key', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;

    const [request, ...others] = await received(scenario);
    expect(others).to.have.length(0);
    expect(request?.method).to.equal('POST');
    expect(request?.headers['content-type']).to.equal('application/json');
    expect(request?.headers['idempotency-key']).to.match(UUID);
    const { bot, ...rest } = request?.body as { bot: { honeypot: string; elapsedMs: number } };
    expect(bot.honeypot).to.equal('');
    expect(bot.elapsedMs).to.be.a('number');
    expect(rest).to.deep.equal({
      lead: {
        first_name: 'Jane',
        last_name: "O'Neil",
        email: 'jane.oneil@example.com',
        mobile: '+12125550123',
        zip_code: '10001',
      },
    });
  });

  it('shows a busy state while sending: Submit says so, and nothing around the status region is aria-busy', async () => {
    const scenario = newScenario();
    await script(scenario, { delayMs: 400 });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    submitButton(element).click();
    await until(() => submitButton(element).getAttribute('aria-disabled') === 'true', 'busy');
    expect(submitButton(element).textContent?.trim()).to.equal('Sending…');
    // aria-busy on an ancestor lets screen readers hold back the live region's "Sending…" (issue 15).
    expect(element.querySelector('.lc-status')?.closest('[aria-busy="true"]')).to.equal(null);
    expect(element.querySelector('.lc-status')?.textContent).to.equal('Sending…');
    await oneEvent(element, 'lead-submitted');
  });

  it('sends one lead however many times Submit is pressed while sending', async () => {
    const scenario = newScenario();
    await script(scenario, { delayMs: 300 });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    submitButton(element).click();
    submitButton(element).click();
    await submitted;
    expect(await received(scenario)).to.have.length(1);
  });

  it('shows a success state once the lead is accepted, and stays accessible', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    submitButton(element).click();
    await oneEvent(element, 'lead-submitted');
    await element.updateComplete;
    expect(element.querySelector('.lc-success')?.textContent).to.contain('Thank you');
    expect(element.querySelector('.lc-fields')?.checkVisibility()).to.equal(false);
    expect(submitButton(element).checkVisibility()).to.equal(false);
    await expect(element).to.be.accessible();
  });
});

describe('<lead-capture> events', () => {
  it('fires lead-submit (cancelable) with the envelope and key, before anything is sent', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    element.addEventListener('lead-submit', (event) => event.preventDefault(), { once: true });
    const submitting = oneEvent(element, 'lead-submit');
    submitButton(element).click();
    const event = await submitting;
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.envelope.lead['email']).to.equal('jane.oneil@example.com');
    expect(event.detail.idempotencyKey).to.match(UUID);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await received(scenario)).to.have.length(0);
  });

  it('sends when the page cancels lead-submit and then submits again at once', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    element.persist = 'local';
    await fill(element, GOOD_VALUES);
    // A page that holds the first attempt (to prepare something) and then lets it go.
    element.addEventListener('lead-submit', (event) => {
      event.preventDefault();
      setTimeout(() => void element.submit(), 0);
    }, { once: true });
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    expect((await submitted).detail.outcome.status).to.equal('accepted');
    expect(await received(scenario)).to.have.length(1);
  });

  it('fires lead-created then lead-submitted with the outcome and the same key', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const order: string[] = [];
    element.addEventListener('lead-created', () => order.push('lead-created'));
    element.addEventListener('lead-submitted', () => order.push('lead-submitted'));
    const created = oneEvent(element, 'lead-created');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const [createdEvent, submittedEvent] = await Promise.all([created, submitted]);
    expect(order).to.deep.equal(['lead-created', 'lead-submitted']);
    expect(createdEvent.detail.outcome).to.deep.equal({ status: 'accepted', retryable: false, destinationId: 'wh_1' });
    expect(createdEvent.detail.next).to.equal(null);
    expect(submittedEvent.detail.outcome.status).to.equal('accepted');
    const [request] = await received(scenario);
    expect(submittedEvent.detail.idempotencyKey).to.equal(request?.headers['idempotency-key']);
  });

  it('fires lead-invalid with codes and messages, and sends nothing', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    await fill(element, { email: 'not-an-email' });
    const invalid = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    const { detail } = await invalid;
    expect(detail.errors).to.deep.equal({ email: 'email', mobile: 'required' });
    expect(detail.messages['mobile']).to.equal('Enter your mobile number');
    expect(await received(scenario)).to.have.length(0);
  });

  it('fires lead-error with the stage, retryability and the message shown', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    expect(detail.stage).to.equal('create');
    expect(detail.retryable).to.equal(true);
    expect(detail.outcome.code).to.equal('http_500');
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal(detail.message);
  });
});

describe('<lead-capture> when delivery fails', () => {
  it('shows a destination failure as an error with a retry that reuses the idempotency key', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;

    const retry = element.querySelector<HTMLButtonElement>('.lc-retry');
    expect(retry?.textContent?.trim()).to.equal('Try again');
    expect(element.querySelectorAll('button').length, 'one button, not Submit beside Try again').to.equal(1);
    const submitted = oneEvent(element, 'lead-submitted');
    retry?.click();
    await submitted;

    const requests = await received(scenario);
    expect(requests).to.have.length(2);
    expect(requests[1]?.headers['idempotency-key']).to.equal(requests[0]?.headers['idempotency-key']);
    expect(requests[1]?.rawBody).to.equal(requests[0]?.rawBody);
  });

  it('shows a network failure as a retryable error, keeping what was typed', async () => {
    const element = await fixture<LeadCapture>(html`<lead-capture
      persist="none"
      .retryPolicy=${ONE_ATTEMPT}
      adapter="webhook"
      endpoint="http://127.0.0.1:9/unreachable"
      fields="email"
    ></lead-capture>`);
    await fill(element, { email: 'jane@example.com' });
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    expect(detail.outcome.code).to.equal('network');
    expect(detail.retryable).to.equal(true);
    await element.updateComplete;
    expect(element.querySelector('.lc-retry')).to.not.equal(null);
    expect((control(element, 'email') as HTMLInputElement).value).to.equal('jane@example.com');
    await expect(element).to.be.accessible();
  });

  it('shows a refusal as a final error without a retry button', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'unauthorised' });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    expect(detail.retryable).to.equal(false);
    await element.updateComplete;
    expect(element.querySelector('.lc-retry')).to.equal(null);
  });

  it('marks the fields a destination refused', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'invalid' });
    const element = await webhookForm(scenario);
    await fill(element, GOOD_VALUES);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;
    expect(control(element, 'email').getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<lead-capture> public methods', () => {
  it('submit() sends as the button does, and reset() clears the form for the next person', async () => {
    const scenario = newScenario();
    const element = await webhookForm(scenario);
    element.values = { ...GOOD_VALUES };
    await element.submit();
    expect(await received(scenario)).to.have.length(1);
    element.reset();
    await element.updateComplete;
    expect((control(element, 'email') as HTMLInputElement).value).to.equal('');
    expect(element.querySelector('.lc-success')).to.equal(null);
  });
});
