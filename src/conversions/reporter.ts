import type { LeadFields, OutcomeStatus } from '../adapters/lead.js';
import { countsAsLead, invalidEvent, leadEvent, pushEvent, stepEvent } from './datalayer.js';
import type { HashedUserData } from './enhanced.js';
import { landingKind, outcomeUrl } from './redirect.js';

/** The page's conversion settings, from the element's attributes. */
export interface ConversionSettings {
  /** Push to `window.dataLayer` when the page has one (`datalayer="off"` says no). */
  readonly dataLayer: boolean;
  /** Add `user_data` hashes to `generate_lead`. */
  readonly enhancedConversions: boolean;
  /** Where a delivered lead takes the person; empty for the in-place thank-you. */
  readonly successUrl: string;
  /** Where a buyer's rejection takes the person; empty to stay. */
  readonly rejectedUrl: string;
  /** The destination named in every event, and `{destination}`. */
  readonly destination: string;
}

/** How long a redirect waits for Google Tag Manager to say the `generate_lead` tags have run. */
export const TAG_WAIT_MS = 2000;

/**
 * How long `generate_lead` waits for the enhanced conversions' hashes (their chunk is loaded ahead,
 * so this is the hashing itself): past it the lead is reported without `user_data`, and the person
 * is never held by a chunk that is slow or cannot be loaded.
 */
export const HASH_WAIT_MS = 300;

/**
 * Tells the page's tags what happened (dataLayer) and takes the person to the page for the outcome.
 * The element calls it after its own DOM events, so a page listening to those acts first.
 */
export class ConversionReporter {
  constructor(
    private readonly window: Window,
    /** Leaves the page; injectable so a test can watch it without leaving. */
    private readonly navigate: (url: string) => void,
    /** The person's email and phone as enhanced conversions hash them (enhanced.ts, `hashedUserData`; the element loads it as a chunk). */
    private readonly hash: (lead: LeadFields) => Promise<HashedUserData | undefined>,
  ) {}

  invalid(settings: ConversionSettings, fields: readonly string[]): void {
    if (settings.dataLayer) pushEvent(this.window, invalidEvent({ fields, destination: settings.destination }));
  }

  step(settings: ConversionSettings, step: number, total: number): void {
    if (settings.dataLayer) pushEvent(this.window, stepEvent({ step, total, destination: settings.destination }));
  }

  /**
   * A final outcome: `generate_lead` for a new lead, then the outcome's page when one is set and
   * `leave` (the person is here, waiting for this answer, and the page did not take over).
   * Resolves with the URL it went to, if any.
   */
  async outcome(settings: ConversionSettings, lead: { eventId: string; status: OutcomeStatus; fields: LeadFields; leave: boolean }): Promise<string | undefined> {
    const url = lead.leave ? this.#landing(settings, lead.eventId, lead.status) : undefined;
    let gone = false;
    const go = () => {
      if (gone || url === undefined) return;
      gone = true;
      this.navigate(url);
    };
    if (settings.dataLayer && countsAsLead(lead.status)) {
      const userData = settings.enhancedConversions ? await this.#hashes(lead.fields) : undefined;
      // With GTM loaded, leave once its tags for this event have run (eventCallback), or after a
      // bound; without it nothing would call back, so leave at once.
      const waitForTags = url !== undefined && 'google_tag_manager' in this.window;
      const event = leadEvent({ eventId: lead.eventId, destination: settings.destination, status: lead.status }, userData);
      const pushed = pushEvent(this.window, event, waitForTags ? { eventCallback: go, eventTimeout: TAG_WAIT_MS } : {});
      if (pushed && waitForTags) {
        this.window.setTimeout(go, TAG_WAIT_MS + 500);
        return url;
      }
    }
    go();
    return url;
  }

  /** The hashes, if they come within HASH_WAIT_MS; undefined otherwise, or when hashing fails. */
  async #hashes(fields: LeadFields): Promise<HashedUserData | undefined> {
    let timer: number | undefined;
    const late = new Promise<undefined>((resolve) => (timer = this.window.setTimeout(resolve, HASH_WAIT_MS)));
    const userData = await Promise.race([this.hash(fields).catch(() => undefined), late]);
    this.window.clearTimeout(timer);
    return userData;
  }

  #landing(settings: ConversionSettings, eventId: string, status: OutcomeStatus): string | undefined {
    const kind = landingKind(status);
    const template = kind === 'success' ? settings.successUrl : kind === 'rejected' ? settings.rejectedUrl : '';
    if (template.trim() === '') return undefined;
    const url = outcomeUrl(template, { event_id: eventId, status, destination: settings.destination }, this.window.location.href);
    if (url === undefined) console.warn(`<lead-capture>: ${kind}-url is not an http(s) URL; staying on the page`);
    return url;
  }
}
