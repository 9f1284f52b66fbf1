import type { BotSignals, JornayaToken, TrustedFormCertificate } from '../adapters/lead.js';
import { defined } from '../adapters/defined.js';
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

/** Where the bot signals come from: the form's honeypot, and the page's challenge (a function or a field). */
export interface BotSignalSource {
  readonly ownerDocument: Document;
  querySelector<E extends Element = Element>(selectors: string): E | null;
  readonly challengeField: string;
  readonly challenge: (() => string | undefined | Promise<string | undefined>) | undefined;
}

/** The honeypot's value, the page's challenge token, and how long the form was on screen when the lead goes (asked last). */
export async function botSignals(source: BotSignalSource, elapsedMs: () => number): Promise<BotSignals> {
  const challengeToken = await readChallengeToken(source);
  return {
    honeypot: source.querySelector<HTMLInputElement>('input[name="lc_website"]')?.value ?? '',
    elapsedMs: Math.round(elapsedMs()),
    ...defined({ challengeToken }),
  };
}

/** The page's challenge token, from its function or its field; never fatal. */
async function readChallengeToken(source: BotSignalSource): Promise<string | undefined> {
  try {
    if (source.challenge) return (await source.challenge()) || undefined;
  } catch {
    return undefined;
  }
  if (source.challengeField === '') return undefined;
  const field = source.ownerDocument.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(source.challengeField)}"]`);
  return field?.value || undefined;
}
