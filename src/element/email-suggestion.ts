import { html, type TemplateResult } from 'lit';
import { chunks } from './chunks.js';
import { loadOnce } from './load-once.js';
import type { FieldResult } from '../fields/validate.js';
import type { UiStrings } from './strings/index.js';

/**
 * "Did you mean …?" under the email: a likely typo's correction (`jane@gmial.com`), or the clean form
 * of an address refused for white space inside (`jane doe@example.com` → `janedoe@example.com`). Only
 * ever offered, the person takes it in one tap; offered once before sending, never in the way twice.
 */
export class EmailSuggestion {
  /** The typo table's lookup, once its chunk (`lead-capture.email-typos.js`) is here. */
  #suggest: ((typed: string) => string | undefined) | undefined;
  /** The suggestion showing under the field. */
  #showing: string | undefined;
  /** The address a suggestion was last offered for. */
  #offeredFor: string | undefined;

  get showing(): string | undefined {
    return this.#showing;
  }

  /** Loads the typo table, once per page: called as soon as someone types in the email field. */
  readonly load: () => Promise<void> = loadOnce(() =>
    chunks.emailTypos().then(({ suggestEmail }) => void (this.#suggest = suggestEmail)),
  );

  /**
   * After the email was checked: for a valid address its likely typo's correction, for one refused as
   * an address the corrected form; either only when `isValid` accepts it. Returns a promise only when
   * the table had still to arrive (the suggestion then shows when it does).
   */
  afterCheck(raw: string, result: FieldResult | undefined, isValid: (email: string) => boolean): Promise<void> | undefined {
    const suggest = this.#suggest;
    if (!suggest) return this.load().then(() => this.afterCheck(raw, result, isValid));
    const candidate = result?.ok ? (result.value === undefined ? undefined : suggest(result.value)) : result?.error === 'email' ? suggest(raw) : undefined;
    this.#showing = candidate !== undefined && isValid(candidate) ? candidate : undefined;
    if (this.#showing && result?.ok) this.#offeredFor = result.value;
    return undefined;
  }

  /** The correction of a valid address about to be sent, unless it was offered for this address already. */
  async offerBeforeSending(email: string): Promise<string | undefined> {
    await this.load();
    const suggestion = this.#suggest?.(email);
    if (suggestion === undefined || this.#offeredFor === email) return undefined;
    this.#offeredFor = email;
    this.#showing = suggestion;
    return suggestion;
  }

  /** The suggestion taken (it leaves the screen), or undefined. */
  take(): string | undefined {
    const suggestion = this.#showing;
    this.#showing = undefined;
    return suggestion;
  }

  /** The person typed again: whatever was suggested no longer fits. */
  hide(): void {
    this.#showing = undefined;
  }

  clear(): void {
    this.#showing = undefined;
    this.#offeredFor = undefined;
  }

  template(strings: UiStrings, onUse: () => void): TemplateResult | undefined {
    const suggestion = this.#showing;
    if (suggestion === undefined) return undefined;
    return html`${strings.didYouMean(suggestion)}
      <button class="lc-link-button lc-use-suggestion" type="button" @click=${onUse}>${strings.useSuggestion(suggestion)}</button>`;
  }
}
