import type { JornayaToken, TrustedFormCertificate } from '../adapters/lead.js';
import { awaitJornayaToken, loadJornaya } from '../consent/jornaya.js';
import { awaitCertificate, loadTrustedForm } from '../consent/trustedform.js';

/** What became of each piece of evidence for one lead; reported in the events, never silently dropped. */
export interface EvidenceReport {
  readonly trustedform: 'captured' | 'missing' | 'off';
  readonly jornaya: 'captured' | 'missing' | 'off';
}

export interface CollectedEvidence {
  readonly trustedform?: TrustedFormCertificate;
  readonly jornaya?: JornayaToken;
  readonly report: EvidenceReport;
}

export interface EvidenceOptions {
  readonly trustedform: boolean;
  readonly trustedformSrc: string | undefined;
  readonly timeoutMs: number;
  readonly jornaya: string;
  readonly jornayaSrc: string | undefined;
}

/**
 * Loads the consent recorders a page asked for (once per page, after the form exists, as TrustedForm
 * requires) and, on submit, waits a bounded time for what they put into the form.
 */
export function startRecorders(document: Document, options: EvidenceOptions): void {
  if (options.trustedform) loadTrustedForm(document, options.trustedformSrc);
  if (options.jornaya !== '') loadJornaya(document, options.jornaya, options.jornayaSrc);
}

export async function collectEvidence(form: HTMLFormElement, options: EvidenceOptions): Promise<CollectedEvidence> {
  const [certificate, leadId] = await Promise.all([
    options.trustedform ? awaitCertificate(form, options.timeoutMs) : undefined,
    options.jornaya !== '' ? awaitJornayaToken(form, options.timeoutMs) : undefined,
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
