import { defined } from '../adapters/defined.js';
import type { BotSignals, ConsentEvidence, LeadEnvelope, SubmitStepInput, TrustedFormCertificate } from '../adapters/lead.js';
import type { CollectedEvidence } from './evidence.js';

/**
 * The lead as the form holds it: where it goes (only when the page names a destination), the values,
 * and the consent record of what the form shows now (issue 15: a box ticked or unticked since a
 * failure makes it another lead). Its fingerprint decides whether a second press sends the same lead.
 */
export function bareEnvelope(destination: string, lead: Readonly<Record<string, string>>, consent: ConsentEvidence | undefined): LeadEnvelope {
  return defined({ destination: destination || undefined, lead, consent });
}

/** The lead with its evidence: the recorders' certificate and token (those that came), tracking and bot signals. */
export function withEvidence(
  bare: LeadEnvelope,
  evidence: Omit<CollectedEvidence, 'report'> | undefined,
  tracking: Pick<LeadEnvelope, 'tracking' | 'first_touch'>,
  bot: BotSignals,
): LeadEnvelope {
  return {
    ...bare,
    ...defined({ trustedform: evidence?.trustedform, jornaya: evidence?.jornaya }),
    ...tracking,
    bot,
  };
}

/**
 * The deferred consent step's input: the mobile the person confirmed, the certificate when one came,
 * and the step's consent record, which the relay keeps as the lead's evidence.
 */
export function consentStepInput(mobile: string, trustedform: TrustedFormCertificate | undefined, consent: ConsentEvidence | undefined): SubmitStepInput {
  return defined({ mobile, trustedform, consent });
}

/**
 * The second step sent at once after the lead is created, when consent (and its certificate) came
 * with the form (`consent-timing="create"`): the lead's own mobile and certificate, those it has.
 */
export function secondStepInput(sent: LeadEnvelope | undefined): SubmitStepInput {
  return defined({ mobile: sent?.lead['mobile'] || undefined, trustedform: sent?.trustedform });
}
