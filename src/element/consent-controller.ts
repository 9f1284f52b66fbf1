import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { buildConsentRecord, type ConsentRecord } from '../consent/record.js';
import { sanitizeDisclosure } from '../consent/sanitize.js';

const PLACEHOLDER = '{sellers}';

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/**
 * The consent block: the disclosure (from the `consent` attribute, or a sanitised
 * `<template slot="consent">`), an opt-in box that is never pre-checked (one per seller when there
 * are several: one-to-one consent), and the record of what the person saw and agreed to.
 *
 * Tagged for the recorders (DESTINATIONS.md): `data-tf-element-role` `offer`, `consent-language`,
 * `consent-advertiser-name` (one seller) or `consent-opted-advertiser-input-n` / `-name-n` (several),
 * and Jornaya's `data-leadid-type` `disclosure` / `brand`.
 */
export class ConsentController implements ReactiveController {
  /** When each box was last checked, by seller index (0 for the single box); absent when unchecked. */
  readonly #checkedAt = new Map<number, Date>();
  #template: HTMLTemplateElement | null = null;
  #templateCopy: { sellers: string; node: HTMLElement } | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#template = this.host.querySelector<HTMLTemplateElement>(':scope > template[slot="consent"]');
  }

  /** Whether this form asks for consent at all. */
  asked(text: string): boolean {
    return text !== '' || this.#template !== null;
  }

  /** Whether the person has agreed (any box checked). */
  given(): boolean {
    return this.#checkedAt.size > 0;
  }

  /** Calls `listener` after each box the person ticks or unticks. */
  onChange(listener: () => void): void {
    this.#listeners.add(listener);
  }

  clear(): void {
    this.#checkedAt.clear();
    this.host.requestUpdate();
  }

  handleChange(event: Event): void {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || box.name !== 'consent') return;
    const index = Number(box.dataset['sellerIndex'] ?? 0);
    if (box.checked) this.#checkedAt.set(index, new Date());
    else this.#checkedAt.delete(index);
    this.host.requestUpdate();
    for (const listener of this.#listeners) listener();
  }

  /** The record of this consent, from the text as it is rendered now. */
  async record(options: { sellers: readonly string[]; version: string | undefined; pageUrl: string; now: Date }): Promise<ConsentRecord> {
    const block = this.host.querySelector(':scope > form.lc-form .lc-consent');
    const rendered = [...(block?.querySelectorAll<HTMLElement>('.lc-consent-text, .lc-seller') ?? [])].map((part) => part.innerText).join(' ');
    const agreedTo = options.sellers.length > 1 ? options.sellers.filter((_, index) => this.#checkedAt.has(index)) : [...options.sellers];
    const times = [...this.#checkedAt.values()].map((time) => time.getTime());
    return buildConsentRecord({
      rendered,
      sellers: agreedTo,
      checkedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
      submittedAt: options.now,
      pageUrl: options.pageUrl,
      ...(options.version === undefined ? {} : { version: options.version }),
    });
  }

  /** The disclosure with `{sellers}` filled: plain text from the attribute, or the sanitised template. */
  #disclosure(text: string, sellers: readonly string[], and: string): unknown {
    const names = joinNames(sellers, and);
    const single = sellers.length === 1;
    const sellerSpan = () => html`<span class="lc-seller-names" data-tf-element-role=${single ? 'consent-advertiser-name' : nothing}>${names}</span>`;
    if (!this.#template) {
      const parts = text.split(PLACEHOLDER);
      return parts.map((part, index) => (index === 0 ? part : html`${sellerSpan()}${part}`));
    }
    const key = sellers.join('\n');
    if (this.#templateCopy?.sellers !== key) {
      const wrapper = document.createElement('span');
      wrapper.append(sanitizeDisclosure(this.#template));
      fillPlaceholders(wrapper, names, single);
      this.#templateCopy = { sellers: key, node: wrapper };
    }
    return this.#templateCopy.node;
  }

  render(options: {
    id: string;
    text: string;
    sellers: readonly string[];
    required: boolean;
    error: string;
    and: string;
  }): TemplateResult {
    const { id, sellers, error } = options;
    const errorId = `${id}-error`;
    const describedBy = error === '' ? undefined : errorId;
    const disclosure = this.#disclosure(options.text, sellers, options.and);
    const errorLine = html`<p class="lc-error" id=${errorId}>${error}</p>`;
    if (sellers.length > 1) {
      // The error is described on each box, where focus goes, not on the fieldset (read only on entering it).
      return html`<fieldset class="lc-consent" data-tf-element-role="offer">
        <legend class="lc-consent-text" data-tf-element-role="consent-language">${disclosure}</legend>
        ${sellers.map(
          (seller, index) => html`<div class="lc-consent-row">
            <input
              class="lc-checkbox"
              type="checkbox"
              id=${`${id}-${index + 1}`}
              name="consent"
              value=${seller}
              data-seller-index=${index}
              data-tf-element-role=${`consent-opted-advertiser-input-${index + 1}`}
              aria-invalid=${error === '' ? 'false' : 'true'}
              aria-describedby=${describedBy ?? nothing}
              .checked=${this.#checkedAt.has(index)}
            />
            <label
              class="lc-seller"
              for=${`${id}-${index + 1}`}
              data-tf-element-role=${`consent-opted-advertiser-name-${index + 1}`}
              data-leadid-type="brand"
              >${seller}</label
            >
          </div>`,
        )}
        ${errorLine}
      </fieldset>`;
    }
    return html`<div class="lc-consent" data-tf-element-role="offer">
      <div class="lc-consent-row">
        <input
          class="lc-checkbox"
          type="checkbox"
          id=${id}
          name="consent"
          value="yes"
          data-seller-index="0"
          data-leadid-type="disclosure"
          ?required=${options.required}
          aria-invalid=${error === '' ? 'false' : 'true'}
          aria-describedby=${describedBy ?? nothing}
          .checked=${this.#checkedAt.has(0)}
        />
        <label class="lc-consent-text" for=${id} data-tf-element-role="consent-language">${disclosure}</label>
      </div>
      ${errorLine}
    </div>`;
  }
}

/** Replaces `{sellers}` in a sanitised disclosure's text nodes with the seller names, tagged. */
function fillPlaceholders(root: HTMLElement, names: string, single: boolean): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const textNode of texts) {
    const parts = (textNode.textContent ?? '').split(PLACEHOLDER);
    if (parts.length === 1) continue;
    const pieces: Node[] = [];
    parts.forEach((part, index) => {
      if (index > 0) {
        const span = document.createElement('span');
        span.className = 'lc-seller-names';
        if (single) span.dataset['tfElementRole'] = 'consent-advertiser-name';
        span.textContent = names;
        pieces.push(span);
      }
      pieces.push(document.createTextNode(part));
    });
    textNode.replaceWith(...pieces);
  }
}

