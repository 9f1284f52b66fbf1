import type { Adapter, CreateResult, DeliveryContext } from './adapter.js';
import { exchange, httpFailure, isRetryableStatus, pick, pickText, resendPolicy, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome, SubmitStepInput } from './lead.js';
import { compact, personName, tenDigits, trustedFormCertificateId } from './lead-mapping.js';
import { sendWithToken, TokenCache, TokenError } from './token-cache.js';
import { firstProblem, flag, httpUrl, text, type Settings, type SettingsProblem } from './settings-check.js';

/**
 * Alleviate MLAS (seed 000): GraphQL `createLead`, then `submitLead` for qualified leads, behind an
 * OAuth2 client-credentials token from Microsoft Entra ID (DESTINATIONS.md, "Seed 000").
 */
export interface MlasSettings {
  /** `https://leads.alleviate.com/graphql` (production) or `https://leads-sandbox.alleviate.com/graphql`. */
  readonly graphqlUrl: string;
  /** `https://login.microsoftonline.com/{TENANT_ID}/oauth2/v2.0/token`. */
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `api://{DEBT_CORE_APP_ID}/.default`. */
  readonly scope: string;
  /** Whether qualified leads need our `submitLead` (the partner's "manual CRM submission"); default true. */
  readonly manualSubmit?: boolean;
}

export const CREATE_LEAD = `mutation CreateLead($input: LeadInput!) {
  createLead(input: $input) { id resultCode note partnerLeadId bidValue }
}`;

export const SUBMIT_LEAD = `mutation SubmitLead($input: SubmitLeadInput!) {
  submitLead(input: $input) { leadId statusCode crmRecordId crm partnerLeadId note }
}`;

/**
 * Our lead → `LeadInput`, one row per field. Phones are 10 digits; `homePhone` is required, so it
 * falls back to the mobile (DESIGN.md, "derives it rather than fail a good lead"). `leadId` is the
 * partner's own id: our idempotency key, unique per submission.
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
    termsConsent: consent ? consent.checkedAt !== null : undefined,
    siteURL: consent?.pageUrl ?? tracking?.['landing_page'],
  });
}

function graphql(settings: MlasSettings, token: string, query: string, input: Record<string, unknown>): WireRequest {
  return {
    url: settings.graphqlUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  };
}

export function buildMlasCreateRequest(envelope: LeadEnvelope, settings: MlasSettings, token: string, idempotencyKey: string): WireRequest {
  return graphql(settings, token, CREATE_LEAD, mlasLeadInput(envelope, idempotencyKey));
}

export function buildMlasSubmitRequest(mlasId: string, input: SubmitStepInput, settings: MlasSettings, token: string): WireRequest {
  return graphql(
    settings,
    token,
    SUBMIT_LEAD,
    compact({
      leadId: mlasId,
      trustedformCertificateID: trustedFormCertificateId(input.trustedform?.certUrl),
      mobilePhone: tenDigits(input.mobile),
    }),
  );
}

export function buildMlasTokenRequest(settings: MlasSettings): WireRequest {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    scope: settings.scope,
  });
  return {
    url: settings.tokenUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  };
}

/** GraphQL errors (`{data: null, errors: [...]}`): validation problems are the lead's, final. */
function graphqlErrors(response: WireResponse): Outcome | undefined {
  const errors = pick(response.body, 'errors');
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const code = pickText(errors[0], 'extensions', 'code') ?? 'graphql_error';
  const message = errors.map((error) => pickText(error, 'message')).filter(Boolean).join('; ');
  const serverSide = /INTERNAL|UNAVAILABLE|TIMEOUT/i.test(code) || isRetryableStatus(response.status);
  return serverSide
    ? { status: 'failed', retryable: true, code, message }
    : { status: 'invalid', retryable: false, code, message };
}

/**
 * `createLead`'s resultCode (DESTINATIONS.md, "Result codes"): 1001 unique → accepted; 1003 →
 * duplicate; 1013–1017 → qualified (submit next); 1020 duplicate re-purchased → accepted; 9999 →
 * retryable; 1000 (processing) → accepted, the lead exists; anything else (1018…) → final.
 */
export function readMlasCreateResponse(response: WireResponse, now: Date, manualSubmit = true): CreateResult {
  const result = pick(response.body, 'data', 'createLead');
  if (response.status !== 200 || result === undefined || result === null) {
    return { outcome: graphqlErrors(response) ?? httpFailure(response, now), next: null };
  }
  const id = pickText(result, 'id');
  const code = pickText(result, 'resultCode') ?? '';
  const note = pickText(result, 'note');
  const kept = compact({ code, message: note, destinationId: id });
  const numeric = Number(code);
  if (numeric >= 1013 && numeric <= 1017) {
    const outcome: Outcome = { status: 'qualified', retryable: false, ...kept };
    return { outcome, next: manualSubmit && id ? 'submit' : null, ...(id ? { reference: id } : {}) };
  }
  const status: Outcome['status'] =
    code === '1001' || code === '1020' || code === '1000' ? 'accepted' : code === '1003' ? 'duplicate' : code === '9999' ? 'failed' : 'rejected';
  return { outcome: { status, retryable: code === '9999', ...kept }, next: null };
}

/**
 * `submitLead`'s statusCode: 200 submitted, 208 already submitted (success, not an error), 400
 * TrustedForm required but missing, 422 verification failed (both final), 500 and 503 retryable.
 * The vendor's own example answers 1021 with a CRM record: an unknown code with a record is success.
 */
export function readMlasSubmitResponse(response: WireResponse, now: Date): Outcome {
  const result = pick(response.body, 'data', 'submitLead');
  if (response.status !== 200 || result === undefined || result === null) {
    return graphqlErrors(response) ?? httpFailure(response, now);
  }
  const code = pickText(result, 'statusCode') ?? '';
  const kept = compact({ code, message: pickText(result, 'note'), destinationId: pickText(result, 'crmRecordId') });
  switch (code) {
    case '200':
    case '208':
      return { status: 'accepted', retryable: false, ...kept };
    case '400':
      return { status: 'rejected', retryable: false, ...kept, code: 'trustedform_required' };
    case '422':
      return { status: 'rejected', retryable: false, ...kept, code: 'trustedform_failed' };
    case '500':
    case '503':
      return { status: 'failed', retryable: true, ...kept };
    default:
      return kept.destinationId
        ? { status: 'accepted', retryable: false, ...kept }
        : { status: 'rejected', retryable: false, ...kept };
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

const UNAUTHORISED: Outcome = {
  status: 'rejected',
  retryable: false,
  code: 'unauthorised',
  message: 'MLAS refused our credentials: check clientId, clientSecret, scope and tokenUrl.',
};

/** The `mlas` adapter: a token cached until five minutes before expiry, refreshed once on a 401. */
export function mlas(settings: MlasSettings): Adapter {
  const tokens = new TokenCache(5 * 60 * 1000);

  function authorised(delivery: DeliveryContext, build: (token: string) => WireRequest) {
    const fetchToken = async () =>
      readMlasTokenResponse(await exchange(buildMlasTokenRequest(settings), delivery.fetch, delivery.signal), delivery.now());
    return sendWithToken(tokens, delivery, fetchToken, build, (response) => response.status === 401, UNAUTHORISED);
  }

  return {
    name: 'mlas',
    async create(envelope, delivery) {
      const answer = await authorised(delivery, (token) => buildMlasCreateRequest(envelope, settings, token, delivery.idempotencyKey));
      const result = 'outcome' in answer ? { outcome: answer.outcome, next: null } : readMlasCreateResponse(answer.response, delivery.now(), settings.manualSubmit ?? true);
      // MLAS deduplicates by our leadId: a resend answers 1003 instead of making a second record.
      return { ...result, outcome: resendPolicy(result.outcome, true) };
    },
    async submit(reference, input, delivery) {
      const answer = await authorised(delivery, (token) => buildMlasSubmitRequest(reference, input, settings, token));
      // submitLead is idempotent (208 "already submitted"): a resend is safe.
      return resendPolicy('outcome' in answer ? answer.outcome : readMlasSubmitResponse(answer.response, delivery.now()), true);
    },
  };
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateMlasSettings(settings: Settings): SettingsProblem | undefined {
  return firstProblem(httpUrl(settings, 'graphqlUrl'), httpUrl(settings, 'tokenUrl'), text(settings, 'clientId'), text(settings, 'scope'), flag(settings, 'manualSubmit'));
}
