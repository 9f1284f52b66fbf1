import type { Locale } from '../fields/messages/locales.js';
import { localeOf } from './config.js';
import { LeadErrorEvent } from './events.js';
import type { LeadCaptureProperties } from './lead-capture-properties.js';
import { unavailableText } from './strings/unavailable.js';
import type { UnavailableKey } from './strings/types.js';

/**
 * A chunk the form needs could not be loaded, even after trying again (chunk-retry.ts): the person
 * is told in the widget and the page by a `lead-error` at stage `load` (`retryable`: it is tried
 * again). `formUnavailable`: the form cannot show itself as configured (its words, questions, date of
 * birth or consent disclosure), so the form, or the prerendered markup, stays as it was under a notice
 * of its own (no render can show it: the form's renders wait for the chunk). `sendUnavailable`: what
 * Submit needs (the rules, delivery, the consent check) did not come; the element shows that in its
 * alert region. Either sentence is the page's own when it gives one in `messages.ui`.
 */
export function loadErrorEvent(message: string): LeadErrorEvent {
  return new LeadErrorEvent({ stage: 'load', retryable: true, message, outcome: { status: 'failed', retryable: true, code: 'not_loaded', message } });
}

/** The form's language as the page asked for it, whether or not its words have come. */
const pageLocale = (host: LeadCaptureProperties): Locale => localeOf(host.locale) ?? 'en';

/** What the person is told when a chunk could not be loaded: the page's words (`messages.ui`, as given: its own configuration may be what waits), else ours. */
export function unavailableMessage(host: LeadCaptureProperties, key: UnavailableKey): string {
  return unavailableText(key, pageLocale(host), host.messages?.ui);
}

/** The notice above a form that cannot show itself as configured: a plain element beside Lit's render, gone once the chunk arrives. */
export class UnavailableNotice {
  #notice: HTMLElement | undefined;

  constructor(private readonly host: LeadCaptureProperties) {}

  /** Shows the notice (once), in the form's language, and tells the page; the form or markup below stays as it was. */
  show(): void {
    if (this.#notice?.isConnected) return;
    const message = unavailableMessage(this.host, 'formUnavailable');
    const notice = (this.#notice ??= this.host.ownerDocument.createElement('p'));
    notice.className = 'lc-alert lc-unavailable';
    notice.setAttribute('role', 'alert');
    notice.lang = pageLocale(this.host);
    notice.textContent = message;
    this.host.prepend(notice);
    this.host.dispatchEvent(loadErrorEvent(message));
  }

  hide(): void {
    this.#notice?.remove();
  }
}
