import { defined } from '../adapters/defined.js';
import type { BotSignals } from '../adapters/lead.js';
import type { DeliveryHost, DeliveryOptions } from './delivery-options.js';
import { collectEvidence, type CollectedEvidence, type EvidenceOptions } from './evidence.js';

/**
 * What a lead is sent with besides the person's values, as delivery gathers it: the recorders'
 * certificate and token from the widget's own form, the consent record of what the form shows now,
 * and the bot signals with the time on screen counted to when the lead may go (the minimum fill time).
 */

/** How much longer a lead must wait, at `now`, to be sent no sooner than `minFillMs` after the form appeared (`shownAt`). */
export function holdMs(minFillMs: number, shownAt: number, now = performance.now()): number {
  return Math.max(0, minFillMs - (now - shownAt));
}

/** The bot signals as of now; sent no sooner than the minimum fill time (the flow holds it back), they report when it goes. */
export function botSignalsAt(host: DeliveryHost, shownAt: number): Promise<BotSignals> {
  return botSignals(host, () => performance.now() - shownAt + holdMs(host.minFillMs, shownAt));
}

/** Waits (bounded) for the recorders' certificate and token in the widget's own form. */
export async function recordersEvidence(host: HTMLElement, options: EvidenceOptions): Promise<CollectedEvidence | undefined> {
  const form = host.querySelector<HTMLFormElement>(':scope > form.lc-form');
  return form ? await collectEvidence(form, options) : undefined;
}

/** The consent record of what the form shows now, for the page it is on. */
export function consentRecord(options: Pick<DeliveryOptions, 'config' | 'consent' | 'tracking'>) {
  const config = options.config();
  return options.consent.record({ sellers: config.sellers, version: config.consentVersion, pageUrl: options.tracking.pageUrl(), now: new Date() });
}

/** Where the bot signals come from: the form's honeypot, and the page's challenge (a function or a field). */
interface BotSignalSource {
  readonly ownerDocument: Document;
  querySelector<E extends Element = Element>(selectors: string): E | null;
  readonly challengeField: string;
  readonly challenge: (() => string | undefined | Promise<string | undefined>) | undefined;
}

/** The honeypot's value, the page's challenge token, and how long the form was on screen when the lead goes (asked last). */
async function botSignals(source: BotSignalSource, elapsedMs: () => number): Promise<BotSignals> {
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
