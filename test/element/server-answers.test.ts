import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { RetryPolicy } from '../../src/flow/retry.js';
import { control, errorText, fill, focusIsOn, GOOD_VALUES, submitButton, until } from '../helpers/form.js';
import { newScenario, script } from '../helpers/standins.js';

const QUICK: RetryPolicy = { maxAttempts: 3, baseDelayMs: 150, maxDelayMs: 150, budgetMs: 5000 };

async function webhookForm(scenario: string, policy = QUICK): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="first_name last_name email mobile zip_code"
    min-fill-ms="0"
    .retryPolicy=${policy}
  ></lead-capture>`);
  await fill(element, GOOD_VALUES);
  return element;
}

describe('answers from the server, as the person hears them', () => {
  it('shows a destination’s field error in its own words at the field, and puts the person there', async () => {
    const scenario = newScenario();
    await script(scenario, { status: 422, body: { errors: { email: 'This email domain is not accepted' } } });
    const element = await webhookForm(scenario);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await element.updateComplete;
    expect(errorText(element, 'email')).to.equal('This email domain is not accepted');
    const [focused, where] = focusIsOn(control(element, 'email'));
    expect(focused, where).to.equal(true);
    expect(control(element, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal('Some details were not accepted. Check the fields marked below.');
    await expect(element).to.be.accessible();
    // The destination's words go as soon as the person changes the field.
    await fill(element, { email: 'jane@another.example' });
    expect(errorText(element, 'email')).to.equal('');
  });

  it('says "Our system isn’t responding; we’ll keep trying" for a 500, never "when you are back online" to a person online', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' }, { mode: 'failing' }, { mode: 'failing' });
    const element = await webhookForm(scenario);
    const heard: string[] = [];
    const status = element.querySelector('[role="status"]')!;
    const watch = new MutationObserver(() => heard.push(status.textContent ?? ''));
    watch.observe(status, { childList: true, subtree: true, characterData: true });
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    watch.disconnect();
    await element.updateComplete;
    expect(heard).to.include("Our system isn't responding; we'll keep trying (attempt 2 of 3)…");
    expect(heard.join(' ')).to.not.match(/connection is slow|back online/);
    expect(detail.message).to.match(/^Our system isn't responding\./);
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal(detail.message);
    expect(detail.message).to.not.contain('back online');
    await expect(element).to.be.accessible();
  });

  it('fires lead-created only for a created lead: a failed send never counts as a conversion', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'failing' });
    const element = await webhookForm(scenario, { ...QUICK, maxAttempts: 1 });
    const created: string[] = [];
    element.addEventListener('lead-created', (event) => created.push(event.detail.outcome.status));
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    expect(created, 'no lead-created for a failure').to.deep.equal([]);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    expect(created).to.deep.equal(['accepted']);
  });

  it('fires no lead-created for a lead the destination refused', async () => {
    const scenario = newScenario();
    await script(scenario, { status: 422, body: { message: 'Refused' } });
    const element = await webhookForm(scenario);
    let created = 0;
    element.addEventListener('lead-created', () => created++);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await failed;
    await until(() => element.querySelector('[role="alert"]')?.textContent !== '', 'the failure shown');
    expect(created).to.equal(0);
  });
});
