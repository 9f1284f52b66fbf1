import type { BotSignals } from '../adapters/lead.js';
import type { DeliveryHost, DeliveryOptions } from './delivery-options.js';
import { botSignals, collectEvidence, type CollectedEvidence, type EvidenceOptions } from './evidence.js';

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
