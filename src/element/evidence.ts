import type { BotSignals, JornayaToken, TrustedFormCertificate } from '../adapters/lead.js';
import { awaitJornayaToken, loadJornaya } from '../consent/jornaya.js';
import { awaitCertificate, loadTrustedForm } from '../consent/trustedform.js';
import type { LeadCaptureConfig } from './config.js';

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

/** What the recorders are to do, from the element's configuration. */
export function evidenceOptions(config: LeadCaptureConfig): EvidenceOptions {
  return {
    trustedform: config.trustedform,
    trustedformSrc: config.trustedformSrc,
    timeoutMs: config.trustedformTimeout,
    jornaya: config.jornaya,
    jornayaSrc: config.jornayaSrc,
  };
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
    ...(challengeToken ? { challengeToken } : {}),
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
