import { html, nothing, type TemplateResult } from 'lit';
import { sanitizeDisclosure } from '../consent/sanitize.js';

const PLACEHOLDER = '{sellers}';

/** "A", "A and B", "A, B and C". */
function joinNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/** What the consent block shows: the form's words and settings, and ConsentController's state. */
export interface ConsentView {
  readonly id: string;
  readonly text: string;
  readonly sellers: readonly string[];
  readonly required: boolean;
  readonly error: string;
  readonly and: string;
  /** The page's `<template slot="consent">`, or null: the disclosure is then the `consent` text. */
  readonly template: HTMLTemplateElement | null;
  /** Whether this seller's box (0 for the single box) is ticked. */
  readonly checked: (index: number) => boolean;
}

/**
 * The consent block as the person sees it, in the consent chunk (`lead-capture.consent.js`), which
 * only a form that asks for consent loads, before it first renders: the disclosure (from the
 * `consent` attribute, or a sanitised `<template slot="consent">`) and an opt-in box that is never
 * pre-checked (one per seller when there are several: one-to-one consent). ConsentController
 * (consent-controller.ts) keeps what was ticked and when, and builds the record from what this shows.
 *
 * Tagged for the recorders (DESTINATIONS.md): `data-tf-element-role` `offer`, `consent-language`,
 * `consent-advertiser-name` (one seller) or `consent-opted-advertiser-input-n` / `-name-n` (several),
 * and Jornaya's `data-leadid-type` `disclosure` / `brand`.
 */
export class ConsentDisclosure {
  #templateCopy: { sellers: string; node: HTMLElement } | undefined;

  /** The disclosure with `{sellers}` filled: plain text from the attribute, or the sanitised template. */
  #disclosure(view: ConsentView): unknown {
    const { sellers, template } = view;
    const names = joinNames(sellers, view.and);
    const single = sellers.length === 1;
    const sellerSpan = () => html`<span class="lc-seller-names" data-tf-element-role=${single ? 'consent-advertiser-name' : nothing}>${names}</span>`;
    if (!template) {
      const parts = view.text.split(PLACEHOLDER);
      return parts.map((part, index) => (index === 0 ? part : html`${sellerSpan()}${part}`));
    }
    const key = sellers.join('\n');
    if (this.#templateCopy?.sellers !== key) {
      const wrapper = document.createElement('span');
      wrapper.append(sanitizeDisclosure(template));
      fillPlaceholders(wrapper, names, single);
      this.#templateCopy = { sellers: key, node: wrapper };
    }
    return this.#templateCopy.node;
  }

  render(options: ConsentView): TemplateResult {
    const { id, sellers, error } = options;
    const errorId = `${id}-error`;
    const describedBy = error === '' ? undefined : errorId;
    const disclosure = this.#disclosure(options);
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
              .checked=${options.checked(index)}
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
          .checked=${options.checked(0)}
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

