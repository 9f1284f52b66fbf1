import type { LeadCapture } from '../element/lead-capture.js';
import type { EmbedAttribute } from './attributes.js';
import { relayWithQuestions } from './question-token.js';

/** Where the preview sends test leads: the demo's relay and stand-ins (demo/backends.ts). */
export interface PreviewBackend {
  /** The relay's base URL, delivering to the stand-ins of `scenario`. */
  readonly relay: string;
  /** Where the stand-ins answer (`/standins`). */
  readonly standins: string;
  readonly scenario: string;
}

export const DEMO_BACKEND: PreviewBackend = { relay: '/relay/v1', standins: '/standins', scenario: 'demo' };

/** The embed's inline style: the preview sets the same properties through the CSSOM instead. */
const EMBED_ONLY = new Set(['style']);

/**
 * The embed's attributes as the preview uses them: delivering to the test backend instead of the
 * page's relay (or nowhere, when there is none: the widget then says it is not set up to send) —
 * with questions, to the backend's relay configured with them, as the relay fragment has it — and
 * loading the consent recorders' stand-ins. Everything else exactly as the snippet has it.
 */
export function previewAttributes(embed: readonly EmbedAttribute[], backend: PreviewBackend | undefined): EmbedAttribute[] {
  const direct = embed.some(([name, value]) => name === 'adapter' && value === 'webhook');
  const questions = embed.find(([name]) => name === 'questions')?.[1];
  // The demo relay validates answers from its own config: the one over these questions.
  const relay = backend && typeof questions === 'string' ? relayWithQuestions(backend.relay, questions) : backend?.relay;
  const out: EmbedAttribute[] = [];
  for (const [name, value] of embed) {
    if (EMBED_ONLY.has(name)) continue;
    if (name === 'endpoint') {
      const endpoint = !backend ? '' : direct ? `${backend.standins}/webhook/${backend.scenario}` : relay;
      if (endpoint) out.push(['endpoint', endpoint]);
      continue;
    }
    out.push([name, value]);
    if (backend && name === 'trustedform') out.push(['trustedform-src', `${backend.standins}/trustedform/trustedform.js`]);
    if (backend && name === 'jornaya' && typeof value === 'string') out.push(['jornaya-src', `${backend.standins}/jornaya/campaign/${encodeURIComponent(value)}.js`]);
  }
  return out;
}

/**
 * Keeps the real `<lead-capture>` in `#preview` in step with the settings. A changed value is set
 * in place (what a person typed stays); when attributes come or go the element is made afresh, as
 * a page pasting the new snippet would have it, with the values typed so far. Custom properties
 * are set through the CSSOM, which a strict style-src allows (a `style` attribute it does not). A
 * thank-you page is handed to `navigate` instead of followed, so the builder stays open.
 */
export class PreviewElement {
  #element: LeadCapture;
  #names = '';

  constructor(
    readonly host: HTMLElement,
    readonly navigate: (url: string) => void,
  ) {
    this.#element = host.ownerDocument.createElement('lead-capture') as LeadCapture;
  }

  get element(): LeadCapture {
    return this.#element;
  }

  apply(attributes: readonly EmbedAttribute[], style: readonly (readonly [string, string])[]): void {
    const names = attributes.map(([name]) => name).join(' ');
    if (names !== this.#names || !this.#element.isConnected) {
      const fresh = this.host.ownerDocument.createElement('lead-capture') as LeadCapture;
      if (this.#element.isConnected) fresh.values = { ...this.#element.values };
      fresh.navigate = this.navigate;
      this.#element = fresh;
      this.#names = names;
      this.#set(attributes, style);
      this.host.replaceChildren(fresh);
      return;
    }
    this.#set(attributes, style);
  }

  #set(attributes: readonly EmbedAttribute[], style: readonly (readonly [string, string])[]): void {
    for (const [name, value] of attributes) {
      const text = value === true ? '' : value;
      if (this.#element.getAttribute(name) !== text) this.#element.setAttribute(name, text);
    }
    for (const property of [...this.#element.style]) this.#element.style.removeProperty(property);
    for (const [property, value] of style) this.#element.style.setProperty(property, value);
  }
}
