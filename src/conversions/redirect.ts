import type { OutcomeStatus } from '../adapters/lead.js';

/**
 * The thank-you page (`success-url`) and the page for a buyer's rejection (`rejected-url`, an offer
 * wall): a URL template whose only placeholders are `{event_id}`, `{status}` and `{destination}`,
 * each URL-encoded. No personal data ever goes into a URL (it ends up in logs and referrers).
 */
export const PLACEHOLDERS = ['event_id', 'status', 'destination'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** Which page an outcome leads to: the thank-you page for a lead the person is done with, the rejection page for a refusal. */
export function landingKind(status: OutcomeStatus): 'success' | 'rejected' | undefined {
  if (status === 'accepted' || status === 'qualified' || status === 'queued' || status === 'duplicate') return 'success';
  if (status === 'rejected') return 'rejected';
  return undefined;
}

/**
 * The template filled in and resolved against the page's address. Undefined when the result is not
 * an http(s) URL (a `javascript:` template never runs).
 */
export function outcomeUrl(template: string, values: Readonly<Record<Placeholder, string>>, base: string): string | undefined {
  const filled = template.trim().replace(/\{(event_id|status|destination)\}/g, (_, name: Placeholder) => encodeURIComponent(values[name]));
  if (filled === '') return undefined;
  try {
    const url = new URL(filled, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
