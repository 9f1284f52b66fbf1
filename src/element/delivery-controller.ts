import { html, type TemplateResult } from 'lit';
import type { ConsentEvidence, LeadEnvelope, Outcome } from '../adapters/lead.js';
import { defined } from '../adapters/defined.js';
import { countsAsLead } from '../conversions/datalayer.js';
import { lazyOutbox, openOutbox, type Outbox } from '../flow/outbox.js';
import type { StepReport, SubmissionFlow } from '../flow/submission.js';
import type { LeadCaptureConfig } from './config.js';
import { BackgroundResume } from './background-resume.js';
import { flowFor } from './flow-for.js';
import { DeliveryProgress } from './delivery-progress.js';
import { failureMessage, fieldsRefused, hiddenFieldsTemplate, progressTemplate } from './delivery-view.js';
import { LeadCreatedEvent, LeadErrorEvent, LeadSubmitEvent, LeadSubmittedEvent } from './events.js';
import { bareEnvelope, consentStepInput, secondStepInput, withEvidence } from './lead-envelope.js';
import type { EvidenceReport } from './evidence.js';
import { botSignalsAt, consentRecord, holdMs, recordersEvidence } from './lead-evidence.js';
import type { DeliveryHost, DeliveryOptions } from './delivery-options.js';
import { consentChangeAction } from './consent-change.js';
import type { DeliveryPort } from './delivery-slot.js';
import { stringsFor } from './locales.js';
import type { UiStrings } from './strings/types.js';

/**
 * Delivery: the submission flow and its outbox (a lead left unsent goes when the page comes back or
 * the browser comes online), sending a lead with its evidence (lead-evidence.ts), and what the person
 * (delivery-progress.ts) and the page (events) are told about each step.
 */
export class DeliveryController extends DeliveryProgress implements DeliveryPort {
  #evidence: EvidenceReport = { trustedform: 'off', jornaya: 'off' };
  /** When the form first appeared, for the minimum fill time. */
  #shownAt = 0;
  #flow: SubmissionFlow | undefined;
  /** A flow of its own for leads an earlier visit left on this device, so this visitor's form stays theirs. */
  #earlier: SubmissionFlow | undefined;
  readonly #resume: BackgroundResume;
  #outbox: { persist: boolean; store: Outbox } | undefined;
  /** The last envelope sent: its certificate and mobile go with an automatic second step. */
  #sent: LeadEnvelope | undefined;
  /** The consent record of the deferred consent step, for `lead-submitted` (a lead's own comes in its report). */
  #lastConsent: ConsentEvidence | undefined;
  /** The person unticked the consent the form requires while their lead waited: it will not be sent. */
  #withdrawn = false;
  /** Changes of consent are followed one at a time, so the last one decides. */
  #following: Promise<void> = Promise.resolve();
  readonly #resumeOnline = () => void this.#backOnline();

  protected declare readonly host: DeliveryHost;

  constructor(
    host: DeliveryHost,
    private readonly options: DeliveryOptions,
  ) {
    super(host);
    this.#resume = new BackgroundResume(host);
    options.consent.onChange(() => void this.#follow());
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#resumeOnline);
  }
  hostDisconnected(): void {
    window.removeEventListener('online', this.#resumeOnline);
  }

  /** Builds the flow for a new configuration when what decides delivery changed (or there was none). */
  configure(config: LeadCaptureConfig, deliveryChanged: boolean): void {
    if (!deliveryChanged && this.#flow) return;
    const persist = this.host.persist !== 'none';
    if (this.#outbox?.persist !== persist) this.#outbox = { persist, store: lazyOutbox(openOutbox(persist)) };
    const settings = { outbox: this.#outbox.store, retryPolicy: this.host.retryPolicy, requestTimeout: this.host.requestTimeout };
    this.#flow = flowFor(config, settings);
    this.#flow?.subscribe((state) => this.show({ state }));
    this.#earlier = flowFor(config, settings);
  }

  /** The form is on screen (since `shownAt`): the minimum fill time counts from then, and leads left in the outbox go, each with its key. */
  start(shownAt: number): void {
    this.#shownAt = shownAt;
    void this.#resume.run(this.#earlier);
  }

  /** Consent the page did not show clearly and conspicuously is refused (consent-shown.ts): the person and the page are told. */
  async consentWasVisible(): Promise<boolean> {
    const { unseenConsentRefusal } = await this.options.consentVisibility();
    // The widget's own form: never a copy of the markup the page left beside it.
    const outcome = unseenConsentRefusal(this.host.querySelector(':scope > form.lc-form') ?? this.host);
    if (!outcome) return true;
    console.error(`<lead-capture>: consent not sent, not clear and conspicuous: ${outcome.message}`);
    const message = this.#strings.consentNotShown;
    this.alert = message;
    this.host.dispatchEvent(new LeadErrorEvent({ stage: 'consent', retryable: false, message, outcome }));
    return false;
  }

  /** Sends a valid lead: saved, its evidence gathered, offered to the page (`lead-submit`), then created. */
  async send(lead: Readonly<Record<string, string>>): Promise<void> {
    this.#withdrawn = false;
    this.show({ alert: '', status: '' });
    const flow = this.#flow;
    if (!flow) return this.show({ alert: this.#strings.notConfigured });
    this.show({ preparing: true, status: this.#strings.sending });
    try {
      // The consent as the form shows it now belongs to the lead: a box ticked or unticked since a
      // failure makes it another lead (issue 15), never the first record sent again.
      const consent = this.options.steps().screen.consent ? await consentRecord(this.options) : undefined;
      const bare = bareEnvelope(this.options.config().destination, lead, consent);
      // The same lead sent again (Try again, a second press) goes exactly as it went first: same key, same body.
      const again = flow.pendingEnvelope(bare);
      const idempotencyKey = flow.keyFor(bare);
      // Saved before the evidence wait, so a reload during it does not lose the lead; with the bot
      // signals, which the relay requires: a lead resumed without them would be refused as a bot.
      if (!again) await flow.stage({ ...bare, bot: await botSignalsAt(this.host, this.#shownAt) }, idempotencyKey);
      const envelope = again ?? (await this.#envelope(bare));
      // Another lead got on its way meanwhile (a send that was not the element's one Submit at a time):
      // the flow refuses this one, so it leaves the outbox it was just saved in, or a later visit sends it.
      if (flow.state.phase === 'sending') {
        if (!again) void flow.unstage(idempotencyKey);
        return;
      }
      this.#sent = envelope;
      this.#lastConsent = envelope.consent;
      if (!this.host.dispatchEvent(new LeadSubmitEvent({ envelope, idempotencyKey, evidence: this.#evidence }))) {
        // Ready again at once (a page may submit again straight away); the outbox tidies up behind.
        this.show({ preparing: false, status: '' });
        if (!again) void flow.unstage(idempotencyKey);
        return;
      }
      this.show({ preparing: false });
      const sending = flow.create(envelope, idempotencyKey, holdMs(this.host.minFillMs, this.#shownAt));
      // A box ticked or unticked while the evidence was gathered changes the lead now on its way.
      void this.#follow();
      const report = await sending;
      if (report) await this.#report(report);
    } finally {
      this.show({ preparing: false });
    }
  }

  /** The deferred consent step: send the second step with the confirmed mobile and the certificate. */
  async sendConsentStep(mobile: string): Promise<void> {
    this.#withdrawn = false;
    this.show({ alert: '', preparing: true, status: this.#strings.sending });
    try {
      const evidence = await this.#collectEvidence();
      const consent = this.options.consent.asked(this.options.config().consent) ? await consentRecord(this.options) : undefined;
      this.#lastConsent = consent;
      this.show({ preparing: false });
      // The consent record goes with the step it belongs to: the relay keeps it as the lead's evidence.
      const report = await this.#flow?.submit(consentStepInput(mobile, evidence?.trustedform, consent));
      if (report) await this.#report(report);
    } finally {
      this.show({ preparing: false });
    }
  }

  /** Forgets the lead, ready for another person. */
  reset(): void {
    this.#flow?.reset();
    this.#sent = undefined;
    this.#lastConsent = undefined;
    this.#withdrawn = false;
    this.show({ status: '', alert: '', state: { phase: 'idle' } });
  }

  #follow(): Promise<void> {
    this.#following = this.#following.then(() => this.#followConsent()).catch(() => undefined);
    return this.#following;
  }

  /** The consent shown belongs to the lead on its way (issue 15): amended or withdrawn as consent-change.ts decides. */
  async #followConsent(): Promise<void> {
    const flow = this.#flow;
    const sent = this.#sent;
    if (!flow) return;
    const action = consentChangeAction(this.options.steps().screen, sent?.consent !== undefined, this.options.consent.given(), this.options.config().consentOptional);
    if (action === 'amend' && sent) {
      const envelope: LeadEnvelope = { ...sent, consent: await consentRecord(this.options) };
      if (await flow.amend(envelope)) this.#sent = envelope;
      return;
    }
    if (!action || action === 'amend' || !(await flow[action]())) return;
    this.#withdrawn = true;
    this.show({ status: '', alert: this.#strings.consentWithdrawn });
  }

  get #strings(): UiStrings {
    return stringsFor(this.options.config());
  }

  /**
   * Back online: the person's own failed lead goes again as Try again sends it (and they see how it
   * went), then any lead an earlier visit left waiting, in the background.
   */
  async #backOnline(): Promise<void> {
    const flow = this.#flow;
    const own = this.#sent && flow ? flow.keyFor(this.#sent) : undefined;
    if (flow && this.retryable && !this.busy) {
      const report = await flow.retry();
      if (report) await this.#report(report);
    }
    await this.#resume.run(this.#earlier, own);
  }

  /** The lead and its consent record (when consent is on this screen) with their evidence: certificate, token, tracking and bot signals. */
  async #envelope(bare: LeadEnvelope): Promise<LeadEnvelope> {
    const evidence = await this.#collectEvidence();
    const bot = await botSignalsAt(this.host, this.#shownAt);
    return withEvidence(bare, evidence, this.options.tracking.forLead(), bot);
  }

  /** The recorders' certificate and token (a bounded wait), remembering what came for the events. */
  async #collectEvidence() {
    const evidence = await recordersEvidence(this.host, this.options.config());
    this.#evidence = evidence?.report ?? this.#evidence;
    return evidence;
  }

  /** Turns a step's report into events, the second step when it follows at once, or the failure shown. */
  async #report(report: StepReport): Promise<void> {
    const { idempotencyKey } = report;
    const evidence = this.#evidence;
    if (report.stage === 'create') {
      // Only a lead the destination took (or the relay's ledger holds to deliver): a page's conversion
      // pixel on this event must never count a failure, and the dataLayer's `generate_lead` counts the same.
      if (countsAsLead(report.result.outcome.status)) this.host.dispatchEvent(new LeadCreatedEvent({ ...report.result, idempotencyKey, evidence }));
      if (this.state.phase === 'awaiting-submit') {
        this.status = '';
        if (this.options.config().consentTiming === 'create') {
          // Consent (and its certificate) came with the form: send the second step at once.
          const next = await this.#flow?.submit(secondStepInput(this.#sent));
          if (next) await this.#report(next);
        } else {
          this.options.steps().focusHeading();
          await this.host.updateComplete;
        }
        return;
      }
    }
    const outcome = report.stage === 'create' ? report.result.outcome : report.outcome;
    if (this.state.phase === 'done') {
      this.status = '';
      const consent = report.consent ?? this.#lastConsent;
      this.host.dispatchEvent(new LeadSubmittedEvent({ outcome, idempotencyKey, evidence, ...defined({ consent }) }));
    } else if (this.state.phase === 'failed') {
      this.#showFailure(report.stage, outcome);
    }
  }

  #showFailure(stage: 'create' | 'submit', outcome: Outcome): void {
    const refused = fieldsRefused(outcome, this.options.steps().screen.fields);
    if (refused.first !== undefined) {
      this.options.fields.showReasons(refused.reasons, refused.codes);
      this.focusAfterRender(`[name="${refused.first}"]`);
    }
    // Refused for fields this form does not ask: nothing the person can fix, so say so to the page.
    if (refused.unasked.length > 0) console.warn(`<lead-capture>: the destination requires fields this form does not ask for: ${refused.unasked.join(', ')}`);
    // A lead whose consent the person withdrew is not sent again: they are told that, not that it will be.
    const message = this.#withdrawn ? this.#strings.consentWithdrawn : failureMessage(this.#strings, outcome, refused.first !== undefined, navigator.onLine, this.host.persist !== 'none');
    this.show({ status: '', alert: message });
    this.host.dispatchEvent(new LeadErrorEvent({ stage, retryable: outcome.retryable, message, outcome }));
  }

  /** Jornaya's token input, the tracking and the honeypot, as hidden fields of the form. */
  renderHidden(): TemplateResult {
    return hiddenFieldsTemplate(this.host, this.options.config().jornaya !== '', this.options.tracking.render());
  }

  /** The thank-you message, the status line, the alert, and the notice of an earlier visit's lead. */
  renderProgress(): TemplateResult {
    const strings = this.#strings;
    return html`${progressTemplate(this.view, strings, this.host.retryPolicy.maxAttempts, navigator.onLine)}${this.#resume.render(strings)}`;
  }
}
