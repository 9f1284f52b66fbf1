import type { CreateResult } from '../adapters/adapter.js';
import type { ConsentEvidence, Outcome } from '../adapters/lead.js';

/** Where one lead is on its way: validate → create → (qualify) → submit (DESIGN.md). */
export type FlowState =
  | { readonly phase: 'idle' }
  /** `attempt` counts sends of this step, from 1; above 1 the person is told it is being retried. */
  | { readonly phase: 'sending'; readonly stage: 'create' | 'submit'; readonly attempt: number }
  /** Created, and the destination wants the second step (e.g. MLAS with deferred consent). */
  | { readonly phase: 'awaiting-submit'; readonly created: CreateResult }
  | { readonly phase: 'done'; readonly outcome: Outcome }
  | { readonly phase: 'failed'; readonly stage: 'create' | 'submit'; readonly outcome: Outcome };

/**
 * What the flow reports back after each step, for the element to turn into events and markup, with
 * the consent record the lead carried (none when consent is asked at the second step).
 */
export type StepReport =
  | { readonly stage: 'create'; readonly result: CreateResult; readonly idempotencyKey: string; readonly consent?: ConsentEvidence }
  | { readonly stage: 'submit'; readonly outcome: Outcome; readonly idempotencyKey: string; readonly consent?: ConsentEvidence };
