import type { CreateResult } from './adapter.js';
import { httpFailure, isRetryableStatus, pick, pickText, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome, SubmitStepInput } from './lead.js';
import { compact, personName, tenDigits, trustedFormCertificateId } from './lead-mapping.js';
import { TokenError } from './token-cache.js';

/**
 * Alleviate MLAS's wire format (seed 000; DESTINATIONS.md, "Seed 000"): the GraphQL documents, the
 * request builders and the answer readers, all pure. `mlas.ts` runs them in order.
 */
export interface MlasEndpoints {
  /** `https://leads.alleviate.com/graphql` (production) or `https://leads-sandbox.alleviate.com/graphql`. */
  readonly graphqlUrl: string;
  /** `https://login.microsoftonline.com/{TENANT_ID}/oauth2/v2.0/token`. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `api://{DEBT_CORE_APP_ID}/.default`. */
  readonly scope: string;
}

export const CREATE_LEAD = `mutation CreateLead($input: LeadInput!) {
  createLead(input: $input) { id resultCode note partnerLeadId bidValue }
}`;

export const SUBMIT_LEAD = `mutation SubmitLead($input: SubmitLeadInput!) {
  submitLead(input: $input) { leadId statusCode crmRecordId crm partnerLeadId note }
}`;

export const GET_LEAD_STATUS = `query GetLeadStatus($id: ID!) {
  getLeadStatus(id: $id) { id resultCode updatedAt partnerLeadId bidValue }
}`;

/**
 * Our lead → `LeadInput`, one row per field. Phones are 10 digits; `homePhone` is required, so it
 * falls back to the mobile (DESIGN.md, "derives it rather than fail a good lead"). `leadId` is the
 * partner's own id: our idempotency key, unique per submission, by which MLAS deduplicates a resend.
 * `termsConsent` is true when consent evidence came with the lead (a box ticked, or the button
 * pressed under the disclosure) and left out otherwise: never a false the person did not say.
 */
export function mlasLeadInput(envelope: LeadEnvelope, idempotencyKey: string): Record<string, unknown> {
  const { lead, consent, trustedform, tracking } = envelope;
  const name = personName(lead);
  return compact({
    firstName: name.first,
    lastName: name.last,
    email: lead['email'],
    homePhone: tenDigits(lead['home_phone'] ?? lead['mobile']),
    cellPhone: tenDigits(lead['mobile']),
    workPhone: tenDigits(lead['business_phone']),
    address1: lead['address'],
    address2: lead['address2'],
    city: lead['city'],
    state: lead['state'],
    zipCode: lead['zip_code'],
    dateOfBirth: lead['date_of_birth'],
    leadId: idempotencyKey,
    trustedformCertificateID: trustedFormCertificateId(trustedform?.certUrl),
    termsConsent: consent ? true : undefined,
    // The page the form is on (issue 17): the last touch's page_url, else the consent record's.
    siteURL: tracking?.['page_url'] ?? consent?.pageUrl ?? tracking?.['landing_page'],
  });
}

function graphql(endpoints: MlasEndpoints, token: string, query: string, variables: Record<string, unknown>): WireRequest {
  return {
    url: endpoints.graphqlUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

export function buildMlasCreateRequest(envelope: LeadEnvelope, endpoints: MlasEndpoints, token: string, idempotencyKey: string): WireRequest {
  return graphql(endpoints, token, CREATE_LEAD, { input: mlasLeadInput(envelope, idempotencyKey) });
}

export function buildMlasSubmitRequest(mlasId: string, input: SubmitStepInput, endpoints: MlasEndpoints, token: string): WireRequest {
  const submitInput = compact({
    leadId: mlasId,
    trustedformCertificateID: trustedFormCertificateId(input.trustedform?.certUrl),
    mobilePhone: tenDigits(input.mobile),
  });
  return graphql(endpoints, token, SUBMIT_LEAD, { input: submitInput });
}

export function buildMlasStatusRequest(mlasId: string, endpoints: MlasEndpoints, token: string): WireRequest {
  return graphql(endpoints, token, GET_LEAD_STATUS, { id: mlasId });
}

export function buildMlasTokenRequest(endpoints: MlasEndpoints): WireRequest {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: endpoints.clientId,
    client_secret: endpoints.clientSecret,
    scope: endpoints.scope,
  });
  return { url: endpoints.tokenUrl, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
}

/** GraphQL errors (`{data: null, errors: [...]}`): validation problems are the lead's, final. */
function graphqlErrors(response: WireResponse): Outcome | undefined {
  const errors = pick(response.body, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const code = pickText(errors[0], 'extensions', 'code') ?? 'graphql_error';
  const message = errors.map((error) => pickText(error, 'message')).filter(Boolean).join('; ');
  const serverSide = /INTERNAL|UNAVAILABLE|TIMEOUT/i.test(code) || isRetryableStatus(response.status);
  return serverSide ? { status: 'failed', retryable: true, delivery: 'maybe_delivered', code, message } : { status: 'invalid', retryable: false, code, message };
}

/**
 * What a resultCode says of the lead (DESTINATIONS.md, "Result codes"), whether `createLead` or
 * `getLeadStatus` gave it: 1001 unique and 1020 re-purchased → accepted; 1003 → duplicate; 1013–1017
 * → qualified (submit next, when the partner submits by hand); 1000 processing and 9999 processing
 * error → failures the lead is held for (MLAS has it, and a resend is answered 1003, then resolved);
 * anything else (1018…) → final.
 */
export function mlasResult(code: string, id: string | undefined, note: string | undefined, manualSubmit: boolean): CreateResult {
  const kept = compact({ code, message: note, destinationId: id });
  const numeric = Number(code);
  if (numeric >= 1013 && numeric <= 1017) {
    return { outcome: { status: 'qualified', retryable: false, ...kept }, next: manualSubmit && id ? 'submit' : null, ...(id ? { reference: id } : {}) };
  }
  switch (code) {
    case '1001':
    case '1020':
      return { outcome: { status: 'accepted', retryable: false, ...kept }, next: null };
    case '1003':
      return { outcome: { status: 'duplicate', retryable: false, ...kept }, next: null };
    case '1000':
      return { outcome: { status: 'failed', retryable: true, delivery: 'maybe_delivered', ...kept, message: note ?? 'MLAS is still processing the lead.' }, next: null };
    case '9999':
      return { outcome: { status: 'failed', retryable: true, delivery: 'maybe_delivered', ...kept }, next: null };
    default:
      return { outcome: { status: 'rejected', retryable: false, ...kept, message: `MLAS answered resultCode ${code}, which this adapter does not know${note ? ` (${note})` : ''}.` }, next: null };
  }
}

export function readMlasCreateResponse(response: WireResponse, now: Date, manualSubmit = true): CreateResult {
  const result = pick(response.body, 'data', 'createLead');
  if (response.status !== 200 || result === undefined || result === null) {
    return { outcome: graphqlErrors(response) ?? httpFailure(response, now), next: null };
  }
  return mlasResult(pickText(result, 'resultCode') ?? '', pickText(result, 'id'), pickText(result, 'note'), manualSubmit);
}

/** `getLeadStatus`: `{ id, resultCode, updatedAt, partnerLeadId, bidValue }`, null for an unknown id. */
export function readMlasStatusResponse(response: WireResponse, now: Date): { resultCode: string; partnerLeadId: string | undefined } | Outcome {
  const status = pick(response.body, 'data', 'getLeadStatus');
  if (response.status === 200 && status === null) return { status: 'rejected', retryable: false, code: 'not_found', message: 'getLeadStatus does not know this MLAS id.' };
  const resultCode = pickText(status, 'resultCode');
  if (response.status !== 200 || resultCode === undefined) return graphqlErrors(response) ?? httpFailure(response, now);
  return { resultCode, partnerLeadId: pickText(status, 'partnerLeadId') };
}

/**
 * `submitLead`'s statusCode: 200 submitted, 208 already submitted (success, not an error), 400
 * TrustedForm required but missing, 422 verification failed (both final), 500 and 503 failures
 * (submitLead is idempotent, so they may be sent again). The vendor's own example answers 1021 with
 * a CRM record: an unknown code with a record is success. The CRM it went to (`crm`) is kept.
 */
export function readMlasSubmitResponse(response: WireResponse, now: Date): Outcome {
  const result = pick(response.body, 'data', 'submitLead');
  if (response.status !== 200 || result === undefined || result === null) {
    return graphqlErrors(response) ?? httpFailure(response, now);
  }
  const code = pickText(result, 'statusCode') ?? '';
  const kept = compact({ code, message: pickText(result, 'note'), destinationId: pickText(result, 'crmRecordId'), destinationSystem: pickText(result, 'crm') });
  switch (code) {
    case '200':
    case '208':
      return { status: 'accepted', retryable: false, ...kept };
    case '400':
      return { status: 'rejected', retryable: false, ...kept, code: 'trustedform_required' };
    case '422':
      return { status: 'rejected', retryable: false, ...kept, code: 'trustedform_failed' };
    case '503':
      return { status: 'failed', retryable: true, delivery: 'not_delivered', ...kept };
    case '500':
      return { status: 'failed', retryable: true, delivery: 'maybe_delivered', ...kept };
    default:
      return kept.destinationId ? { status: 'accepted', retryable: false, ...kept } : { status: 'rejected', retryable: false, ...kept };
  }
}

/** Entra ID's answer: `{ token_type, expires_in, access_token }`. */
export function readMlasTokenResponse(response: WireResponse, now: Date): { value: string; expiresAt: number } {
  const token = pickText(response.body, 'access_token');
  const expiresIn = Number(pickText(response.body, 'expires_in') ?? '3599');
  if (response.status !== 200 || !token) {
    throw new TokenError(isRetryableStatus(response.status), `token endpoint answered HTTP ${response.status}`);
  }
  return { value: token, expiresAt: now.getTime() + expiresIn * 1000 };
}
