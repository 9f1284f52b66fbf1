import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ConsentRecord } from '../consent/record.js';
import type { ConsentRecordOptions } from './consent-record.js';
import type { ConsentDisclosure, ConsentView } from './consent-disclosure.js';
import { consentPart, loadConsentPart } from './consent-part.js';

/**
 * The consent block's state: whether the form asks for consent, the boxes the person ticked and when,
 * and the record of what they saw and agreed to. What the block shows (the disclosure and its boxes,
 * consent-disclosure.ts) and the building of the record (consent-record.ts) come in the consent chunk,
 * which a form that asks for consent loads before it first renders (consent-part.ts).
 */
export class ConsentController implements ReactiveController {
  /** When each box was last checked, by seller index (0 for the single box); absent when unchecked. */
  readonly #checkedAt = new Map<number, Date>();
  #template: HTMLTemplateElement | null = null;
  #disclosure: ConsentDisclosure | undefined;
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

  /**
   * The record of this consent, from the text as it is rendered now, built by the consent chunk
   * (consent-record.ts). Never without the text: should that chunk still be on its way, the record
   * waits for it and for the form to show the block.
   */
  async record(options: ConsentRecordOptions): Promise<ConsentRecord> {
    let part = consentPart();
    if (!part) {
      part = await loadConsentPart();
      await this.host.updateComplete;
    }
    return part.recordConsent(this.host, this.#checkedAt, options);
  }

  /** The disclosure and its boxes, once the consent chunk is here (the form waits for it before rendering). */
  render(options: Omit<ConsentView, 'template' | 'checked'>): TemplateResult | typeof nothing {
    const part = consentPart();
    if (!part) return nothing;
    this.#disclosure ??= new part.ConsentDisclosure();
    return this.#disclosure.render({ ...options, template: this.#template, checked: (index) => this.#checkedAt.has(index) });
  }
}
