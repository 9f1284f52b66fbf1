import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { prerenderedMarkup, prerenderToken } from '../../src/builder/prerender.js';
import { LeadCapture } from '../../src/element/lead-capture.js';
import { afterPaint } from '../../src/element/prerendered.js';
import { checkPrerenderedEmails } from '../../src/element/prerendered-email.js';
import { caretIn } from '../../src/element/takeover.js';
import { CHECKED } from '../../src/fields/questions.js';
import { chunks } from '../../src/element/chunks.js';
import { hold, restoreChunks, restoreLater } from '../helpers/chunks.js';
import { control, errorText, focusIsOn, until } from '../helpers/form.js';

/**
 * A page that carries the builder's prerendered form, and a person who uses it before the widget's
 * script arrives. The element's definition comes late, as a script does: each page's tag is defined
 * (as the widget) only when `arrive()` is called, after the person has typed.
 */
const QUESTIONS = JSON.stringify([
  { name: 'hardship', label: 'I am facing a financial hardship', type: 'checkbox' },
  { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['Yes', 'No'] },
]);

const ATTRIBUTES = {
  'persist': 'none',
  'tracking': 'off',
  'fields': 'first_name email mobile state hardship owns_home',
  'required': 'email mobile',
  'questions': QUESTIONS,
  'consent': 'I agree that {sellers} may call me.',
  'sellers': 'ACME',
};

/** What the widget, and the markup before it, say of an address the browser refuses. */
const EMAIL_REFUSED = 'Enter an email address in the correct format, like name@example.com';

let pages = 0;

interface Page {
  readonly element: LeadCapture;
  /** The embed code's token: the element's `prerendered` attribute, the markup root's id. */
  readonly token: string;
  /** The prerendered root, wherever the page's HTML put it; null once taken over. */
  readonly root: () => Element | null;
  /** The prerendered control of this name, as the person sees it before the script arrives. */
  readonly prerendered: (name: string) => HTMLInputElement | HTMLSelectElement;
  /** The script arrives: the tag is defined and the widget takes the form over. */
  readonly arrive: () => Promise<void>;
}

/** The markup the builder would give for these attributes: made from the real widget, as the builder's preview is. */
async function builderMarkup(attributes: Record<string, string>, token: string): Promise<string> {
  const preview = document.createElement('lead-capture') as LeadCapture;
  for (const [name, value] of Object.entries(attributes)) preview.setAttribute(name, value);
  document.body.append(preview);
  await preview.updateComplete;
  const markup = prerenderedMarkup(preview, token)!;
  preview.remove();
  return markup;
}

interface Placement {
  /** Places the whole embed in the page: a page's own form, a CMS's paragraph around it. */
  readonly around?: (embed: string) => string;
  /** Places the markup inside the element: a CMS's wrapper. */
  readonly within?: (markup: string) => string;
}

/**
 * A page holding the embed code, parsed by the browser's HTML parser as a page is: `inside` the
 * element (the builder's markup by default, named by the element's `prerendered` attribute), placed
 * as `placement` says.
 */
async function pageWith(inside: string | undefined, attributes: Record<string, string> = ATTRIBUTES, placement: Placement = {}): Promise<Page> {
  const tag = `lead-capture-page-${++pages}`;
  const token = prerenderToken();
  const markup = inside ?? (await builderMarkup(attributes, token));
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const named = inside === undefined ? { ...attributes, prerendered: token } : attributes;
  const text = Object.entries(named).map(([name, value]) => `${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`).join(' ');
  const { around = (embed: string) => embed, within = (inner: string) => inner } = placement;
  holder.innerHTML = around(`<${tag} ${text}>\n${within(markup)}\n</${tag}>`);
  const element = holder.querySelector(tag) as LeadCapture;
  const root = () => document.getElementById(token);
  return {
    element,
    token,
    root,
    prerendered: (name) => root()!.querySelector<HTMLInputElement>(`[name="${name}"]`)!,
    arrive: async () => {
      customElements.define(tag, class extends LeadCapture {});
      await element.updateComplete;
    },
  };
}

/** Types as a person does, with the browser's own keyboard, into whatever has focus. */
async function type(control: HTMLElement, text: string): Promise<void> {
  control.focus();
  await sendKeys({ type: text });
}

afterEach(() => {
  restoreChunks();
  fixtureCleanup();
});

describe('a page with the prerendered form, taken over when the widget arrives', () => {
  it('is accessible once taken over', async () => {
    const page = await pageWith(undefined);
    await page.arrive();
    await expect(page.element).to.be.accessible();
  });

  it('keeps what the person typed, chose and ticked, as if typed into the widget', async () => {
    const page = await pageWith(undefined);
    await type(page.prerendered('first_name'), 'Jane');
    await type(page.prerendered('email'), 'jane@example.com');
    await type(page.prerendered('mobile'), '2125550123');
    const state = page.prerendered('state') as HTMLSelectElement;
    state.focus();
    await sendKeys({ type: 'New York' });
    (page.prerendered('hardship') as HTMLInputElement).click();
    page.element.querySelector<HTMLInputElement>('[data-lc-prerendered] [name="owns_home"][value="No"]')!.click();
    await page.arrive();
    const { element } = page;
    expect(element.querySelector('[data-lc-prerendered]')).to.equal(null);
    // The phone number is formatted as typing into the widget formats it.
    expect(element.values).to.deep.equal({ first_name: 'Jane', email: 'jane@example.com', mobile: '(212) 555-0123', state: 'NY', hardship: CHECKED, owns_home: 'No' });
    expect(control(element, 'first_name').value).to.equal('Jane');
    expect(control(element, 'mobile').value).to.equal('(212) 555-0123');
    expect(control(element, 'state').value).to.equal('NY');
    expect((control(element, 'hardship') as HTMLInputElement).checked).to.equal(true);
    expect(element.querySelector<HTMLInputElement>('[name="owns_home"][value="No"]')!.checked).to.equal(true);
    // Values live in the controls only: never written into the markup.
    expect(element.outerHTML).not.to.include('jane@example.com');
  });

  it('puts focus and the caret back where the person was, and the next keystroke lands there', async () => {
    const page = await pageWith(undefined);
    await type(page.prerendered('first_name'), 'Jne Doe');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    await page.arrive();
    const first = control(page.element, 'first_name') as HTMLInputElement;
    expect(...focusIsOn(first));
    expect([first.selectionStart, first.selectionEnd]).to.deep.equal([1, 1]);
    await sendKeys({ type: 'a' });
    expect(first.value).to.equal('Jane Doe');
    expect(page.element.values['first_name']).to.equal('Jane Doe');
  });

  it('puts the caret after the same digits of a phone number the widget formatted', async () => {
    const page = await pageWith(undefined);
    await type(page.prerendered('mobile'), '212555');
    await page.arrive();
    const mobile = control(page.element, 'mobile') as HTMLInputElement;
    expect(...focusIsOn(mobile));
    await sendKeys({ type: '0123' });
    expect(mobile.value).to.equal('(212) 555-0123');
  });

  it('puts focus on the widget’s own button when the person was on the prerendered one', async () => {
    const page = await pageWith(undefined);
    const placeholder = page.root()!.querySelector('button')!;
    expect(placeholder.getAttribute('aria-disabled')).to.equal('true');
    placeholder.focus();
    await page.arrive();
    const button = page.element.querySelector<HTMLButtonElement>(':scope > form.lc-form button[type="submit"]')!;
    expect(...focusIsOn(button));
    expect(button.getAttribute('aria-disabled')).to.equal('false');
  });

  it('waits for an IME composition begun in the markup once the widget is there to be committed before taking it over', async () => {
    const page = await pageWith(undefined);
    const first = page.prerendered('first_name') as HTMLInputElement;
    await type(first, 'Jo');
    // The widget is connected, its takeover a microtask away, as the person starts composing.
    customElements.define(page.element.localName, class extends LeadCapture {});
    first.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
    first.value = 'Joやまだ';
    first.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: 'やまだ' }));
    for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(page.root(), 'the markup while the person composes').to.not.equal(null);
    expect(...focusIsOn(first));
    first.value = 'Jo山田';
    first.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '山田' }));
    await until(() => page.root() === null, 'the takeover once the text is committed');
    await page.element.updateComplete;
    expect(page.element.values['first_name']).to.equal('Jo山田');
    expect(...focusIsOn(control(page.element, 'first_name')));
  });

  it('checks a field the person had left, as leaving it in the widget does', async () => {
    const page = await pageWith(undefined);
    await type(page.prerendered('email'), 'jane@');
    await type(page.prerendered('first_name'), 'Jane');
    await page.arrive();
    await until(() => control(page.element, 'email').getAttribute('aria-invalid') === 'true', 'the email left to be checked');
    expect(errorText(page.element, 'email')).to.not.equal('');
    expect(control(page.element, 'first_name').getAttribute('aria-invalid'), 'the field still being typed in is not judged').to.equal('false');
  });

  /** The email's `aria-invalid` as the widget's form first appears, before any later render could add a verdict. */
  async function firstShown(page: Awaited<ReturnType<typeof pageWith>>, arrived: () => Promise<void>): Promise<string | null | undefined> {
    let firstSeen: string | null | undefined;
    const takeover = new MutationObserver(() => {
      const email = page.element.querySelector(':scope > form.lc-form [name="email"]');
      if (email) firstSeen ??= email.getAttribute('aria-invalid');
    });
    takeover.observe(page.element, { childList: true });
    await arrived();
    takeover.disconnect();
    return firstSeen;
  }

  /**
   * The widget arrives with the rules held back (`hold('validation')`), and takes the markup over:
   * the email's `aria-invalid` as its form first showed it, and the arrival, to wait for once the rules are released.
   */
  async function takenOverWithoutRules(page: Page): Promise<{ shown: string | null | undefined; arrived: Promise<void> }> {
    let arrived: Promise<void> = Promise.resolve();
    const shown = await firstShown(page, async () => {
      arrived = page.arrive();
      await until(() => page.element.querySelector(':scope > form.lc-form') !== null, 'the takeover while the rules are held back');
    });
    return { shown, arrived };
  }

  it('shows the verdict on a field the person had left in the takeover’s own render when the rules are at hand', async () => {
    const page = await pageWith(undefined);
    // An address only the rules refuse (the browser's own check takes it).
    await type(page.prerendered('email'), 'jane@example');
    await type(page.prerendered('first_name'), 'Jane');
    expect(await firstShown(page, () => page.arrive()), 'the email as the widget’s form first showed it').to.equal('true');
    expect(errorText(page.element, 'email')).to.not.equal('');
  });

  it('shows an address the browser refuses as wrong in the takeover’s own render, the rules still held back', async () => {
    const page = await pageWith(undefined);
    const rules = hold('validation');
    await type(page.prerendered('email'), 'jane@');
    await type(page.prerendered('first_name'), 'Jane');
    const { shown, arrived } = await takenOverWithoutRules(page);
    expect(shown, 'the email as the widget’s form first showed it').to.equal('true');
    expect(errorText(page.element, 'email')).to.equal(EMAIL_REFUSED);
    rules.release();
    await arrived;
  });

  it('says an address the browser refuses is wrong as the person leaves it, before the widget arrives, in the widget’s words; the takeover keeps it though the person went back into the field', async () => {
    const page = await pageWith(undefined);
    // What the loader does once the page is parsed (src/loader.ts).
    checkPrerenderedEmails();
    const rules = hold('validation');
    await type(page.prerendered('email'), 'jane@');
    await type(page.prerendered('first_name'), 'Jane');
    const email = page.prerendered('email');
    const error = document.getElementById(`${email.id}-error`)!;
    expect(email.getAttribute('aria-invalid'), 'the markup’s own verdict').to.equal('true');
    expect(error.textContent).to.equal(EMAIL_REFUSED);
    expect(email.getAttribute('aria-describedby')).to.equal(error.id);
    // Back in the field, to mend it, as the widget arrives.
    email.focus();
    const { shown, arrived } = await takenOverWithoutRules(page);
    expect(shown, 'the email as the widget’s form first showed it').to.equal('true');
    expect(errorText(page.element, 'email')).to.equal(EMAIL_REFUSED);
    expect(...focusIsOn(control(page.element, 'email')));
    rules.release();
    await arrived;
    expect(errorText(page.element, 'email'), 'the rules say the same').to.equal(EMAIL_REFUSED);
  });

  it('takes the markup over without the rules when they are slow to come, and checks a field left there once they do', async () => {
    const page = await pageWith(undefined);
    const rules = hold('validation');
    // An address the browser's own check accepts and the rules refuse: theirs to judge.
    await type(page.prerendered('email'), 'jane@example');
    await type(page.prerendered('first_name'), 'Jane');
    const { arrived } = await takenOverWithoutRules(page);
    expect((control(page.element, 'email') as HTMLInputElement).value).to.equal('jane@example');
    expect(control(page.element, 'email').getAttribute('aria-invalid'), 'no verdict before the rules').to.equal('false');
    rules.release();
    await arrived;
    await until(() => control(page.element, 'email').getAttribute('aria-invalid') === 'true', 'the email left to be checked once the rules come');
  });

  it('cannot be submitted by the browser before the widget arrives', async () => {
    const page = await pageWith(undefined);
    const submitted: Event[] = [];
    document.addEventListener('submit', (event) => submitted.push(event));
    const root = page.element.querySelector('[data-lc-prerendered]')!;
    expect(root.closest('form') ?? root.querySelector('form')).to.equal(null);
    // Every required field filled: a browser's constraint validation would not stop a submission.
    await type(page.prerendered('email'), 'jane@example.com');
    await type(page.prerendered('mobile'), '2125550123');
    await sendKeys({ press: 'Enter' });
    root.querySelector('button')!.click();
    expect(root.querySelector('button')!.type).to.equal('button');
    expect(submitted).to.deep.equal([]);
  });

  it('sends nothing through a form of the page’s own around the embed, and the takeover keeps what was typed', async () => {
    const page = await pageWith(undefined, ATTRIBUTES, { around: (embed) => `<form id="page-form" method="get" action="/nowhere"><input name="q" value="shoes">${embed}<button>Search</button></form>` });
    const pageForm = document.querySelector<HTMLFormElement>('#page-form')!;
    const sent: string[][] = [];
    pageForm.addEventListener('submit', (event) => {
      event.preventDefault();
      sent.push([...new FormData(pageForm).keys()]);
    });
    await type(page.prerendered('first_name'), 'Jane');
    await type(page.prerendered('email'), 'jane@example.com');
    await type(page.prerendered('mobile'), '2125550123');
    await sendKeys({ press: 'Enter' });
    page.element.querySelector<HTMLButtonElement>('[data-lc-prerendered] button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent, 'Enter in a field and a click on the button').to.deep.equal([]);
    // The page's own form still sends its own fields, and only those.
    pageForm.requestSubmit();
    expect(sent).to.deep.equal([['q']]);
    await page.arrive();
    expect(page.element.values).to.deep.include({ first_name: 'Jane', email: 'jane@example.com', mobile: '(212) 555-0123' });
  });

  it('shows the widget’s own consent box, unticked, in place of the disabled one', async () => {
    const page = await pageWith(undefined);
    const placeholder = page.prerendered('consent') as HTMLInputElement;
    expect(placeholder.disabled).to.equal(true);
    placeholder.click();
    await page.arrive();
    const consent = control(page.element, 'consent') as HTMLInputElement;
    expect(consent).to.not.equal(placeholder);
    expect(consent.disabled).to.equal(false);
    expect(consent.checked).to.equal(false);
    expect(consent.getAttribute('data-leadid-type'), 'the box the recorders capture').to.equal('disclosure');
  });

  it('leaves no id twice in the page, beside another widget', async () => {
    const other = await fixture<LeadCapture>(html`<lead-capture persist="none" tracking="off" fields=${ATTRIBUTES.fields} questions=${QUESTIONS} consent="Yes"></lead-capture>`);
    await other.updateComplete;
    const page = await pageWith(undefined);
    const ids = () => [...document.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids().length, 'before the widget arrives').to.equal(new Set(ids()).size);
    await page.arrive();
    expect(ids().length, 'after the takeover').to.equal(new Set(ids()).size);
  });

  it('takes over the markup a CMS’s paragraph around the embed left beside the element: one form shows', async () => {
    // `<p>` then `<div>`: the parser closes the paragraph, and the element with it, before the markup.
    const page = await pageWith(undefined, ATTRIBUTES, { around: (embed) => `<p>${embed}</p>` });
    const holder = page.element.parentElement!.parentElement!;
    expect(page.element.contains(page.root()), 'the markup as the browser parsed it').to.equal(false);
    await type(page.prerendered('email'), 'jane@example.com');
    await page.arrive();
    expect(page.root()).to.equal(null);
    expect(holder.querySelectorAll('.lc-form').length).to.equal(1);
    expect(holder.querySelector('[data-lc-prerendered]')).to.equal(null);
    expect(page.element.values['email']).to.equal('jane@example.com');
    expect(...focusIsOn(control(page.element, 'email')));
  });

  it('takes over the markup a CMS’s wrapper put deeper inside the element', async () => {
    const page = await pageWith(undefined, ATTRIBUTES, { within: (markup) => `<div class="cms-wrap">${markup}</div>` });
    await type(page.prerendered('first_name'), 'Jane');
    await page.arrive();
    expect(page.element.querySelectorAll('.lc-form').length).to.equal(1);
    expect(page.element.querySelector('[data-lc-prerendered]')).to.equal(null);
    expect(page.element.values['first_name']).to.equal('Jane');
    const consent = page.element.querySelector<HTMLInputElement>('.lc-consent input[name="consent"]')!;
    expect(consent.disabled, 'the first consent box is the widget’s own').to.equal(false);
  });

  it('gives two copies on one page ids of their own, each label naming its own control', async () => {
    const first = await pageWith(undefined);
    const second = await pageWith(undefined);
    const ids = [...document.querySelectorAll('[id]')].map((node) => node.id);
    expect(ids.length).to.equal(new Set(ids).size);
    for (const page of [first, second]) {
      for (const label of page.root()!.querySelectorAll('label')) expect(label.control && page.root()!.contains(label.control), label.textContent!).to.equal(true);
    }
    await second.arrive();
    expect(first.root(), 'the other copy stays for its own widget').to.not.equal(null);
    expect(second.element.querySelectorAll('.lc-form').length).to.equal(1);
  });

  it('records as the consent shown the widget’s own disclosure, never a copy the page left in the element', async () => {
    // A copy the element cannot take over (its marker and id stripped by a CMS), with older words.
    const old = (await builderMarkup({ ...ATTRIBUTES, consent: 'OLD WORDS: {sellers} may call me.' }, prerenderToken())).replace(/ data-lc-prerendered| id="lc-p-[0-9a-f]+"(?=[ >])/g, '');
    const attributes = { ...ATTRIBUTES, 'adapter': 'webhook', 'endpoint': '/nowhere', 'min-fill-ms': '0' };
    const page = await pageWith(old, attributes);
    await page.arrive();
    const form = page.element.querySelector<HTMLFormElement>(':scope > form.lc-form')!;
    for (const [name, value] of Object.entries({ email: 'jane@example.com', mobile: '2125550123' })) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    }
    form.querySelector<HTMLInputElement>('input[name="consent"]')!.click();
    await page.element.updateComplete;
    const submitting = oneEvent(page.element, 'lead-submit');
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const event = await submitting;
    event.preventDefault();
    const shown = form.querySelector<HTMLElement>('.lc-consent-text')!.innerText.replace(/\s+/g, ' ').trim();
    expect(shown).to.include('ACME may call me');
    expect(event.detail.envelope.consent?.text).to.equal(shown);
  });

  it('takes the form over as soon as it arrives once the loader has seen the markup painted, not a frame later', async () => {
    const page = await pageWith(undefined);
    // The loader's wait: a frame painted after the page (the markup in it) was parsed.
    await afterPaint();
    // The takeover waits a moment for the rules (see above); here they fail at once, so nothing else holds it.
    const original = chunks.validation;
    chunks.validation = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    restoreLater(() => (chunks.validation = original));
    expect(await framesBeforeTakeover(page)).to.equal(0);
    expect(page.element.querySelector(':scope > form.lc-form')).to.exist;
  });

  it('leaves an element without a prerendered form as it is: its other children stay, its form is added', async () => {
    const page = await pageWith('<template slot="consent">I agree to <b>calls</b>.</template><div class="page-note">Ours</div>', { ...ATTRIBUTES, consent: '' });
    await page.arrive();
    const { element } = page;
    expect([...element.children].map((child) => child.localName + (child.className ? `.${child.className}` : ''))).to.deep.equal(['template', 'div.page-note', 'form.lc-form']);
    expect(element.querySelector('.lc-consent-text')?.textContent).to.include('calls');
  });
});

/** How many frames the browser rendered between the widget's arrival and its taking the markup over. */
async function framesBeforeTakeover(page: Page): Promise<number | undefined> {
  let frames = 0;
  requestAnimationFrame(() => (frames += 1));
  let before: number | undefined;
  const takeover = new MutationObserver(() => {
    if (page.element.querySelector('[data-lc-prerendered]') === null) before ??= frames;
  });
  takeover.observe(page.element, { childList: true });
  await page.arrive();
  takeover.disconnect();
  return before;
}

/**
 * The test page as a script finds it that runs as the parse ends, before a frame with the markup in
 * it has been painted (a deferred classic script; a cached one): no script of the page has seen such
 * a frame, so the timeline holds none of their marks. Its first contentful paint stays reported, as
 * the page's content above the embed may have been painted while the parser waited for the stylesheet.
 */
function beforeMarkupPainted(): () => void {
  const reported = performance.getEntriesByName.bind(performance);
  Object.defineProperty(performance, 'getEntriesByName', {
    configurable: true,
    value: (name: string, type?: string) => (type === 'mark' ? [] : reported(name, type)),
  });
  return () => delete (performance as { getEntriesByName?: unknown }).getEntriesByName;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('a page whose markup has not been painted when the widget arrives', () => {
  let painted: () => void = () => undefined;
  beforeEach(() => (painted = beforeMarkupPainted()));
  afterEach(() => painted());

  it('waits for a frame with the markup in it, though the page has reported its first contentful paint', async () => {
    expect(performance.getEntriesByName('first-contentful-paint'), 'the page painted (its content above the embed)').to.have.length(1);
    const page = await pageWith(undefined);
    expect(await framesBeforeTakeover(page)).to.equal(1);
    expect(page.element.querySelector(':scope > form.lc-form')).to.exist;
  });

  it('waits for an IME composition begun in the markup while the takeover waited for the paint', async () => {
    const page = await pageWith(undefined);
    const first = page.prerendered('first_name') as HTMLInputElement;
    await type(first, 'Jo');
    customElements.define(page.element.localName, class extends LeadCapture {});
    // The takeover is waiting for the page's paint: in that frame, before it, the person starts composing.
    requestAnimationFrame(() => {
      first.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      first.value = 'Joやまだ';
      first.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText', data: 'やまだ' }));
    });
    for (let count = 0; count < 4; count++) await frame();
    expect(page.root(), 'the markup while the person composes').to.not.equal(null);
    expect(...focusIsOn(first));
    first.value = 'Jo山田';
    first.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '山田' }));
    await until(() => page.root() === null, 'the takeover once the text is committed');
    await page.element.updateComplete;
    expect(page.element.values['first_name']).to.equal('Jo山田');
    expect(...focusIsOn(control(page.element, 'first_name')));
  });

  it('takes the form over after one frame, keeping what was typed, even on a page whose timeline never shows that frame', async () => {
    const page = await pageWith(undefined);
    await type(page.prerendered('email'), 'jane@example.com');
    customElements.define(page.element.localName, class extends LeadCapture {});
    await Promise.resolve();
    expect(page.root(), 'not before the paint').to.not.equal(null);
    await until(() => page.root() === null, 'the takeover after the paint');
    await page.element.updateComplete;
    expect(page.element.values['email']).to.equal('jane@example.com');
  });
});

describe('the caret in a value the widget formatted', () => {
  it('goes after as many digits as were before it', () => {
    expect(caretIn('2125550', 3, '(212) 555-0')).to.equal(4);
    expect(caretIn('2125550', 7, '(212) 555-0')).to.equal(11);
    expect(caretIn('2125550', 0, '(212) 555-0')).to.equal(0);
    expect(caretIn('Jane', 2, 'Jane')).to.equal(2);
  });
});
