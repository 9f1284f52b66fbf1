import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LeadEnvelope } from '../adapters/lead.js';
import { cleanUrl, extraParameters, type ExtraParameter } from '../tracking/capture.js';
import { captureAttribution } from '../tracking/storage.js';
import type { Attribution } from '../tracking/touch.js';

/** The element as tracking sees it: what the page asked to capture, and whether it may remember touches. */
export interface TrackingHost extends ReactiveControllerHost {
  readonly tracking: string;
  readonly trackingParams: string;
  readonly persist: string;
}

/**
 * The campaign context (src/tracking/: the last touch and the first, each a visit's whole set):
 * captured as the form first appears (and again when the page changes what to capture), the last
 * touch carried in the form as hidden fields, both sent with the lead.
 */
export class TrackingController implements ReactiveController {
  #values: Attribution | undefined;
  #extras: readonly ExtraParameter[] = [];
  /** The settings the values were captured with. */
  #capturedFor: string | undefined;

  constructor(private readonly host: TrackingHost) {
    host.addController(this);
  }

  /** Captures before rendering, so the hidden fields cost no second render. */
  hostUpdate(): void {
    const { tracking, trackingParams, persist } = this.host;
    const settings = `${tracking}\n${trackingParams}\n${persist}`;
    if (settings === this.#capturedFor) return;
    this.#capturedFor = settings;
    const { extras, refused } = extraParameters(trackingParams.split(/\s+/).filter(Boolean));
    if (refused.length > 0) console.warn(`<lead-capture>: tracking-params: cannot send ${refused.join(', ')}`);
    this.#extras = extras;
    this.#values = tracking === 'off' ? undefined : captureAttribution(window, { extras, persist: persist !== 'none' });
  }

  /** `tracking` and `first_touch` for a lead: none once the page has turned tracking off. */
  forLead(): Pick<LeadEnvelope, 'tracking' | 'first_touch'> {
    if (this.host.tracking === 'off' && this.#values) {
      this.#values = undefined;
      this.host.requestUpdate();
    }
    return this.#values ?? {};
  }

  /** This page's address as it may be recorded (the consent record's `pageUrl`): only tracking parameters kept. */
  pageUrl(): string {
    return cleanUrl(location.href, this.#extras) || location.origin;
  }

  render(): TemplateResult[] {
    return Object.entries(this.#values?.tracking ?? {}).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`);
  }
}
