/**
 * Claiming ("retaining") a lead's TrustedForm certificate through ActiveProspect's Certificate API
 * v4 before delivery (issue 20). An unclaimed certificate expires after 72 hours (90 days when the
 * form submission was seen); a retained one is kept for the account's retention period: the evidence
 * an operator needs when a TCPA suit arrives years later.
 *
 * The request and the answer are mapped in trustedform-wire.ts (pure), the settings read in
 * trustedform-settings.ts; this module is the call.
 */
import { exchange, type WireResponse } from '../adapters/http.js';
import type { TrustedFormSettings } from './trustedform-settings.js';
import { certificateId, claimRequest, readClaimAnswer, type ClaimInput, type ClaimResult } from './trustedform-wire.js';

/**
 * Claims the lead's certificate within `settings.timeoutMs`. Refuses without a call when there is no
 * certificate, when its URL is not TrustedForm's (our API key would go to whoever wrote it), or when
 * the lead has neither email nor phone to match (the v4 API requires `match_lead` with `retain`).
 */
export async function claimCertificate(settings: TrustedFormSettings, input: ClaimInput, fetchImpl: typeof fetch): Promise<ClaimResult> {
  if (!input.certUrl) return { kind: 'refused', code: 'no_certificate' };
  const certId = certificateId(input.certUrl);
  if (certId === undefined) return { kind: 'refused', code: 'not_trustedform' };
  if (!input.email && !input.phone) return { kind: 'refused', code: 'no_match_data' };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let answer: WireResponse;
  try {
    answer = await exchange(claimRequest(settings, certId, input), fetchImpl, signal);
  } catch {
    return { kind: 'unavailable', code: signal.aborted ? 'timeout' : 'network' };
  }
  return readClaimAnswer(certId, answer);
}
