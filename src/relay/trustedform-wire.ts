/**
 * ActiveProspect's Certificate API v4 on the wire, for claiming a certificate (trustedform-claim.ts):
 * the request built and the answer read, both pure.
 *
 * The API, as documented (developers.activeprospect.com/api-reference/certificate-url/run-certificate-
 * operations; support articles "Certificate API Version 4.0", "Retain API Operation", "Lead Matching
 * API Operation", "Troubleshooting the Certificate API"):
 * - `POST` to the certificate URL itself; HTTP Basic auth, username `API`, the account API key as the
 *   password; `Content-Type: application/json`, `Accept: application/json`, `api-version: 4.0`.
 * - Body: operations by name. `retain: { reference, vendor }` stores the certificate; `match_lead:
 *   { email, phone }` is required with `retain` and compares the lead with what the certificate
 *   recorded (TrustedForm lowercases emails and strips whitespace, hyphens, brackets and parentheses
 *   from phones before hashing); `insights: { properties, scans: { required, forbidden } }` scans the
 *   recorded page.
 * - Answer 200: `{ outcome: "success" | "failure" | "error", reason, match_lead: { email, phone,
 *   result: { email_match, phone_match, success } }, retain: { reference, vendor, results:
 *   { expires_at, masked_cert_url, previously_retained } }, insights: { scans: { result: { required:
 *   { found, not_found }, forbidden: { found, not_found }, success } } } }`. "Best practice is to base
 *   your purchase decision on [outcome]." A failed match does not stop the retain.
 * - Other answers: 400 bad request, 401 incorrect API key, 402 account inactive or out of funds, 403
 *   operation not available to the account, 404/410 "certificate has expired or could not be found",
 *   a sandboxed certificate (405 in the troubleshooting article), 422 unprocessable; bodies
 *   `{ outcome: "error", reason }` (401: `{ "error": "authentication failed" }`).
 * - "Do not make a request unless the URL starts with https://cert.trustedform.com, otherwise you may
 *   expose your TrustedForm credentials to someone else": we take only the certificate's id from the
 *   URL the browser sent and build the URL ourselves.
 */
import { pick, type WireRequest, type WireResponse } from '../adapters/http.js';
import type { TrustedFormSettings } from './trustedform-settings.js';

/** What the lead brings to a claim: the certificate URL the page captured, our id, its contact details. */
export interface ClaimInput {
  readonly certUrl: string | undefined;
  /** Our lead id, stored on the certificate as its `reference`. */
  readonly leadId: string;
  readonly email?: string;
  /** E.164 (`+12125550123`), as the relay normalises phones. */
  readonly phone?: string;
}

/** What the ledger keeps of a claim: no personal data (the answer's echoed email and phone are dropped). */
export interface ClaimRecord {
  /** The certificate id shortened for logs and events: `454a35…886c`. */
  readonly certificate: string;
  /** When the retained certificate stops being available. */
  readonly expiresAt?: string;
  /** TrustedForm's URL of the certificate with the lead source and replay masked, for sharing. */
  readonly maskedCertUrl?: string;
  readonly previouslyRetained?: boolean;
  /** null: that value was not sent. */
  readonly match: { readonly email: boolean | null; readonly phone: boolean | null; readonly success: boolean };
  readonly pageScan?: { readonly success: boolean; readonly requiredNotFound: readonly string[]; readonly forbiddenFound: readonly string[] };
}

export type ClaimRefusal = 'no_certificate' | 'not_trustedform' | 'no_match_data' | 'expired_or_unknown' | 'sandboxed' | 'mismatch' | 'page_scan_failed' | 'claim_failed' | 'not_claimable';
export type ClaimUnavailable = 'network' | 'timeout' | 'http_status' | 'unreadable_answer' | 'unauthorised' | 'account_inactive' | 'operation_unavailable' | 'claim_error';

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly claim: ClaimRecord }
  | {
      /** The certificate cannot back this lead; with `requireClaim` the lead is not forwarded. */
      readonly kind: 'refused';
      readonly code: ClaimRefusal;
      /** TrustedForm's own explanation, when it gave one. */
      readonly reason?: string;
      /** Present when TrustedForm retained the certificate anyway (a failed match or scan). */
      readonly claim?: ClaimRecord;
    }
  | {
      /** Not known now (TrustedForm unreachable, or our account or key refused): retry later. */
      readonly kind: 'unavailable';
      readonly code: ClaimUnavailable;
      readonly status?: number;
      readonly reason?: string;
    };

const CERT_URL = /^https:\/\/cert\.trustedform\.com\/([A-Za-z0-9_-]{1,255})$/;

/** The certificate id of a TrustedForm certificate URL, or undefined for any other URL. */
export function certificateId(certUrl: string): string | undefined {
  return CERT_URL.exec(certUrl.trim())?.[1];
}

/** A certificate id shortened for logs and events: its URL opens the recorded session. */
export function maskCertificateId(id: string): string {
  return id.length <= 12 ? `${id.slice(0, 3)}…` : `${id.slice(0, 6)}…${id.slice(-4)}`;
}

/**
 * The phone as TrustedForm will compare it: it strips only whitespace, hyphens, brackets and
 * parentheses, so "+12125550123" would not match the "(212) 555-0123" a person typed. Every number
 * the relay takes is in the North American Numbering Plan (src/fields/phone.ts): send the ten digits.
 */
export function matchPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** The v4 claim request for a certificate id. Pure; `input` must carry an email or a phone. */
export function claimRequest(settings: TrustedFormSettings, certId: string, input: ClaimInput): WireRequest {
  const matchLead: Record<string, string> = {};
  if (input.email) matchLead['email'] = input.email.trim().toLowerCase();
  if (input.phone) matchLead['phone'] = matchPhone(input.phone);
  const body: Record<string, unknown> = {
    match_lead: matchLead,
    retain: { reference: input.leadId, ...(settings.vendor === undefined ? {} : { vendor: settings.vendor }) },
  };
  // ActiveProspect's own LeadConduit integration sends a page scan with no Insights properties.
  if (settings.scans) body['insights'] = { properties: [], scans: { required: settings.scans.required, forbidden: settings.scans.forbidden } };
  return {
    url: `${settings.certificateBaseUrl}/${certId}`,
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`API:${settings.apiKey}`)}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'api-version': '4.0',
    },
    body: JSON.stringify(body),
  };
}

function optionalBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function reasonOf(body: unknown): string | undefined {
  const reason = pick(body, 'reason') ?? pick(body, 'error');
  // The documented example answers the string "null" for no reason.
  return typeof reason === 'string' && reason !== '' && reason !== 'null' ? reason : undefined;
}

function record(certId: string, body: unknown): ClaimRecord {
  const results = pick(body, 'retain', 'results');
  const expiresAt = pick(results, 'expires_at');
  const masked = pick(results, 'masked_cert_url');
  const previously = pick(results, 'previously_retained');
  const scan = pick(body, 'insights', 'scans', 'result');
  return {
    certificate: maskCertificateId(certId),
    ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
    ...(typeof masked === 'string' && masked !== '' ? { maskedCertUrl: masked } : {}),
    // The documented example has the string "false" here; the LeadConduit tests a boolean.
    ...(typeof previously === 'boolean' || previously === 'true' || previously === 'false' ? { previouslyRetained: previously === true || previously === 'true' } : {}),
    match: {
      email: optionalBoolean(pick(body, 'match_lead', 'result', 'email_match')),
      phone: optionalBoolean(pick(body, 'match_lead', 'result', 'phone_match')),
      success: pick(body, 'match_lead', 'result', 'success') === true,
    },
    ...(typeof scan === 'object' && scan !== null
      ? {
          pageScan: {
            success: pick(scan, 'success') === true,
            requiredNotFound: strings(pick(scan, 'required', 'not_found')),
            forbiddenFound: strings(pick(scan, 'forbidden', 'found')),
          },
        }
      : {}),
  };
}

/** Reads TrustedForm's answer into a claim result. Pure. */
export function readClaimAnswer(certId: string, answer: WireResponse): ClaimResult {
  const reason = reasonOf(answer.body);
  const withReason = reason === undefined ? {} : { reason };
  if (answer.status === 200 || answer.status === 201) {
    const outcome = pick(answer.body, 'outcome');
    if (outcome === 'success') return { kind: 'claimed', claim: record(certId, answer.body) };
    if (outcome === 'failure') {
      const claim = record(certId, answer.body);
      const code: ClaimRefusal = pick(answer.body, 'match_lead', 'result', 'success') === false ? 'mismatch' : claim.pageScan?.success === false ? 'page_scan_failed' : 'claim_failed';
      return { kind: 'refused', code, ...withReason, claim };
    }
    // "Error indicates that the certificate was not claimed and the request should be reviewed and
    // potentially retried."
    if (outcome === 'error') return { kind: 'unavailable', code: 'claim_error', status: answer.status, ...withReason };
    return { kind: 'unavailable', code: 'unreadable_answer', status: answer.status };
  }
  const status = answer.status;
  if (status === 404 || status === 410) return { kind: 'refused', code: 'expired_or_unknown', ...withReason };
  if (status === 405 || /sandbox/i.test(reason ?? '')) return { kind: 'refused', code: 'sandboxed', ...withReason };
  if (status === 400 || status === 406 || status === 422) return { kind: 'refused', code: 'not_claimable', ...withReason };
  if (status === 401) return { kind: 'unavailable', code: 'unauthorised', status, ...withReason };
  if (status === 402) return { kind: 'unavailable', code: 'account_inactive', status, ...withReason };
  if (status === 403) return { kind: 'unavailable', code: 'operation_unavailable', status, ...withReason };
  return { kind: 'unavailable', code: 'http_status', status };
}

