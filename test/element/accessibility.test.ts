import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, executeServerCommand, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { contrastRatio, parseColour, WHITE } from '../../src/consent/contrast.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, errorText, fill, focusIsOn, submitButton } from '../helpers/form.js';

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

async function formWith(attributes: Record<string, string>): Promise<LeadCapture> {
  const element = document.createElement('lead-capture') as LeadCapture;
  for (const [name, value] of Object.entries({ 'min-fill-ms': '0', ...attributes })) element.setAttribute(name, value);
  element.adapter = acceptAll;
  const host = await fixture<HTMLElement>(html`<div></div>`);
  host.append(element);
  await element.updateComplete;
  return element;
}

type AxNode = { role?: string; name?: string; required?: boolean; description?: string; children?: AxNode[] };

async function axNode(test: (node: AxNode) => boolean): Promise<AxNode | null> {
  const tree = (await a11ySnapshot({})) as never;
  return findAccessibilityNode(tree, test as never) as AxNode | null;
}

describe('details that fail WCAG or good practice, as people meet them', () => {
  it('shows the focus ring on an invalid consent box reached by keyboard (2.4.7)', async () => {
    const element = await formWith({ fields: 'email', consent: 'I agree that {sellers} may call me.', sellers: 'ACME' });
    await fill(element, { email: 'jane@example.com' });
    await element.submit();
    const box = element.querySelector<HTMLInputElement>('input[name="consent"]')!;
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    control(element, 'email').focus();
    await sendKeys({ press: 'Tab' });
    const [focused, where] = focusIsOn(box);
    expect(focused, where).to.equal(true);
    const style = getComputedStyle(box);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    expect(style.outlineColor, 'the focus colour, not the error colour').to.equal('rgb(9, 105, 218)');
    await expect(element).to.be.accessible();
  });

  describe('in forced colours (Windows High Contrast)', () => {
    afterEach(() => executeServerCommand('forced-colors', { active: false }));

    it('gives the Submit button a border that shows against the page (1.4.11)', async () => {
      const element = await formWith({ fields: 'email' });
      await executeServerCommand('forced-colors', { active: true });
      const style = getComputedStyle(submitButton(element));
      expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
      const border = parseColour(style.borderTopColor)!;
      const behind = parseColour(getComputedStyle(element).backgroundColor) ?? WHITE;
      expect(contrastRatio(border, behind.a === 0 ? WHITE : behind)).to.be.at.least(3);
    });

    it('marks an invalid field differently from a valid one without colour', async () => {
      const element = await formWith({ fields: 'first_name email', required: 'email' });
      await element.submit();
      await executeServerCommand('forced-colors', { active: true });
      const valid = getComputedStyle(control(element, 'first_name'));
      const invalid = getComputedStyle(control(element, 'email'));
      expect([invalid.borderTopStyle, invalid.borderTopWidth]).to.not.deep.equal([valid.borderTopStyle, valid.borderTopWidth]);
    });
  });

  it('says a Spanish form is Spanish: lang="es" on the form (3.1.2)', async () => {
    const element = await formWith({ fields: 'email', locale: 'es' });
    expect(element.querySelector('form')?.lang).to.equal('es');
    const english = await formWith({ fields: 'email' });
    expect(english.querySelector('form')?.lang).to.equal('en');
  });

  it('puts the consent error where focus goes with several sellers: on each box, not the fieldset', async () => {
    const element = await formWith({ fields: 'email', consent: 'I agree that {sellers} may call me.', sellers: 'ACME Insurance; Beta Loans' });
    await fill(element, { email: 'jane@example.com' });
    await element.submit();
    element.querySelector<HTMLAnchorElement>('.lc-error-summary a')?.click();
    const first = element.querySelector<HTMLInputElement>('input[name="consent"]')!;
    const [focused, where] = focusIsOn(first);
    expect(focused, where).to.equal(true);
    expect(errorText(element, 'consent') || element.querySelector(`#${first.getAttribute('aria-describedby')}`)?.textContent).to.equal(
      'Check at least one box to agree before you submit',
    );
    const node = await axNode((candidate) => candidate.role === 'checkbox' && candidate.name === 'ACME Insurance');
    expect(node?.description).to.equal('Check at least one box to agree before you submit');
    await expect(element).to.be.accessible();
  });

  it('says "required" once: the name is the label, the field is marked required', async () => {
    const element = await formWith({ fields: 'first_name', required: 'first_name' });
    expect(element.querySelector('label')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('First name (required)');
    const node = await axNode((candidate) => candidate.role === 'textbox' && (candidate.name ?? '').startsWith('First name'));
    expect(node?.name).to.equal('First name');
    expect(node?.required).to.equal(true);
  });

  it('agrees the Spanish mark with the label: "Ciudad (obligatoria)", "Nombre (obligatorio)"', async () => {
    const element = await formWith({ fields: 'first_name city', required: 'first_name city', locale: 'es' });
    const marks = [...element.querySelectorAll('.lc-required')].map((mark) => mark.textContent);
    expect(marks).to.deep.equal(['(obligatorio)', '(obligatoria)']);
  });

  it('honours a visitor’s larger default font, and never goes under 16px', async () => {
    const root = document.documentElement;
    try {
      root.style.fontSize = '24px';
      const large = await formWith({ fields: 'email' });
      expect(getComputedStyle(large).fontSize).to.equal('24px');
      root.style.fontSize = '10px';
      expect(getComputedStyle(large).fontSize).to.equal('16px');
    } finally {
      root.style.fontSize = '';
    }
  });
});

describe('an email typo shown once before sending', () => {
  it('stops a "jane@yahoo.con" submitted with Enter, with a button named "Use jane@yahoo.com" in focus', async () => {
    const element = await formWith({ fields: 'email', required: 'email' });
    let sent = 0;
    element.addEventListener('lead-submit', () => sent++);
    const input = control(element, 'email') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'jane@yahoo.con' });
    await sendKeys({ press: 'Enter' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    expect(sent, 'nothing sent yet').to.equal(0);
    const button = element.querySelector<HTMLButtonElement>('.lc-use-suggestion');
    expect(button?.textContent?.trim()).to.equal('Use jane@yahoo.com');
    const [focused, where] = focusIsOn(button);
    expect(focused, where).to.equal(true);
    expect(input.getAttribute('aria-describedby')).to.contain(element.querySelector('.lc-hint')?.id);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(input.value).to.equal('jane@yahoo.com');
  });

  it('sends what was typed when the person submits again instead: offered once, never in the way twice', async () => {
    const element = await formWith({ fields: 'email', required: 'email' });
    const sent: string[] = [];
    element.addEventListener('lead-submit', (event) => sent.push(event.detail.envelope.lead['email'] ?? ''));
    control(element, 'email').focus();
    await sendKeys({ type: 'jane@yahoo.con' });
    await element.submit();
    expect(sent).to.deep.equal([]);
    await element.submit();
    expect(sent).to.deep.equal(['jane@yahoo.con']);
  });

  it('does not stop a Submit when the suggestion was already shown on leaving the field', async () => {
    const element = await formWith({ fields: 'email', required: 'email' });
    const sent: string[] = [];
    element.addEventListener('lead-submit', (event) => sent.push(event.detail.envelope.lead['email'] ?? ''));
    await fill(element, { email: 'jane@yahoo.con' });
    expect(element.querySelector('.lc-use-suggestion')?.textContent?.trim()).to.equal('Use jane@yahoo.com');
    await element.submit();
    expect(sent).to.deep.equal(['jane@yahoo.con']);
  });
});

describe('phone numbers as people type them', () => {
  async function typeInto(element: LeadCapture, text: string): Promise<HTMLInputElement> {
    const input = control(element, 'mobile') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: text });
    await element.updateComplete;
    return input;
  }

  it('reformats the whole number on leaving the field after an edit in the middle', async () => {
    const element = await formWith({ fields: 'mobile first_name' });
    const input = await typeInto(element, '2125550123');
    expect(input.value).to.equal('(212) 555-0123');
    // The person puts the cursor after "(21" and types a stray digit, then deletes it again.
    input.setSelectionRange(3, 3);
    await sendKeys({ type: '9' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(input.value).to.equal('(212) 555-0123');
  });

  it('writes a number typed with +1 the national way on leaving the field', async () => {
    const element = await formWith({ fields: 'mobile first_name' });
    const input = await typeInto(element, '+1 212 555 0123');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(input.value).to.equal('(212) 555-0123');
  });

  it('keeps "+44 7700 900123" spaced as typed, and asks for a US number', async () => {
    const element = await formWith({ fields: 'mobile first_name', required: 'mobile' });
    const input = await typeInto(element, '+44 7700 900123');
    expect(input.value).to.equal('+44 7700 900123');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(input.value).to.equal('+44 7700 900123');
    // Another country's number is not a matter of digits: the person is asked for a US number.
    expect(errorText(element, 'mobile')).to.equal('Enter a US mobile number, like (201) 555-0123');
  });

  it('shows a number given as +12125550123 in the national format', async () => {
    const element = await formWith({ fields: 'mobile' });
    element.values = { mobile: '+12125550123' };
    await element.updateComplete;
    expect((control(element, 'mobile') as HTMLInputElement).value).to.equal('(212) 555-0123');
  });
});
