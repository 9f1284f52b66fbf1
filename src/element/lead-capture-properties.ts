import { LitElement, type PropertyDeclarations } from 'lit';
import type { Adapter } from '../adapters/adapter.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../flow/retry.js';
import type { WidgetMessages } from './config.js';

/**
 * The element's public properties and attributes, each documented where it is declared (the
 * manifest, the README's attribute table and the React wrapper's props are generated from these
 * comments). The behaviour that reads them is `LeadCapture`'s (lead-capture.ts).
 */
export class LeadCaptureProperties extends LitElement {
  /**
   * The reactive properties, each documented where it is declared below. Declared here rather than
   * with `@property()`: the decorators cost the bundle their helper, lit's decorator module and a call
   * per property, 0.4 KB gzip of issue 18's budget.
   */
  static override properties: PropertyDeclarations = {
    endpoint: {},
    adapter: {},
    destination: {},
    fields: {},
    required: {},
    locale: {},
    country: {},
    minAge: { type: Number, attribute: 'min-age' },
    submitLabel: { attribute: 'submit-label' },
    questions: {},
    steps: {},
    messages: { type: Object },
    consent: {},
    sellers: {},
    consentVersion: { attribute: 'consent-version' },
    consentOptional: { type: Boolean, attribute: 'consent-optional' },
    consentTiming: { attribute: 'consent-timing' },
    trustedform: { type: Boolean },
    trustedformSrc: { attribute: 'trustedform-src' },
    trustedformTimeout: { type: Number, attribute: 'trustedform-timeout' },
    jornaya: {},
    jornayaSrc: { attribute: 'jornaya-src' },
    persist: {},
    requestTimeout: { type: Number, attribute: 'request-timeout' },
    retryPolicy: { attribute: false },
    tracking: {},
    trackingParams: { attribute: 'tracking-params' },
    datalayer: {},
    enhancedConversions: { type: Boolean, attribute: 'enhanced-conversions' },
    successUrl: { attribute: 'success-url' },
    rejectedUrl: { attribute: 'rejected-url' },
    navigate: { attribute: false },
    minFillMs: { type: Number, attribute: 'min-fill-ms' },
    challengeField: { attribute: 'challenge-field' },
    challenge: { attribute: false },
    theme: { reflect: true },
    layout: { reflect: true },
    styleNonce: { attribute: 'style-nonce' },
    values: { attribute: false },
    prerendered: {},
  };

  /** Relay base URL (`https://relay.example.com/v1`), or the webhook URL with `adapter="webhook"`. */
  endpoint = '';
  /** `relay`, `webhook`, or (as a property) a partner's own `Adapter` object. */
  adapter: string | Adapter = 'relay';
  /** The destination the relay forwards to, e.g. `pingtree`. */
  destination = '';
  /** The fields to ask for, in order, space-separated: `first_name last_name email mobile zip_code`. */
  fields = '';
  /** The fields that must be filled, space-separated. */
  required = '';
  /** `en` or `es`. */
  locale = 'en';
  /** The phone numbering country, ISO 3166 alpha-2: `US`, `CA`, `PR`, … */
  country = 'US';
  /** Date of birth must make the person at least this old. */
  minAge = 18;
  /** The submit button's text, when not the locale's "Submit". */
  submitLabel: string | undefined = undefined;
  /** The page's own questions, JSON or a list: `[{ "name": "debt_amount", "label": "Total debt", "type": "number" }]`. */
  questions: string | readonly unknown[] = '';
  /** Steps of a multi-step form: groups of names separated by `|` (`zip_code debt_amount | first_name last_name | email mobile`). */
  steps = '';
  /**
   * Overrides for any text (JSON in the attribute): `{ labels: { email: '…' }, errors: { required: '…' },
   * requiredMark: '*', date: { hint: '…' }, ui: { successTitle: '…', retryingServer: 'Still trying ({attempt} of {of})' } }`.
   */
  messages: WidgetMessages | undefined = undefined;
  /** The consent disclosure; `{sellers}` is replaced by the sellers' names. */
  consent = '';
  /** The sellers named in the consent, separated by `;` or `|`; one checkbox each when more than one. */
  sellers = '';
  /** The disclosure's version, recorded with the consent. */
  consentVersion: string | undefined = undefined;
  /** Let a lead go without consent (the record then says the box was not checked). */
  consentOptional = false;
  /** `create`: consent on the form. `submit`: a consent step after create, for two-step destinations. */
  consentTiming = 'create';
  /** Load TrustedForm and send its certificate with the lead. */
  trustedform = false;
  /** TrustedForm's script URL, when not TrustedForm's own (a proxy, a test stand-in). */
  trustedformSrc: string | undefined = undefined;
  /** How long Submit waits for the TrustedForm certificate (and Jornaya token), in ms. */
  trustedformTimeout = 3000;
  /** A Jornaya LeadiD campaign key: load its script and send the token with the lead. */
  jornaya = '';
  /** Jornaya's script URL, when not Jornaya's own. */
  jornayaSrc: string | undefined = undefined;
  /** `local`: keep unsent leads on this device until delivered (24 hours at most); `none`: never store them. */
  persist = 'local';
  /** How long one send may take before it is abandoned and retried, in ms. */
  requestTimeout = 15_000;
  /** How transient failures are retried: `{ maxAttempts, baseDelayMs, maxDelayMs, budgetMs }`. */
  retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;
  /** `on`: send UTM tags, click ids, sub-ids, referrer and landing page; `off`: none. */
  tracking = 'on';
  /** More URL parameters to send as tracking, space-separated (`campaign_ref promo`). */
  trackingParams = '';
  /** `on`: push `generate_lead`, `lead_capture_step`, `lead_capture_invalid` to the page's `window.dataLayer`; `off`: never. */
  datalayer = 'on';
  /** Add SHA-256 hashes of the email and phone to `generate_lead` as `user_data` (Google Ads enhanced conversions, Meta). */
  enhancedConversions = false;
  /** The thank-you page after a delivered lead: `{event_id}`, `{status}`, `{destination}` are filled in. Default: thanks in place. */
  successUrl = '';
  /** The page after a buyer's rejection (an offer wall), with the same placeholders. Default: stay. */
  rejectedUrl = '';
  /** How the widget leaves for `success-url` or `rejected-url` (a router's, a test's); default `location.assign`. */
  navigate: (url: string) => void = (url) => location.assign(url);
  /** A lead is not sent sooner than this after the form appeared (ms); people wait, scripts are caught. */
  minFillMs = 2000;
  /** The name of an input in the page holding a challenge token (`cf-turnstile-response`, `g-recaptcha-response`). */
  challengeField = '';
  /** A function giving the page's challenge token (Turnstile, reCAPTCHA) when the lead is sent. */
  challenge: (() => string | undefined | Promise<string | undefined>) | undefined = undefined;
  /** `light`, `dark`, or `auto` (follows the visitor's system setting). */
  theme = 'light';
  /** `grid` (as many columns as fit), `stacked` (one column) or `inline` (fields and button in a row). */
  layout = 'grid';
  /** A nonce for a `<style>` element, for pages whose CSP forbids constructable stylesheets. */
  styleNonce: string | undefined = undefined;
  /** The values as typed so far, keyed by field name. Setting it pre-fills the form. */
  values: Record<string, string> = {};
  /** The id (`lc-p-…`) of the prerendered form the builder's embed code carries, for the widget to take it over wherever the page's HTML put it (beside the element, or deeper inside it). Read at the first update. */
  prerendered = '';
}
