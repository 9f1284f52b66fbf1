import { awaitJornayaToken, loadJornaya } from '../consent/jornaya.js';
import { awaitCertificate, loadTrustedForm } from '../consent/trustedform.js';
import type { CollectedEvidence, EvidenceOptions } from './evidence.js';

/**
 * The consent recorders themselves (TrustedForm, Jornaya): loading their scripts and reading what
 * they put into the form. In a chunk of their own (`lead-capture.recorders.js`), which only a form
 * whose page asked for one loads (recorders-part.ts decides); the rest of delivery never needs them.
 */

/** Loads the recorders a page asked for, once per page, after the form exists (TrustedForm's own prerequisite). */
export function startRecorders(document: Document, options: EvidenceOptions): void {
  if (options.trustedform) loadTrustedForm(document, options.trustedformSrc);
  if (options.jornaya !== '') loadJornaya(document, options.jornaya, options.jornayaSrc);
}

/** Waits a bounded time for what the recorders put into the form, and says what became of each. */
export async function collectEvidence(form: HTMLFormElement, options: EvidenceOptions): Promise<CollectedEvidence> {
  const [certificate, leadId] = await Promise.all([
    options.trustedform ? awaitCertificate(form, options.trustedformTimeout) : undefined,
    options.jornaya !== '' ? awaitJornayaToken(form, options.trustedformTimeout) : undefined,
  ]);
  return {
    ...(certificate ? { trustedform: certificate } : {}),
    ...(leadId ? { jornaya: { leadId } } : {}),
    report: {
      trustedform: !options.trustedform ? 'off' : certificate ? 'captured' : 'missing',
      jornaya: options.jornaya === '' ? 'off' : leadId ? 'captured' : 'missing',
    },
  };
}
