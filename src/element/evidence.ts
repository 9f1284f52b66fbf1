import type { BotSignals, JornayaToken, TrustedFormCertificate } from '../adapters/lead.js';
import { defined } from '../adapters/defined.js';
import { withRetries } from './chunk-retry.js';
import { chunks } from './chunks.js';
import type { LeadCaptureConfig } from './config.js';
import { oncePerPage } from './load-once.js';

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

/** Whether the page asked for a consent recorder (TrustedForm, Jornaya): only then is their chunk loaded. */
export function usesRecorders(options: EvidenceOptions): boolean {
  return options.trustedform || options.jornaya !== '';
}

/** The recorders' chunk (`lead-capture.recorders.js`), once per page, tried again after a failure as the other chunks are. */
const recorders = oncePerPage(() => withRetries(() => chunks.recorders()));

/**
 * Loads the consent recorders a page asked for (once per page, after the form exists, as TrustedForm
 * requires); their code comes in its own chunk (src/element/recorders.ts). A chunk that cannot be
 * loaded rejects: the caller decides (the lead itself never waits on it, see collectEvidence).
 */
export async function startRecorders(document: Document, options: EvidenceOptions): Promise<void> {
  if (usesRecorders(options)) (await recorders()).startRecorders(document, options);
}

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
    recorders().catch(() => undefined),
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
