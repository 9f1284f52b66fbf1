import type { JornayaToken, TrustedFormCertificate } from '../adapters/lead.js';
import type { LeadCaptureConfig } from './config.js';
import { loadRecorders, usesRecorders } from './recorders-part.js';

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

/** What the recorders are to do: the element's configuration as they read it (`trustedformTimeout` bounds the wait for either). */
export type EvidenceOptions = Pick<LeadCaptureConfig, 'trustedform' | 'trustedformSrc' | 'trustedformTimeout' | 'jornaya' | 'jornayaSrc'>;

/**
 * On submit, waits at most `trustedformTimeout` ms in all for what the recorders put into the form,
 * their chunk's load included: a chunk that cannot be loaded (or not in time) is treated as a blocked
 * vendor script, each piece asked for `missing`, and the lead still goes (README, "Consent and
 * TrustedForm"). Every piece `off` when none was asked for.
 */
export async function collectEvidence(form: HTMLFormElement, options: EvidenceOptions): Promise<CollectedEvidence> {
  if (!usesRecorders(options)) return { report: { trustedform: 'off', jornaya: 'off' } };
  const deadline = performance.now() + options.trustedformTimeout;
  let timer: number | undefined;
  const chunk = await Promise.race([
    loadRecorders().catch(() => undefined),
    new Promise<undefined>((resolve) => (timer = window.setTimeout(resolve, options.trustedformTimeout))),
  ]);
  clearTimeout(timer);
  if (!chunk) return { report: { trustedform: options.trustedform ? 'missing' : 'off', jornaya: options.jornaya === '' ? 'off' : 'missing' } };
  chunk.startRecorders(form.ownerDocument, options);
  return chunk.collectEvidence(form, { ...options, trustedformTimeout: Math.max(0, deadline - performance.now()) });
}
