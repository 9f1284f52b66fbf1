import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, errorText, fill, focusIsOn, submitButton } from '../helpers/form.js';

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

async function formWith(fields: string, required = fields, extra: Partial<LeadCapture> = {}): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture min-fill-ms="0" fields=${fields} required=${required}></lead-capture>`);
  element.adapter = acceptAll;
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

const summary = (element: LeadCapture) => element.querySelector<HTMLElement>('.lc-error-summary');
const links = (element: LeadCapture) => [...element.querySelectorAll<HTMLAnchorElement>('.lc-error-summary a')];

/** The regions a screen reader announces by themselves, with what they hold now. */
function speaking(element: LeadCapture): string[] {
  return [...element.querySelectorAll('[aria-live], [role="status"], [role="alert"]')]
    .map((region) => region.textContent?.replace(/\s+/g, ' ').trim() ?? '')
    .filter((text) => text !== '');
}

describe('the error summary, as GOV.UK has it: one announcement, a link to each field', () => {
  const FIELDS = 'first_name last_name email mobile zip_code';

  it('is focused on an empty submit, headed "There is a problem", with a link per field in the form’s order', async () => {
    const element = await formWith(FIELDS);
    await expect(element).to.be.accessible();
    await element.submit();
    const [focused, where] = focusIsOn(summary(element));
    expect(focused, where).to.equal(true);
    expect(summary(element)?.querySelector('h2')?.textContent).to.equal('There is a problem');
    expect(links(element).map((link) => link.textContent)).to.deep.equal([
      'Enter your first name',
      'Enter your last name',
      'Enter your email address',
      'Enter your mobile number',
      'Enter your ZIP code',
    ]);
    expect(links(element).map((link) => link.hash)).to.deep.equal(
      ['first_name', 'last_name', 'email', 'mobile', 'zip_code'].map((name) => `#${control(element, name).id}`),
    );
    await expect(element).to.be.accessible();
  });

  it('is the one thing that speaks: five empty fields are not five live regions at once', async () => {
    const element = await formWith(FIELDS);
    await element.submit();
    expect(speaking(element)).to.have.length(1);
    expect(speaking(element)[0]).to.match(/^There is a problem/);
  });

  it('gives a screen reader an alert with the heading "There is a problem" and links that say what to fix', async () => {
    const element = await formWith('first_name email');
    await element.submit();
    type Node = { role?: string; name?: string; level?: number };
    const tree = (await a11ySnapshot({ selector: '.lc-error-summary' })) as never;
    const find = (test: (node: Node) => boolean) => findAccessibilityNode(tree, test as never);
    expect(find((node) => node.role === 'heading' && node.name === 'There is a problem' && node.level === 2), 'the heading').to.not.equal(null);
    expect(find((node) => node.role === 'link' && node.name === 'Enter your email address'), 'a link named by the message').to.not.equal(null);
  });

  it('takes the person to the field from its link, label in view, without changing the page’s address', async () => {
    const element = await formWith(FIELDS);
    await element.submit();
    const before = location.href;
    links(element)[2]?.click();
    const [focused, where] = focusIsOn(control(element, 'email'));
    expect(focused, where).to.equal(true);
    const label = element.querySelector(`label[for="${control(element, 'email').id}"]`)!.getBoundingClientRect();
    expect(label.top).to.be.at.least(0);
    expect(label.bottom).to.be.at.most(innerHeight);
    expect(location.href).to.equal(before);
  });

  it('loses each error as it is fixed, and goes when the last one is', async () => {
    const element = await formWith('first_name email');
    await element.submit();
    await fill(element, { first_name: 'Jane' });
    expect(links(element).map((link) => link.textContent)).to.deep.equal(['Enter your email address']);
    await expect(element).to.be.accessible();
    await fill(element, { email: 'jane@example.com' });
    expect(summary(element)).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('shows a new problem found after submit, worded as at the field', async () => {
    const element = await formWith('first_name email');
    await element.submit();
    await fill(element, { email: 'jane@' });
    expect(links(element).map((link) => link.textContent)).to.deep.equal([
      'Enter your first name',
      'Enter an email address in the correct format, like name@example.com',
    ]);
    expect(errorText(element, 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
  });

  it('is reached by pressing Enter in a field, and Tab goes from it to the first link', async () => {
    const element = await formWith('first_name email');
    control(element, 'first_name').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [focused, where] = focusIsOn(summary(element));
    expect(focused, where).to.equal(true);
    await sendKeys({ press: 'Tab' });
    const [onLink, whereLink] = focusIsOn(links(element)[0] ?? null);
    expect(onLink, whereLink).to.equal(true);
  });

  it('keeps a mouse click on Submit: leaving a bad field for the button does not push the button away mid-click', async () => {
    const element = await formWith('email first_name', 'first_name');
    const input = control(element, 'email') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'jane@' });
    const box = submitButton(element).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [focused, where] = focusIsOn(summary(element));
    expect(focused, where).to.equal(true);
    expect(links(element).map((link) => link.textContent)).to.deep.equal([
      'Enter an email address in the correct format, like name@example.com',
      'Enter your first name',
    ]);
  });

  it('speaks Spanish with locale="es", and a page’s own words through messages.ui', async () => {
    const spanish = await formWith('first_name', 'first_name', { locale: 'es' });
    await spanish.submit();
    expect(summary(spanish)?.querySelector('h2')?.textContent).to.equal('Hay un problema');
    expect(links(spanish)[0]?.textContent).to.equal('Escriba su nombre');
    const own = await formWith('first_name', 'first_name', { messages: { ui: { errorSummaryTitle: 'Please check the form' } } });
    await own.submit();
    expect(summary(own)?.querySelector('h2')?.textContent).to.equal('Please check the form');
  });
});
