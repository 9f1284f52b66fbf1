import type { DeliveryContext } from '../adapters/adapter.js';
import { endsWell, isFinal, type LeadEnvelope, type Outcome, type SubmitStepInput } from '../adapters/lead.js';
import type { FlowDependencies } from './flow-dependencies.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { amendment, correction, submitWithdrawable, withdrawal, type LeadChange } from './lead-changes.js';
import { MemoryOutbox, type Outbox, type OutboxEntry } from './outbox.js';
import { sendWithRetries } from './send-with-retries.js';
import { sleepFor } from './sleep.js';
import { consentOf, fingerprint, outboxEntry, pendingFromEntry, pendingLead, type PendingLead } from './pending-lead.js';
import type { FlowState, StepReport } from './state.js';

export type { FlowDependencies } from './flow-dependencies.js';
export type { FlowState, StepReport } from './state.js';

/**
 * Sends one lead at a time through an adapter, and does not lose it: it is written to the outbox
 * before the first send and removed only on a final outcome; transient failures are retried with
 * backoff within a bounded time; every send of one lead carries the same idempotency key.
 */
export class SubmissionFlow {
  #state: FlowState = { phase: 'idle' };
  #pending: PendingLead | undefined;
  readonly #listeners = new Set<(state: FlowState) => void>();
  readonly #outbox: Outbox;

  constructor(readonly dependencies: FlowDependencies) {
    this.#outbox = dependencies.outbox ?? new MemoryOutbox();
  }

  get state(): FlowState {
    return this.#state;
  }

  subscribe(listener: (state: FlowState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The key a lead with these contents will be sent with: the pending lead's own key when the same
   * lead is sent again after a retryable failure, a fresh one for a new lead.
   */
  keyFor(envelope: LeadEnvelope): string {
    const pending = this.#pending;
    if (pending && pending.fingerprint === fingerprint(envelope)) return pending.idempotencyKey;
    return (this.dependencies.newKey ?? newIdempotencyKey)();
  }

  /**
   * First step. Refuses (returns undefined) while a lead is already on its way: no double submit.
   * `holdMs` delays the first send (not the saving) by that long: the minimum fill time.
   */
  async create(envelope: LeadEnvelope, idempotencyKey = this.keyFor(envelope), holdMs = 0): Promise<StepReport | undefined> {
    if (this.#state.phase === 'sending') return undefined;
    // Not awaited: the flow must be busy before its first await, so a second Submit is refused.
    void this.#apply(correction(this.#pending, this.#state, idempotencyKey));
    const createdAt = this.#pending?.idempotencyKey === idempotencyKey ? this.#pending.createdAt : this.dependencies.now().getTime();
    this.#pending = pendingLead(idempotencyKey, envelope, createdAt);
    return this.#sendCreate(this.#pending, holdMs);
  }

  /**
   * Saves a lead to the outbox the moment it is valid, before its evidence is gathered (a bounded
   * wait for TrustedForm): a reload during that wait resumes the lead without its certificate rather
   * than lose it. `create()` with the same key replaces the entry; `unstage()` drops it.
   */
  async stage(envelope: LeadEnvelope, idempotencyKey: string): Promise<void> {
    await this.#apply(correction(this.#pending, this.#state, idempotencyKey));
    await this.#save(pendingLead(idempotencyKey, envelope, this.dependencies.now().getTime()), 'create');
  }

  /**
   * The person changed the lead on its way without sending it again: ticked or unticked a consent box
   * while it waits after a failure or between retries (issue 15). `envelope`, the lead as it now
   * stands, takes its place under a new key, in the outbox too, so no retry, reconnection or later
   * visit sends a consent the form no longer shows. A send already under way is not called back: its
   * lead ends there unless it fails, and then the new one goes (see #sendCreate). False when no lead of
   * this flow is waiting at its first step, or when `envelope` is the same lead.
   */
  async amend(envelope: LeadEnvelope): Promise<boolean> {
    return this.#apply(amendment(this.#pending, this.#state, envelope, this.dependencies.newKey ?? newIdempotencyKey));
  }

  /**
   * The person withdrew what the lead cannot go without (the consent the form requires) while it
   * waits: it leaves the outbox and is never sent; sending again is a new lead. False when no lead of
   * this flow is waiting at its first step.
   */
  async withdraw(): Promise<boolean> {
    return this.#apply(withdrawal(this.#pending, this.#state));
  }

  /**
   * The person unticked the consent box of the consent step (deferred consent) while its second step
   * waits after a failure or between retries (issue 15): the second step leaves the outbox and its
   * input (the certificate, the consent record) is dropped, so no retry, reconnection or later visit
   * sends it. The lead keeps its reference: agreeing again sends the second step anew. A send already
   * under way is not called back. False when no second step of this flow is waiting.
   */
  async withdrawSubmit(): Promise<boolean> {
    const pending = this.#pending;
    if (!submitWithdrawable(pending, this.#state)) return false;
    pending.submitWithdrawn = true;
    delete pending.submitInput;
    await this.#forget(pending.idempotencyKey);
    return true;
  }

  /** Applies a change the person made to the lead on its way (lead-changes.ts); false when it changes nothing. */
  async #apply(change: LeadChange | undefined): Promise<boolean> {
    if (!change) return false;
    this.#pending = change.pending;
    await this.#forget(change.remove);
    if (change.pending) await this.#save(change.pending, 'create');
    return true;
  }

  /** Drops a staged lead the page decided not to send (a cancelled `lead-submit`). */
  async unstage(idempotencyKey: string): Promise<void> {
    await this.#forget(idempotencyKey);
  }

  /** The envelope of the lead still on its way with these person-entered values and consent, to send again as it was. */
  pendingEnvelope(lead: LeadEnvelope): LeadEnvelope | undefined {
    const pending = this.#pending;
    return pending && pending.fingerprint === fingerprint(lead) ? pending.envelope : undefined;
  }

  /**
   * Second step, for destinations that asked for it; again after a failed second step (a consent
   * certificate that came late, say), with the same key.
   */
  async submit(input: SubmitStepInput): Promise<StepReport | undefined> {
    const pending = this.#pending;
    const state = this.#state;
    const ready = state.phase === 'awaiting-submit' || (state.phase === 'failed' && state.stage === 'submit');
    if (!ready || !pending?.reference) return undefined;
    pending.submitInput = input;
    pending.submitWithdrawn = false;
    return this.#sendSubmit(pending, pending.reference);
  }

  /** Sends the failed step again with the same key. */
  async retry(): Promise<StepReport | undefined> {
    const state = this.#state;
    const pending = this.#pending;
    if (state.phase !== 'failed' || !pending) return undefined;
    // A second step whose consent was withdrawn waits for the person to agree again (submit()).
    if (state.stage === 'submit' && pending.submitWithdrawn) return undefined;
    if (state.stage === 'submit' && pending.reference) return this.#sendSubmit(pending, pending.reference);
    return this.#sendCreate(pending);
  }

  /**
   * Sends a lead found in the outbox (after a reload, or when the browser came back online) with its
   * own key, from the step it had reached. Undefined when busy, or when another tab is sending it.
   */
  async resume(entry: OutboxEntry): Promise<StepReport | undefined> {
    if (this.#state.phase === 'sending') return undefined;
    const pending = pendingFromEntry(entry);
    this.#pending = pending;
    return entry.stage === 'submit' && pending.reference ? this.#sendSubmit(pending, pending.reference) : this.#sendCreate(pending);
  }

  /** The leads waiting in the outbox for this flow's configuration. */
  pending(): Promise<OutboxEntry[]> {
    return this.#outbox.pending(this.dependencies.target ?? '', this.dependencies.now().getTime());
  }

  /** Forgets the current lead: the next one gets a new key. */
  reset(): void {
    if (this.#state.phase === 'sending') return;
    this.#pending = undefined;
    this.#set({ phase: 'idle' });
  }

  async #sendCreate(pending: PendingLead, holdMs = 0): Promise<StepReport | undefined> {
    const result = await this.#attempt('create', pending, (context) => this.dependencies.adapter.create(pending.envelope, context), holdMs);
    if (!result) return undefined;
    const { outcome } = result;
    if (result.reference !== undefined) pending.reference = result.reference;
    const replacement = this.#pending;
    if (replacement !== pending) {
      // Changed (amend) or withdrawn while on its way. Not ended: the lead as it now stands goes in
      // its place, or, withdrawn, none. Ended after all (the send under way went through): that lead
      // is the one there is, and its replacement leaves the outbox unsent.
      if (!isFinal(outcome) && replacement) return this.#sendCreate(replacement);
      if (isFinal(outcome) && replacement) {
        this.#pending = pending;
        await this.#forget(replacement.idempotencyKey);
      }
    }
    const withdrawn = this.#pending !== pending;
    if (!endsWell(outcome)) this.#set({ phase: 'failed', stage: 'create', outcome });
    else if (result.next === 'submit') this.#set({ phase: 'awaiting-submit', created: result });
    else this.#set({ phase: 'done', outcome });
    if (isFinal(outcome)) await this.#settle(pending, result.next === 'submit' && !withdrawn);
    return { stage: 'create', result, idempotencyKey: pending.idempotencyKey, ...consentOf(pending) };
  }

  async #sendSubmit(pending: PendingLead, reference: string): Promise<StepReport | undefined> {
    const { adapter } = this.dependencies;
    const outcome = (
      await this.#attempt('submit', pending, async (context) => ({
        outcome: adapter.submit
          ? await adapter.submit(reference, pending.submitInput ?? {}, context)
          : ({ status: 'rejected', retryable: false, code: 'no_submit_step', message: 'This destination has no submit step.' } as const),
      }))
    )?.outcome;
    if (!outcome) return undefined;
    this.#set(endsWell(outcome) ? { phase: 'done', outcome } : { phase: 'failed', stage: 'submit', outcome });
    if (isFinal(outcome)) await this.#settle(pending, false);
    return { stage: 'submit', outcome, idempotencyKey: pending.idempotencyKey, ...consentOf(pending) };
  }

  /**
   * Sends one step of the lead: busy at once, so a second Submit in the same moment is refused; saved
   * to the outbox; held back `holdMs` (the minimum fill time); then sent by this tab alone (undefined
   * when another is sending it), again after transient failures.
   */
  async #attempt<T extends { readonly outcome: Outcome }>(
    stage: 'create' | 'submit',
    pending: PendingLead,
    send: (context: DeliveryContext) => Promise<T>,
    holdMs = 0,
  ): Promise<T | undefined> {
    this.#set({ phase: 'sending', stage, attempt: 1 });
    await this.#save(pending, stage);
    if (holdMs > 0) await (this.dependencies.sleep ?? sleepFor)(holdMs);
    const work = () =>
      sendWithRetries(this.dependencies, {
        idempotencyKey: pending.idempotencyKey,
        send,
        // A lead the person changed or withdrew meanwhile is not sent again (#sendCreate sends what replaced it).
        withdrawn: () => this.#pending !== pending || (stage === 'submit' && pending.submitWithdrawn === true),
        retrying: (attempt) => this.#set({ phase: 'sending', stage, attempt }),
      });
    const exclusive = this.dependencies.exclusive;
    return exclusive ? exclusive(`lead-capture:${pending.idempotencyKey}`, work) : work();
  }

  /** Writes the lead to the outbox before it is sent. Storage that fails must not cost the lead. */
  async #save(pending: PendingLead, stage: 'create' | 'submit'): Promise<void> {
    await this.#outbox.put(outboxEntry(pending, stage, this.dependencies.target ?? '')).catch(() => undefined);
  }

  /** Takes a lead out of the outbox. Storage that fails must not stop the flow. */
  async #forget(key: string): Promise<void> {
    await this.#outbox.remove(key).catch(() => undefined);
  }

  /**
   * A final outcome takes the lead out of the outbox, except a created lead whose second step the page
   * sends by itself: that stays, at the submit step. A second step that needs the person (deferred
   * consent) cannot be sent without them, so such a lead is not kept.
   */
  async #settle(pending: PendingLead, secondStepOwed: boolean): Promise<void> {
    if (secondStepOwed && this.dependencies.autoSubmit) return this.#save(pending, 'submit');
    await this.#forget(pending.idempotencyKey);
  }

  #set(state: FlowState): void {
    this.#state = state;
    // A settled lead is forgotten, so sending again is a new lead with a new key. A retryable failure
    // keeps the lead and its key, for `retry()` or a second press of Submit; so does any failure of the
    // second step, since the lead was created and only its submission may be tried again.
    const settled = state.phase === 'done' || (state.phase === 'failed' && state.stage === 'create' && isFinal(state.outcome));
    if (settled) this.#pending = undefined;
    for (const listener of this.#listeners) listener(state);
  }
}
