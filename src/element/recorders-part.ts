import { withRetries } from './chunk-retry.js';
import { chunks } from './chunks.js';
import type { EvidenceOptions } from './evidence.js';
import { oncePerPage } from './load-once.js';

/**
 * The consent recorders (TrustedForm, Jornaya) come in a chunk of their own
 * (`lead-capture.recorders.js`), loaded only by a form whose page asked for one, beside the rules
 * right after the form is first rendered, so the vendor's recording starts as early as the form
 * exists. Nothing waits for it: a lead waits for their evidence only within `trustedform-timeout`
 * (evidence.ts).
 */

/** Whether the page asked for a consent recorder (TrustedForm, Jornaya): only then is their chunk loaded. */
export function usesRecorders(options: EvidenceOptions): boolean {
  return options.trustedform || options.jornaya !== '';
}

/** The recorders' chunk, once per page, tried again after a failure as the other chunks are. */
export const loadRecorders = oncePerPage(() => withRetries(() => chunks.recorders()));

/**
 * Starts the recorders a page asked for (once per page, after the form exists, as TrustedForm
 * requires). A chunk that cannot be loaded rejects: the caller decides.
 */
export async function startRecorders(document: Document, options: EvidenceOptions): Promise<void> {
  if (usesRecorders(options)) (await loadRecorders()).startRecorders(document, options);
}
