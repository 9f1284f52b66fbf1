import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LeadCaptureBuilder, SettingsStore } from '../../src/builder/builder-element.js';
import '../../src/builder/main.js';
import { prerenderedMarkup } from '../../src/builder/prerender.js';
import { until } from '../helpers/form.js';
import { newScenario } from '../helpers/standins.js';

/** Settings kept in memory, as the page URL would keep them. */
export class MemoryStore implements SettingsStore {
  constructor(public query = '') {}
  read(): string {
    return this.query;
  }
  write(query: string): void {
    this.query = query;
  }
}

/** A clipboard that keeps what was copied. */
export class FakeClipboard {
  text: string | undefined;
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
}

export interface OpenBuilder {
  readonly builder: LeadCaptureBuilder;
  readonly store: MemoryStore;
  readonly clipboard: FakeClipboard;
  readonly scenario: string;
}

/**
 * An SRI manifest of the bundles as this test server serves them. (It re-prints JavaScript, so the
 * bytes differ from dist/, whose own hashes test/node/sri.node-test.ts checks.)
 */
export async function servedSriManifest(): Promise<string> {
  const manifest: Record<string, string> = {};
  // The build's file names (the bundles and the module build's chunks); the hashes are the test's own.
  const files = Object.keys((await (await fetch('/dist/sri.json')).json()) as Record<string, string>);
  for (const file of files) {
    const bytes = await (await fetch(`/dist/${file}`)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    manifest[file] = `sha384-${btoa(String.fromCharCode(...digest))}`;
  }
  return `data:application/json,${encodeURIComponent(JSON.stringify(manifest))}`;
}

/** The builder as a marketer opens it (from a link's settings, if given), its preview on a fresh stand-in scenario. */
export async function openBuilder(query = '', sriUrl = '/dist/sri.json'): Promise<OpenBuilder> {
  const scenario = newScenario();
  const store = new MemoryStore(query);
  const clipboard = new FakeClipboard();
  const backend = { relay: `/relay/${scenario}/v1`, standins: '/standins', scenario };
  const builder = await fixture<LeadCaptureBuilder>(
    html`<lead-capture-builder .store=${store} .backend=${backend} .clipboard=${clipboard} sri-url=${sriUrl}></lead-capture-builder>`,
  );
  await until(() => builder.querySelector('#preview lead-capture form') !== null, 'the preview to render', 15_000);
  await until(() => builder.querySelector('#b-sri[data-state="loading"]') === null, 'the SRI hashes to load or be missed', 15_000);
  await until(() => preview(builder).getAttribute('endpoint') !== null, 'the test relay to answer', 15_000);
  await settled(builder);
  return { builder, store, clipboard, scenario };
}

/** builder.html as a browser opens it, in a frame of this size: its own Content-Security-Policy, its settings in its URL. */
export async function openPage(
  search = '',
  size = { width: 1280, height: 900 },
): Promise<{ frame: HTMLIFrameElement; builder: LeadCaptureBuilder; violations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.width = `${size.width}px`;
  frame.style.height = `${size.height}px`;
  frame.style.border = '0';
  frame.src = `/builder.html${search}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const violations: string[] = [];
  frame.contentDocument!.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  await until(() => frame.contentDocument?.querySelector('#preview lead-capture form') !== null, 'the builder page to render', 20_000);
  const builder = frame.contentDocument!.querySelector<LeadCaptureBuilder>('lead-capture-builder')!;
  await until(() => builder.querySelector('#b-sri[data-state="loading"]') === null, 'the SRI hashes');
  await settled(builder);
  return { frame, builder, violations };
}

/**
 * Waits until the embed code holds the preview's latest first screen as its prerendered form (the
 * builder reads it once the preview has rendered), when the prerendered form is chosen.
 */
export async function settled(builder: LeadCaptureBuilder): Promise<void> {
  await until(() => {
    if (builder.querySelector<HTMLInputElement>('#b-prerender')?.checked !== true) return true;
    const snippet = snippetText(builder);
    const token = embedToken(snippet);
    const markup = token === undefined ? undefined : prerenderedMarkup(preview(builder), token);
    return markup !== undefined && snippet.includes(markup);
  }, 'the embed code to hold the preview’s form', 15_000);
}

/** The prerendered form's token an embed code carries (its element's `prerendered` attribute). */
export function embedToken(snippet: string): string | undefined {
  return /\sprerendered="(lc-p-[0-9a-f]+)"/.exec(snippet)?.[1];
}

function normalised(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The control a label names, as a person finds it (by what a screen reader reads of the label). */
export function control<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string): T {
  const found = [...root.querySelectorAll('label')].find((each) => spoken(each) === label)?.control;
  if (!found) throw new Error(`no control labelled “${label}”`);
  return found as unknown as T;
}

/** What a screen reader reads of an element's text: visually hidden parts in, aria-hidden parts out. */
function spoken(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return normalised(copy.textContent);
}

/** The button a screen reader names `name`. */
export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((each) => spoken(each) === name);
  if (!found) throw new Error(`no button “${name}”`);
  return found;
}

/** Focuses the control and acts on it with the keyboard, then lets the builder render. */
export async function press(builder: LeadCaptureBuilder, element: HTMLElement, key: string): Promise<void> {
  element.focus();
  await sendKeys({ press: key });
  await builder.updateComplete;
}

/** Types into a control with the keyboard (after selecting what is there, so it is replaced). */
export async function typeInto(builder: LeadCaptureBuilder, element: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  element.focus();
  element.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
  await builder.updateComplete;
}

/** Chooses an option of a select with the keyboard: focus it and type the start of the option's text. */
export async function chooseOption(builder: LeadCaptureBuilder, select: HTMLSelectElement, text: string): Promise<void> {
  select.focus();
  await sendKeys({ type: text });
  await builder.updateComplete;
  const chosen = select.selectedOptions[0]?.textContent ?? '';
  if (!chosen.startsWith(text)) throw new Error(`typing “${text}” chose “${chosen}”`);
}

export function preview(builder: LeadCaptureBuilder): HTMLElement {
  const element = builder.querySelector<HTMLElement>('#preview lead-capture');
  if (!element) throw new Error('no preview');
  return element;
}

export function snippetText(builder: LeadCaptureBuilder): string {
  return builder.querySelector('#snippet')?.textContent ?? '';
}

/** The `<lead-capture>` of a snippet, as a browser parses it. */
export function snippetElement(snippet: string): Element {
  const element = new DOMParser().parseFromString(snippet, 'text/html').querySelector('lead-capture');
  if (!element) throw new Error('no <lead-capture> in the snippet');
  return element;
}

/** An element's attributes as a plain object. */
/** The element's settings: its attributes but the prerendered form's token (`prerendered`, fresh for each embed code). */
export function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries([...element.attributes].filter((attribute) => attribute.name !== 'prerendered').map((attribute) => [attribute.name, attribute.value]));
}

/** An embed code with its prerendered form's token, fresh for each embed code made, as `lc-p-TOKEN`. */
export function untokened(snippet: string): string {
  return snippet.replace(/lc-p-[0-9a-f]{10}/g, 'lc-p-TOKEN');
}

/** The form's inputs as a person sees them: name and label, in order. */
export function formFields(element: Element): string[] {
  return [...element.querySelectorAll('.lc-field')].map((field) => {
    const input = field.querySelector('input, select, textarea');
    return `${input?.getAttribute('name')}: ${normalised(field.querySelector('label, legend')?.textContent)}`;
  });
}

/** A blank page on this server, holding only what was copied, as a marketer pastes it. */
export async function pasteIntoBlankPage(snippet: string, head = ''): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '1000px';
  frame.src = '/test/builder/blank.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const page = frame.contentDocument!;
  page.open();
  page.write(`<!doctype html><html lang="en"><head><meta charset="utf-8">${head}<title>Landing page</title></head><body>${snippet}</body></html>`);
  page.close();
  // Deferred and module scripts have run (or been refused) once the page is complete.
  await until(() => page.readyState === 'complete', 'the pasted page to load', 20_000);
  return frame;
}
