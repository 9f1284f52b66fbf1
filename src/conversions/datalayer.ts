import type { OutcomeStatus } from '../adapters/lead.js';
import { defined } from '../adapters/defined.js';
import type { HashedUserData } from './enhanced.js';

/**
 * What the widget tells Google Tag Manager / GA4 through `window.dataLayer` (issue 17). Builders are
 * pure; `pushEvent` is the one place that touches the page. No personal data ever goes in: ids,
 * statuses, step numbers and field names only — and `user_data` hashes when the page asks for
 * enhanced conversions.
 */
export interface DataLayerEvent {
  readonly event: 'generate_lead' | 'lead_capture_step' | 'lead_capture_invalid';
  readonly lead_capture: Readonly<Record<string, string | number | readonly string[]>>;
  readonly user_data?: HashedUserData;
}

/**
 * The outcomes that are a new lead for an ad platform: the destination took it, or the relay holds
 * it and will deliver it. A duplicate is not a new lead; rejected, invalid, failed and uncertain
 * are not delivered.
 */
export function countsAsLead(status: OutcomeStatus): boolean {
  return status === 'accepted' || status === 'qualified' || status === 'queued';
}

/**
 * `generate_lead` (GA4's recommended event for a lead). `event_id` is the lead's idempotency key:
 * a tag that sends it to Meta or Google lets them deduplicate this browser event against the same
 * lead sent from a server.
 */
export function leadEvent(lead: { eventId: string; destination: string; status: OutcomeStatus }, userData?: HashedUserData): DataLayerEvent {
  return {
    event: 'generate_lead',
    lead_capture: { event_id: lead.eventId, destination: lead.destination, status: lead.status },
    ...defined({ user_data: userData }),
  };
}

/** A move to step `step` of `total` (counted from 1) of a multi-step form. */
export function stepEvent(step: { step: number; total: number; destination: string }): DataLayerEvent {
  return { event: 'lead_capture_step', lead_capture: { step: step.step, total: step.total, destination: step.destination } };
}

/** Submit found bad fields: their names only, never what was typed. */
export function invalidEvent(invalid: { fields: readonly string[]; destination: string }): DataLayerEvent {
  return { event: 'lead_capture_invalid', lead_capture: { fields: [...invalid.fields], destination: invalid.destination } };
}

interface DataLayer {
  push(...items: unknown[]): unknown;
}

/** The page's dataLayer, when it has one (GTM's snippet or gtag.js creates it); never created here. */
export function dataLayerOf(window: Window): DataLayer | undefined {
  const candidate = (window as unknown as { dataLayer?: unknown }).dataLayer;
  return typeof candidate === 'object' && candidate !== null && typeof (candidate as DataLayer).push === 'function'
    ? (candidate as DataLayer)
    : undefined;
}

/**
 * Pushes an event. GTM merges each push into one data model, so `lead_capture` and `user_data` are
 * cleared first (as GA4 asks for `ecommerce`): one lead's hashes never ride along with another's
 * event. `extra` carries GTM's `eventCallback`/`eventTimeout`. Never throws: a broken tag must not
 * break the form. Answers whether the event went in.
 */
export function pushEvent(window: Window, event: DataLayerEvent, extra: Readonly<Record<string, unknown>> = {}): boolean {
  const dataLayer = dataLayerOf(window);
  if (!dataLayer) return false;
  try {
    dataLayer.push({ lead_capture: null, user_data: null });
    dataLayer.push({ ...event, ...extra });
    return true;
  } catch {
    return false;
  }
}
