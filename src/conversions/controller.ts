import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LeadFields, Outcome } from '../adapters/lead.js';
import type { hashedUserData } from './enhanced.js';
import { ConversionReporter, type ConversionSettings } from './reporter.js';

/** The element as conversions see it: its settings, and how it leaves the page. */
export interface ConversionsHost extends ReactiveControllerHost, HTMLElement {
  readonly datalayer: string;
  readonly enhancedConversions: boolean;
  readonly successUrl: string;
  readonly rejectedUrl: string;
  readonly destination: string;
  readonly adapter: string | { readonly name: string };
  readonly navigate: (url: string) => void;
}

/**
 * The hashing of enhanced conversions, loaded on demand (its own chunk): the element passes its chunk
 * loader in (src/element/enhanced-conversions-part.ts, handed over by send-parts-controller.ts), so
 * conversions never reach into the element.
 */
export type LoadHashing = () => Promise<{ readonly hashedUserData: typeof hashedUserData }>;

/** What conversions read of the element's own events (events.ts); only these members. */
type Detail<T> = CustomEvent<T>;
interface SubmitDetail {
  readonly envelope: { readonly lead: LeadFields };
  readonly idempotencyKey: string;
}

/**
 * Conversions follow the element's public events, so they stay out of its delivery: `lead-submit`
 * says which lead the person is waiting for; `lead-submitted`, `lead-error` (a rejection),
 * `lead-invalid` and `lead-step` become dataLayer events and, for a final outcome, the page for it.
 * Each is handled after the event has finished its way through the page, so a page's own listener
 * acts first, and cancelling `lead-submitted` or `lead-error` keeps the person on the page.
 */
export class ConversionsController implements ReactiveController {
  readonly #reporter: ConversionReporter;
  /** The lead sent from this page view: its key and values (for the hashes), until its outcome. */
  #waiting: { readonly key: string; readonly lead: LeadFields } | undefined;
  readonly #listeners: Readonly<Record<string, (event: Event) => void>> = {
    'lead-submit': (event) => {
      const { envelope, idempotencyKey } = (event as Detail<SubmitDetail>).detail;
      this.#waiting = { key: idempotencyKey, lead: envelope.lead };
    },
    'lead-submitted': (event) => {
      const { outcome, idempotencyKey } = (event as Detail<{ outcome: Outcome; idempotencyKey: string }>).detail;
      void this.#after(event, outcome, idempotencyKey);
    },
    'lead-error': (event) => {
      const { outcome, stage } = (event as Detail<{ outcome: Outcome; stage: string }>).detail;
      // A consent the page kept from being seen is refused by the widget itself (stage `consent`), not
      // by a buyer: the person stays to be told, never sent to the offer wall for the page's fault.
      if (stage === 'consent') return;
      if (outcome.status === 'rejected' && this.#waiting) void this.#after(event, outcome, this.#waiting.key);
    },
    'lead-invalid': (event) => {
      const { errors } = (event as Detail<{ errors: Readonly<Record<string, unknown>> }>).detail;
      this.#reporter.invalid(this.#settings(), Object.keys(errors));
    },
    'lead-step': (event) => {
      const { step, total } = (event as Detail<{ step: number; total: number }>).detail;
      this.#reporter.step(this.#settings(), step, total);
    },
  };

  constructor(
    private readonly host: ConversionsHost,
    private readonly hashing: LoadHashing,
  ) {
    this.#reporter = new ConversionReporter(
      window,
      (url) => this.host.navigate(url),
      async (lead) => (await hashing()).hashedUserData(lead),
    );
    host.addController(this);
  }

  hostConnected(): void {
    for (const [name, listener] of Object.entries(this.#listeners)) this.host.addEventListener(name, listener);
    // Ahead of the lead, so its generate_lead never waits for the hashing's code; only where the hashes
    // can be used (with datalayer="off" nothing is pushed, so nothing is hashed).
    if (this.host.enhancedConversions && this.host.datalayer !== 'off') void this.hashing().catch(() => undefined);
  }

  hostDisconnected(): void {
    for (const [name, listener] of Object.entries(this.#listeners)) this.host.removeEventListener(name, listener);
  }

  async #after(event: Event, outcome: Outcome, key: string): Promise<void> {
    // The event has reached every listener of the page by the time this runs.
    await Promise.resolve();
    const waiting = this.#waiting?.key === key ? this.#waiting : undefined;
    if (waiting) this.#waiting = undefined;
    await this.#reporter.outcome(this.#settings(), {
      eventId: key,
      status: outcome.status,
      // A lead resumed after a reload has no values here: its event goes without hashes.
      fields: waiting?.lead ?? {},
      // Only the person who pressed Submit in this page view is moved, and only if the page did not take over.
      leave: waiting !== undefined && !event.defaultPrevented,
    });
  }

  #settings(): ConversionSettings {
    const { host } = this;
    return {
      dataLayer: host.datalayer !== 'off',
      enhancedConversions: host.enhancedConversions,
      successUrl: host.successUrl,
      rejectedUrl: host.rejectedUrl,
      destination: host.destination || (typeof host.adapter === 'string' ? host.adapter : host.adapter.name),
    };
  }
}
