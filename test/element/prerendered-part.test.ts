import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import { prerenderedMarkup, prerenderToken } from '../../src/builder/prerender.js';
import { chunks } from '../../src/element/chunks.js';
import { LeadCapture } from '../../src/element/lead-capture.js';
import { count, restoreChunks, restoreLater } from '../helpers/chunks.js';
import { control, until } from '../helpers/form.js';

/**
 * The takeover of a prerendered form is a chunk of its own (`lead-capture.prerendered.js`,
 * src/element/prerendered-part.ts): only an element holding the builder's markup loads it, before its
 * first update, and the markup stays on screen, usable, until it has come. A page of its own, so the
 * chunk (loaded once per page) has not come before these tests.
 */

const ATTRIBUTES = { persist: 'none', tracking: 'off', fields: 'first_name email', required: 'email' };

afterEach(() => {
  restoreChunks();
  fixtureCleanup();
});

let pages = 0;

/** The builder's markup for these attributes inside an element whose tag is defined (as the widget) only by `arrive()`. */
async function prerenderedPage(): Promise<{ element: LeadCapture; arrive: () => void }> {
  const preview = document.createElement('lead-capture') as LeadCapture;
  for (const [name, value] of Object.entries(ATTRIBUTES)) preview.setAttribute(name, value);
  document.body.append(preview);
  await preview.updateComplete;
  const token = prerenderToken();
  const markup = prerenderedMarkup(preview, token)!;
  preview.remove();
  const tag = `lead-capture-part-${++pages}`;
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const attributes = Object.entries({ ...ATTRIBUTES, prerendered: token }).map(([name, value]) => `${name}="${value}"`).join(' ');
  holder.innerHTML = `<${tag} ${attributes}>\n${markup}\n</${tag}>`;
  const element = holder.querySelector(tag) as LeadCapture;
  return { element, arrive: () => customElements.define(tag, class extends LeadCapture {}) };
}

describe('the takeover of a prerendered form, a chunk only an element holding one loads', () => {
  it('an element without prerendered markup never asks for it, and renders its form', async () => {
    const takeover = count('prerendered');
    const element = await fixture<LeadCapture>(html`<lead-capture persist="none" fields="first_name email"></lead-capture>`);
    await element.updateComplete;
    expect(element.querySelector(':scope > form.lc-form')).to.exist;
    expect(takeover.asked).to.equal(0);
  });

  it('failing to load at first, leaves the markup on screen with what was typed, then takes it over keeping it', async () => {
    const original = chunks.prerendered;
    let failures = 1;
    chunks.prerendered = () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original());
    restoreLater(() => (chunks.prerendered = original));
    const { element, arrive } = await prerenderedPage();
    element.querySelector<HTMLInputElement>('[data-lc-prerendered] [name="first_name"]')!.focus();
    await sendKeys({ type: 'Jane' });
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(element.querySelector('[data-lc-prerendered]'), 'the markup stays while its takeover is on its way').to.exist;
    expect(element.querySelector(':scope > form.lc-form'), 'and no second form beside it').to.equal(null);
    await sendKeys({ type: ' Doe' });
    await until(() => element.querySelector('[data-lc-prerendered]') === null, 'the takeover, once its chunk has come');
    expect(control(element, 'first_name').value).to.equal('Jane Doe');
    expect(element.values).to.deep.equal({ first_name: 'Jane Doe' });
  });
});
