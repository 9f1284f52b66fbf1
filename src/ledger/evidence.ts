import type { LeadEnvelope } from '../adapters/lead.js';

/**
 * The consent evidence the ledger keeps for `retention.consentDays` (DESIGN.md, "Consent evidence
 * and retention"): what the person agreed to and when, as the page reported it, beside what the
 * relay itself saw (its receive time, the client address and user agent), and the phone numbers and
 * email the consent covers — a TCPA record is useless without the number.
 */
export interface ConsentEvidenceRecord {
  readonly text: string;
  readonly sha256: string;
  readonly sellers: readonly string[];
  readonly version?: string;
  readonly checkedAt: string | null;
  readonly submittedAt: string;
  readonly pageUrl: string;
  /** The relay's own time of receipt, beside the browser's times. */
  readonly receivedAt: string;
  readonly clientIp?: string;
  readonly userAgent?: string;
  readonly trustedformCertUrl?: string;
  readonly jornayaLeadId?: string;
  readonly phones: readonly string[];
  readonly email?: string;
  /** The visit that brought the person: the last touch, and the first where it was another (issue 17). */
  readonly tracking?: Readonly<Record<string, string>>;
  readonly firstTouch?: Readonly<Record<string, string>>;
}

/** What the relay saw of the request the lead came in. */
export interface RequestSeen {
  readonly receivedAt: Date;
  readonly clientIp?: string;
  readonly userAgent?: string;
}

const PHONE_FIELDS = ['mobile', 'home_phone', 'business_phone'] as const;

/** The evidence record of a lead, or undefined when it carries no consent. */
export function consentEvidence(envelope: LeadEnvelope, seen: RequestSeen): ConsentEvidenceRecord | undefined {
  const consent = envelope.consent;
  if (!consent) return undefined;
  const phones = [...new Set(PHONE_FIELDS.map((field) => envelope.lead[field]).filter((phone): phone is string => typeof phone === 'string' && phone !== ''))];
  const email = envelope.lead['email'];
  return {
    text: consent.text,
    sha256: consent.sha256,
    sellers: consent.sellers,
    ...(consent.version === undefined ? {} : { version: consent.version }),
    checkedAt: consent.checkedAt,
    submittedAt: consent.submittedAt,
    pageUrl: consent.pageUrl,
    receivedAt: seen.receivedAt.toISOString(),
    ...(seen.clientIp === undefined ? {} : { clientIp: seen.clientIp }),
    ...(seen.userAgent === undefined ? {} : { userAgent: seen.userAgent }),
    ...(envelope.trustedform?.certUrl === undefined ? {} : { trustedformCertUrl: envelope.trustedform.certUrl }),
    ...(envelope.jornaya?.leadId === undefined ? {} : { jornayaLeadId: envelope.jornaya.leadId }),
    phones,
    ...(email === undefined || email === '' ? {} : { email }),
    ...(envelope.tracking === undefined ? {} : { tracking: envelope.tracking }),
    ...(envelope.first_touch === undefined ? {} : { firstTouch: envelope.first_touch }),
  };
}
