import type { Adapter, CreateResult } from '../adapters/adapter.js';
import { isDelivered, isFinal, type LeadEnvelope, type Outcome, type SubmitStepInput } from '../adapters/lead.js';
import { newIdempotencyKey } from './idempotency-key.js';

/** Where one lead is on its way: validate → create → (qualify) → submit (DESIGN.md). */
export type FlowState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly stage: 'create' | 'submit' }
  /** Created, and the destination wants the second step (e.g. MLAS with deferred consent). */
  | { readonly phase: 'awaiting-submit'; readonly created: CreateResult }
  | { readonly phase: 'done'; readonly outcome: Outcome }
  | { readonly phase: 'failed'; readonly stage: 'create' | 'submit'; readonly outcome: Outcome };

export interface FlowDependencies {
  readonly adapter: Adapter;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly newKey?: () => string;
}

/** What the flow reports back after each step, for the element to turn into events and markup. */
export type StepReport =
  | { readonly stage: 'create'; readonly result: CreateResult; readonly idempotencyKey: string }
  | { readonly stage: 'submit'; readonly outcome: Outcome; readonly idempotencyKey: string };

interface PendingLead {
  readonly idempotencyKey: string;
  readonly envelope: LeadEnvelope;
  readonly fingerprint: string;
  reference?: string;
  submitInput?: SubmitStepInput;
}

/**
 * Sends one lead at a time through an adapter. The idempotency key is made when a lead is first sent
 * and kept for every retry of it, so a destination (or the relay) can recognise a repeat.
 */
export class SubmissionFlow {
  #state: FlowState = { phase: 'idle' };
  #pending: PendingLead | undefined;
  readonly #listeners = new Set<(state: FlowState) => void>();

  constructor(readonly dependencies: FlowDependencies) {}

  get state(): FlowState {
    return this.#state;
  }

  /** The key the current lead is sent with, if one is on its way. */
  get idempotencyKey(): string | undefined {
    return this.#pending?.idempotencyKey;
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

  /** First step. Refuses (returns undefined) while a lead is already on its way: no double submit. */
  async create(envelope: LeadEnvelope, idempotencyKey = this.keyFor(envelope)): Promise<StepReport | undefined> {
    if (this.#state.phase === 'sending') return undefined;
    this.#pending = { idempotencyKey, envelope, fingerprint: fingerprint(envelope) };
    return this.#sendCreate(this.#pending);
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
    return this.#sendSubmit(pending, pending.reference);
  }

  /** Sends the failed step again with the same key. */
  async retry(): Promise<StepReport | undefined> {
    const state = this.#state;
    const pending = this.#pending;
    if (state.phase !== 'failed' || !pending) return undefined;
    if (state.stage === 'submit' && pending.reference) return this.#sendSubmit(pending, pending.reference);
    return this.#sendCreate(pending);
  }

  /** Forgets the current lead: the next one gets a new key. */
  reset(): void {
    if (this.#state.phase === 'sending') return;
    this.#pending = undefined;
    this.#set({ phase: 'idle' });
  }

  async #sendCreate(pending: PendingLead): Promise<StepReport> {
    this.#set({ phase: 'sending', stage: 'create' });
    const result = await this.dependencies.adapter.create(pending.envelope, this.#context(pending));
    const { outcome } = result;
    if (result.reference !== undefined) pending.reference = result.reference;
    if (!isDelivered(outcome)) this.#set({ phase: 'failed', stage: 'create', outcome });
    else if (result.next === 'submit') this.#set({ phase: 'awaiting-submit', created: result });
    else this.#set({ phase: 'done', outcome });
    return { stage: 'create', result, idempotencyKey: pending.idempotencyKey };
  }

  async #sendSubmit(pending: PendingLead, reference: string): Promise<StepReport> {
    const submitStep = this.dependencies.adapter.submit;
    this.#set({ phase: 'sending', stage: 'submit' });
    const outcome: Outcome = submitStep
      ? await submitStep.call(this.dependencies.adapter, reference, pending.submitInput ?? {}, this.#context(pending))
      : { status: 'rejected', retryable: false, code: 'no_submit_step', message: 'This destination has no submit step.' };
    this.#set(isDelivered(outcome) ? { phase: 'done', outcome } : { phase: 'failed', stage: 'submit', outcome });
    return { stage: 'submit', outcome, idempotencyKey: pending.idempotencyKey };
  }

  #context(pending: PendingLead) {
    return { fetch: this.dependencies.fetch, now: this.dependencies.now, idempotencyKey: pending.idempotencyKey };
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

/** Two envelopes are the same lead when their person-entered contents match. */
function fingerprint(envelope: LeadEnvelope): string {
  return JSON.stringify([envelope.destination ?? '', Object.entries(envelope.lead).sort()]);
}
