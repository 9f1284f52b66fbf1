import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { captureTracking } from '../tracking/storage.js';

/** The element as tracking sees it: what the page asked to capture, and whether it may remember the first touch. */
export interface TrackingHost extends ReactiveControllerHost {
  readonly tracking: string;
  readonly trackingParams: string;
  readonly persist: string;
}

/**
 * The campaign context (UTM tags, click ids, sub-ids, landing page, referrer): captured as the form
 * first appears (and again when the page changes what to capture), carried in the form as hidden
 * fields, and sent with the lead.
 */
export class TrackingController implements ReactiveController {
  #values: Readonly<Record<string, string>> = {};
  /** The settings the values were captured with. */
  #capturedFor: string | undefined;

  constructor(private readonly host: TrackingHost) {
    host.addController(this);
  }

  /** Captures before rendering, so the hidden fields cost no second render. */
  hostUpdate(): void {
    const { tracking, trackingParams, persist } = this.host;
    const settings = `${tracking}\n${trackingParams}`;
    if (settings === this.#capturedFor) return;
    this.#capturedFor = settings;
    const extra = trackingParams.split(/\s+/).filter(Boolean);
    this.#values = tracking === 'off' ? {} : captureTracking(window, extra, persist !== 'none');
  }

  /** The tracking to send with a lead: none once the page has turned tracking off. */
  forLead(): Readonly<Record<string, string>> {
    if (this.host.tracking === 'off' && Object.keys(this.#values).length > 0) {
      this.#values = {};
      this.host.requestUpdate();
    }
    return this.#values;
  }

  render(): TemplateResult[] {
    return Object.entries(this.#values).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`);
  }
}
