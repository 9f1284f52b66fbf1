import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, submitButton } from '../helpers/form.js';

/** A host page's stylesheet written without any care for embedded widgets, and some with malice. */
const HOSTILE_CSS = `
  body { font-family: "Comic Sans MS", cursive; letter-spacing: 3px; text-transform: uppercase; color: #0f0; line-height: 3; }
  form { display: flex; flex-direction: row-reverse; background: yellow; }
  input, select, textarea { background: hotpink; border: 9px dashed red; font-size: 40px; padding: 30px; width: 50px; }
  label { display: none; }
  p { font-size: 30px; color: orange; }
  button { background: black; color: black; border-radius: 0; padding: 0; font-size: 8px; }
  div { margin: 40px; padding: 40px; }
  #host-main form input { background: purple; }
  .lc-input { background: lime; }
`;

/** The computed styles we promise: a person sees the same widget whatever the host's CSS. */
const WATCHED = [
  'font-family', 'font-size', 'letter-spacing', 'text-transform', 'color', 'background-color',
  'border-top-width', 'border-top-style', 'padding-top', 'width', 'display', 'margin-top', 'line-height',
] as const;

function snapshot(element: Element): Record<string, string> {
  const computed = getComputedStyle(element);
  return Object.fromEntries(WATCHED.map((property) => [property, computed.getPropertyValue(property)]));
}

function widgetSnapshot(element: LeadCapture): Record<string, Record<string, string>> {
  return {
    root: snapshot(element),
    form: snapshot(element.querySelector('form')!),
    field: snapshot(element.querySelector('.lc-field')!),
    label: snapshot(element.querySelector('.lc-label')!),
    input: snapshot(control(element, 'email')),
    button: snapshot(submitButton(element)),
  };
}

async function widgetIn(container: HTMLElement): Promise<LeadCapture> {
  const element = document.createElement('lead-capture');
  element.setAttribute('adapter', 'webhook');
  element.setAttribute('endpoint', '/nowhere');
  element.setAttribute('fields', 'first_name email');
  container.append(element);
  await element.updateComplete;
  return element;
}

function addSheet(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

describe('<lead-capture> styles', () => {
  it('look the same on a page with a hostile stylesheet as on a plain page', async () => {
    const plainHost = await fixture<HTMLElement>(html`<main style="width: 600px"></main>`);
    const plain = widgetSnapshot(await widgetIn(plainHost));

    const sheet = addSheet(HOSTILE_CSS);
    try {
      const hostileHost = await fixture<HTMLElement>(html`<main id="host-main" style="width: 600px"></main>`);
      const hostile = widgetSnapshot(await widgetIn(hostileHost));
      expect(hostile).to.deep.equal(plain);
    } finally {
      sheet.remove();
    }
  });

  it('keep every label visible even when the host hides labels', async () => {
    const sheet = addSheet(HOSTILE_CSS);
    try {
      const element = await widgetIn(await fixture<HTMLElement>(html`<div></div>`));
      for (const label of element.querySelectorAll('label')) {
        expect(getComputedStyle(label).display).to.not.equal('none');
      }
    } finally {
      sheet.remove();
    }
  });

  it('never change how the host page’s own forms, inputs, buttons and paragraphs look', async () => {
    const host = await fixture<HTMLElement>(html`<section>
      <form><label for="host-input">Host label</label><input id="host-input" /><button>Host button</button></form>
      <p>Host paragraph</p>
    </section>`);
    const pick = () => [...host.querySelectorAll('form, label, input, button, p')].map(snapshot);
    const before = pick();
    await widgetIn(await fixture<HTMLElement>(html`<div></div>`));
    expect(pick()).to.deep.equal(before);
  });

  it('follow the --lead-capture-* custom properties a partner sets', async () => {
    const host = await fixture<HTMLElement>(html`<div style="--lead-capture-accent: rgb(200, 0, 100); --lead-capture-font: monospace"></div>`);
    const element = await widgetIn(host);
    expect(getComputedStyle(submitButton(element)).backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(element).fontFamily).to.equal('monospace');
  });

  it('are, as a file, the sheet the widget adopts: dist/lead-capture.css for the prerendered form', async () => {
    // The build minifies the sheet (scripts/minify-templates.ts), so the file is compared rule by rule,
    // as the browser reads it; the bundle's own sheet is compared text for text in test/bundle/.
    const file = new CSSStyleSheet();
    file.replaceSync(await (await fetch('/dist/lead-capture.css')).text());
    await widgetIn(await fixture<HTMLElement>(html`<div></div>`));
    const adopted = document.adoptedStyleSheets.find((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.startsWith('lead-capture')))!;
    // A value holding var() keeps its spacing as written until substituted: commas are read alike.
    const rules = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
    expect(rules(file)).to.deep.equal(rules(adopted));
  });

  it('are added to the document once, however many widgets the page holds', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    await widgetIn(host);
    await widgetIn(host);
    const ours = document.adoptedStyleSheets.filter((sheet) =>
      [...sheet.cssRules].some((rule) => rule.cssText.startsWith('lead-capture')),
    );
    expect(ours).to.have.length(1);
  });

  it('switch to the dark scheme with theme="dark", still accessible with errors showing', async () => {
    const element = await widgetIn(await fixture<HTMLElement>(html`<div></div>`));
    element.theme = 'dark';
    element.required = 'email';
    await element.updateComplete;
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(13, 17, 23)');
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await element.submit();
    await expect(element).to.be.accessible();
  });

  it('let a partner’s custom property win in the dark scheme too', async () => {
    const host = await fixture<HTMLElement>(html`<div style="--lead-capture-accent: rgb(255, 200, 0)"></div>`);
    const element = await widgetIn(host);
    element.theme = 'dark';
    await element.updateComplete;
    expect(getComputedStyle(submitButton(element)).backgroundColor).to.equal('rgb(255, 200, 0)');
  });

  it('lay the fields out in one column with layout="stacked"', async () => {
    const element = await widgetIn(await fixture<HTMLElement>(html`<div style="width: 800px"></div>`));
    element.layout = 'stacked';
    await element.updateComplete;
    const [first, second] = [...element.querySelectorAll('.lc-field')].map((field) => field.getBoundingClientRect());
    expect(second!.top).to.be.greaterThan(first!.bottom - 1);
  });

  it('put the fields and the button in one row with layout="inline"', async () => {
    const element = await widgetIn(await fixture<HTMLElement>(html`<div style="width: 900px; --lead-capture-max-width: 900px"></div>`));
    element.layout = 'inline';
    await element.updateComplete;
    const field = element.querySelector('.lc-field')!.getBoundingClientRect();
    const button = submitButton(element).getBoundingClientRect();
    expect(button.left).to.be.greaterThan(field.right);
    expect(button.bottom).to.be.closeTo(field.bottom, 4);
  });

  it('leave the widget’s outer box for the host page to place (margin, width)', async () => {
    const host = await fixture<HTMLElement>(html`<div style="width: 800px"></div>`);
    const sheet = addSheet('lead-capture.placed { margin: 0 auto; width: 500px; }');
    try {
      const element = await widgetIn(host);
      element.classList.add('placed');
      const box = element.getBoundingClientRect();
      const hostBox = host.getBoundingClientRect();
      expect(box.width).to.equal(500);
      expect(box.left - hostBox.left).to.be.closeTo(150, 1);
    } finally {
      sheet.remove();
    }
  });

  it('keep the button beside the fields in layout="inline" even with a message showing', async () => {
    const element = await widgetIn(await fixture<HTMLElement>(html`<div style="width: 900px; --lead-capture-max-width: 900px"></div>`));
    element.layout = 'inline';
    element.required = 'email';
    await element.updateComplete;
    await element.submit();
    const field = element.querySelector('.lc-field')!.getBoundingClientRect();
    const button = submitButton(element).getBoundingClientRect();
    expect(button.top).to.be.below(field.bottom);
  });

  it('use a <style nonce> in a shadow root whose page asks for one, instead of a constructable sheet', async () => {
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const element = document.createElement('lead-capture');
    element.setAttribute('style-nonce', 'abc123');
    element.setAttribute('fields', 'email');
    root.append(element);
    await element.updateComplete;
    const style = root.querySelector<HTMLStyleElement>('style[data-lead-capture]');
    expect(style?.nonce).to.equal('abc123');
    expect(root.adoptedStyleSheets).to.have.length(0);
    expect(getComputedStyle(submitButton(element)).backgroundColor).to.equal('rgb(10, 85, 194)');
  });
});
