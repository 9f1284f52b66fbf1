import type { LeadEnvelope } from '../adapters/lead.js';
import { fingerprint, pendingLead, type PendingLead } from './pending-lead.js';
import type { FlowState } from './state.js';

/**
 * What a change the person makes to the lead on its way comes to (issue 15), for the submission
 * flow to apply: the outbox entry that leaves, and the lead the flow has on its way now, written to
 * the outbox in its place (none: withdrawn). Pure: the flow does the writing.
 */
export interface LeadChange {
  readonly remove: string;
  readonly pending?: PendingLead;
}

/** Whether the flow's lead is on its way or waiting after a retryable failure, at `stage`. */
export function waitsAt(state: FlowState, stage: 'create' | 'submit'): boolean {
  return (state.phase === 'sending' || state.phase === 'failed') && state.stage === stage;
}

/**
 * A person who corrects a lead that failed and sends it again (under another key) means this one
 * instead: the failed one leaves the outbox, so a reload never sends both (one lead per final
 * submission). None when the lead has not failed, or is the same lead.
 */
export function correction(pending: PendingLead | undefined, state: FlowState, idempotencyKey: string): LeadChange | undefined {
  if (!pending || pending.idempotencyKey === idempotencyKey || state.phase !== 'failed') return undefined;
  return { remove: pending.idempotencyKey };
}

/**
 * The lead changed on its way without being sent again (a consent box ticked or unticked): the lead
 * as it now stands takes its place under a new key, keeping its creation time. None when no lead
 * waits at its first step, or when `envelope` is the same lead.
 */
export function amendment(pending: PendingLead | undefined, state: FlowState, envelope: LeadEnvelope, newKey: () => string): LeadChange | undefined {
  if (!pending || !waitsAt(state, 'create') || pending.fingerprint === fingerprint(envelope)) return undefined;
  return { remove: pending.idempotencyKey, pending: pendingLead(newKey(), envelope, pending.createdAt) };
}

/** What the lead cannot go without was withdrawn on its way: it leaves, unsent. None when no lead waits at its first step. */
export function withdrawal(pending: PendingLead | undefined, state: FlowState): LeadChange | undefined {
  if (!pending || !waitsAt(state, 'create')) return undefined;
  return { remove: pending.idempotencyKey };
}

/**
 * Whether the consent of a second step can be withdrawn: the step waits (on its way or after a
 * failure) and was not withdrawn already. The lead keeps its reference; agreeing again sends it anew.
 */
export function submitWithdrawable(pending: PendingLead | undefined, state: FlowState): pending is PendingLead {
  return !!pending?.reference && waitsAt(state, 'submit') && !pending.submitWithdrawn;
}
