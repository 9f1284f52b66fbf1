import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { PRERENDERED, prerenderedMarkup } from '../../src/builder/prerender.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { fill, submitButton, until } from '../helpers/form.js';

const QUESTIONS = JSON.stringify([
  { name: 'debt_type', label: 'Main kind of debt', type: 'select', options: ['Credit cards', 'Medical bills'] },
  { name: 'hardship', label: 'I am facing a financial hardship', type: 'checkbox' },
  { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['Yes', 'No'] },
]);

async function widget(consent = 'I agree that {sellers} may call me about <b>Terms & "Conditions"</b>.'): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture
    persist="none"
    tracking="off"
    fields="first_name email mobile state debt_type hardship owns_home"
    required="email mobile"
    questions=${QUESTIONS}
    consent=${consent}
    sellers="ACME & Sons"
  ></lead-capture>`);
  await element.updateComplete;
  return element;
}

/** The markup as a browser reads it back, inside its `<lead-capture>`. */
function parse(markup: string): Element {
  const holder = new DOMParser().parseFromString(`<lead-capture>${markup}</lead-capture>`, 'text/html').querySelector('lead-capture')!;
  return holder.firstElementChild!;
}

/** Each element as tag and class, in document order. */
function outline(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].map((element) => `${element.localName}.${element.className}`);
}

function comments(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

describe('the prerendered form, made from the preview', () => {
  it('reads back as the widget’s own form: the same elements, no Lit comments', async () => {
    const element = await widget();
    const markup = prerenderedMarkup(element)!;
    const root = parse(markup);
    expect(comments(root)).to.equal(0);
    expect(markup).not.to.include('<!--');
    const form = element.querySelector('form')!;
    const kept = [form, ...form.querySelectorAll('*')].filter((node) => !node.matches('input[type="hidden"], .lc-honeypot, .lc-honeypot *, .lc-status, .lc-alert'));
    expect(outline(root)).to.deep.equal(kept.map((node) => (node === form ? `div.${node.className}` : `${node.localName}.${node.className}`)));
    expect(root.hasAttribute(PRERENDERED)).to.equal(true);
    // Labels stay tied to their controls, under ids of their own.
    for (const label of root.querySelectorAll('label[for]')) expect(root.querySelector(`#${CSS.escape(label.getAttribute('for')!)}`), label.textContent!).to.not.equal(null);
    expect([...root.querySelectorAll('[id]')].every((node) => node.id.startsWith('lc-p-'))).to.equal(true);
  });

  it('writes text as a browser reads it back: ampersands, quotes and angle brackets included', async () => {
    const element = await widget();
    const shown = element.querySelector('.lc-consent-text')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(shown).to.include('Terms & "Conditions"');
    expect(parse(prerenderedMarkup(element)!).querySelector('.lc-consent-text')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(shown);
  });

  it('cannot be sent by the browser: a div with a plain button, the consent box disabled', async () => {
    const root = parse(prerenderedMarkup(await widget())!);
    expect(root.localName).to.equal('div');
    expect(root.querySelector('form')).to.equal(null);
    expect([...root.querySelectorAll('button')].map((button) => button.getAttribute('type'))).to.deep.equal(['button']);
    // Said to do nothing yet, until the widget's own button replaces it.
    expect(root.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
    const consent = root.querySelector<HTMLInputElement>('input[name="consent"]')!;
    expect(consent.disabled).to.equal(true);
    // Not the consent the recorders capture: their annotations stay with the widget's own.
    expect(root.querySelector('[data-tf-element-role], [data-leadid-type]')).to.equal(null);
  });

  it('carries nothing the person did in the preview: no values, ticks, choices or errors', async () => {
    const untouched = prerenderedMarkup(await widget())!;
    const element = await widget();
    await fill(element, { first_name: 'Jane', email: 'jane@', mobile: '2125550123', state: 'NY' });
    element.querySelector<HTMLInputElement>('input[name="hardship"]')!.click();
    element.querySelector<HTMLInputElement>('input[name="owns_home"]')!.click();
    element.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    submitButton(element).click();
    await until(() => element.querySelector('.lc-error-summary') !== null, 'the refused submit to show its errors');
    const markup = prerenderedMarkup(element)!;
    expect(markup).to.equal(untouched);
    for (const typed of ['Jane', 'jane@', '2125550123', '555']) expect(markup).not.to.include(typed);
    const root = parse(markup);
    expect([...root.querySelectorAll('input, select, textarea')].filter((control) => (control as HTMLInputElement).value !== '' && !['checkbox', 'radio'].includes((control as HTMLInputElement).type))).to.deep.equal([]);
    expect(root.querySelector(':checked:not(option), [selected]')).to.equal(null);
  });

  it('carries only the attributes the widget renders, and the email’s early message: nothing a browser extension added to the preview', async () => {
    const element = await widget();
    const email = element.querySelector('input[name="email"]')!;
    email.setAttribute('style', 'background-image: url(data:image/png;base64,AAAA)');
    email.setAttribute('onfocus', 'alert(1)');
    email.setAttribute('data-com-onepassword-filled', 'light');
    element.querySelector('.lc-consent-text')!.setAttribute('data-x', 'extension');
    element.querySelector('form')!.setAttribute('onclick', 'alert(2)');
    const markup = prerenderedMarkup(element)!;
    for (const added of ['style=', 'onfocus', 'onclick', 'onepassword', 'data-x', 'alert(']) expect(markup).not.to.include(added);
    const root = parse(markup);
    const names = new Set([root, ...root.querySelectorAll('*')].flatMap((node) => [...node.attributes].map((attribute) => attribute.name)));
    expect([...names].filter((name) => !/^aria-/.test(name)).sort()).to.deep.equal(
      ['autocomplete', 'class', 'data-lc-message', 'data-lc-prerendered', 'data-seller-index', 'disabled', 'for', 'form', 'id', 'inputmode', 'lang', 'maxlength', 'name', 'required', 'type', 'value'],
    );
  });

  it('keeps a no-break space in the text as the disclosure has it', async () => {
    const element = await widget('I agree that {sellers}\u00a0may call me.');
    const markup = prerenderedMarkup(element)!;
    expect(markup).to.include('&nbsp;may call me.');
    expect(parse(markup).querySelector('.lc-consent-text')!.textContent).to.include('\u00a0may call me.');
  });

  it('is none while the widget shows a later step', async () => {
    const element = await fixture<LeadCapture>(html`<lead-capture persist="none" tracking="off" fields="zip_code first_name" steps="zip_code | first_name"></lead-capture>`);
    await element.updateComplete;
    expect(prerenderedMarkup(element)).to.not.equal(undefined);
    await fill(element, { zip_code: '10001' });
    submitButton(element).click();
    await until(() => element.querySelector('.lc-back') !== null, 'the second step');
    expect(prerenderedMarkup(element)).to.equal(undefined);
  });
});

describe('the prerendered email field', () => {
  async function emailErrorLine(attributes: string): Promise<Element> {
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.innerHTML = `<lead-capture persist="none" tracking="off" fields="first_name email" ${attributes}></lead-capture>`;
    const element = holder.querySelector<LeadCapture>('lead-capture')!;
    await element.updateComplete;
    return parse(prerenderedMarkup(element, 'lc-p-0a1b2c3d4e')!).querySelector('#lc-p-0a1b2c3d4e-email-error')!;
  }

  it('carries, on its empty error line, what the widget says of an address the browser refuses, for the markup to say before the widget arrives', async () => {
    const line = await emailErrorLine('');
    expect(line.textContent).to.equal('');
    expect(line.getAttribute('data-lc-message')).to.equal('Enter an email address in the correct format, like name@example.com');
  });

  it('in the form’s language', async () => {
    const line = await emailErrorLine('locale="es"');
    expect(line.getAttribute('data-lc-message')).to.equal('Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com');
  });

  it('and only on the email’s error line', async () => {
    const element = await widget();
    const root = parse(prerenderedMarkup(element, 'lc-p-0a1b2c3d4e')!);
    expect([...root.querySelectorAll('[data-lc-message]')].map((node) => node.id)).to.deep.equal(['lc-p-0a1b2c3d4e-email-error']);
  });
});

describe('the pages that carry a prerendered form', () => {
  /** A page's `<lead-capture>`, as a browser reads the page. */
  async function pageWidget(path: string): Promise<Element> {
    const page = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
    return page.querySelector('lead-capture')!;
  }

  /** Markup as a browser reads it, white space between elements aside (it renders the same). */
  const normalised = (root: Element) => root.outerHTML.replace(/\s+/g, ' ').replace(/> </g, '><');

  for (const path of ['/bench/pages/prerendered.html', '/test/fixtures/strict-csp-prerendered.html']) {
    it(`hold what the builder makes for their attributes: ${path}`, async () => {
      const onPage = await pageWidget(path);
      const element = document.createElement('lead-capture');
      for (const { name, value } of onPage.attributes) if (name !== 'prerendered') element.setAttribute(name, value);
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(element);
      await (element as LeadCapture).updateComplete;
      const token = onPage.getAttribute('prerendered')!;
      expect(normalised(onPage.querySelector(`[${PRERENDERED}]`)!)).to.equal(normalised(parse(prerenderedMarkup(element, token)!)));
    });
  }
});
