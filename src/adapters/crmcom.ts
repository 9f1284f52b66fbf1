import type { Adapter, DeliveryContext } from './adapter.js';
import { exchange, httpFailure, isRetryableStatus, pickText, resendPolicy, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { compact, fillTemplate, personName } from './lead-mapping.js';
import { sendWithToken, TokenCache, TokenError } from './token-cache.js';
import { firstProblem, httpUrl, identifier, oneOf, type Settings, type SettingsProblem } from './settings-check.js';

/** CRM.COM Web API v2 `leads/create`, token from `authentication/token` (seed 004; DESTINATIONS.md). */
export interface CrmComSettings {
  /** The `{{server}}` part: `https://crm.example.com` (the adapter adds `/crmapi/rest/v2/…`). */
  readonly baseUrl: string;
  readonly username: string;
  readonly password: string;
  readonly organisation: string;
  readonly unit?: string;
  /** A lead type identifier: `{ "name": "Web Lead" }`, `{ "id": "…" }` or `{ "alternative_code": "…" }`. */
  readonly typeIdentifier: Readonly<Record<string, string>>;
  /** IMPORTANCE1–5 or CUSTOM1–3. */
  readonly importance: string;
  /** "1"–"6". */
  readonly priority: string;
  /** Lead source `type` (WEBSITE, ADVERTISEMENT, …); default WEBSITE. */
  readonly sourceType?: string;
  /** Lead source `name` (required for WEBSITE); default "{landing_page}" or "Web form". */
  readonly sourceName?: string;
  /** An existing contact to attach every lead to, instead of the person's own details. */
  readonly contactIdentifier?: Readonly<Record<string, string>>;
}

const API = '/crmapi/rest/v2';
/** R12+ tokens expire two hours after issue, whatever their use (DESTINATIONS.md, "Token lifetime"). */
const TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;

function url(settings: CrmComSettings, path: string): string {
  return `${settings.baseUrl.replace(/\/+$/, '')}${API}/${path}`;
}

export function buildCrmComLoginRequest(settings: CrmComSettings): WireRequest {
  return {
    url: url(settings, 'authentication/token'),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      compact({ username: settings.username, password: settings.password, organisation: settings.organisation, unit: settings.unit }),
    ),
  };
}

/**
 * Our lead → `leads/create`, the token in the body (its first documented parameter). The type,
 * importance, priority and source come from configuration; `contact_email`/`contact_phone` from the
 * lead. The contact-information and source objects' key names are elided in the seed:
 * `contact_information` and `source` are the inferred names (DESTINATIONS.md, marked [INFERRED]).
 */
export function crmComLeadBody(envelope: LeadEnvelope, settings: CrmComSettings, token: string): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  const phone = lead['mobile'] ?? lead['home_phone'] ?? lead['business_phone'];
  return compact({
    token,
    type_identifier: settings.typeIdentifier,
    importance: settings.importance,
    priority: settings.priority,
    contact_information:
      settings.contactIdentifier ??
      compact({ type: 'PERSON', first_name: name.first, last_name: name.last, email: lead['email'], phone }),
    source: compact({
      type: settings.sourceType ?? 'WEBSITE',
      name: fillTemplate(settings.sourceName ?? '{landing_page}', envelope) || 'Web form',
    }),
    contact_email: lead['email'],
    contact_phone: phone,
    description: lead['description'],
  });
}

export function buildCrmComCreateRequest(envelope: LeadEnvelope, settings: CrmComSettings, token: string): WireRequest {
  return {
    url: url(settings, 'leads/create'),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(crmComLeadBody(envelope, settings, token)),
  };
}

export function readCrmComLoginResponse(response: WireResponse, now: Date): { value: string; expiresAt: number } {
  const token = pickText(response.body, 'data', 'token');
  if (pickText(response.body, 'status', 'code') !== 'OK' || !token) {
    throw new TokenError(isRetryableStatus(response.status), `login answered ${pickText(response.body, 'status', 'code') ?? response.status}`);
  }
  return { value: token, expiresAt: now.getTime() + TOKEN_LIFETIME_MS };
}

/**
 * A non-OK status whose code speaks of the token or the session means "log in again"; CRM.COM's
 * codes are not published, so this is inferred from the envelope and matched loosely.
 */
export function isExpiredToken(response: WireResponse): boolean {
  const code = pickText(response.body, 'status', 'code') ?? '';
  return response.status === 401 || /TOKEN|SESSION|AUTH/i.test(code);
}

/** Success only when `status.code` is `OK`: `{status:{code,message,description}, data:{id,…}}`. */
export function readCrmComCreateResponse(response: WireResponse, now: Date): Outcome {
  const code = pickText(response.body, 'status', 'code');
  const message = [pickText(response.body, 'status', 'message'), pickText(response.body, 'status', 'description')].filter(Boolean).join(': ');
  if (code === 'OK') {
    const id = pickText(response.body, 'data', 'id') ?? pickText(response.body, 'data', 'number');
    return { status: 'accepted', retryable: false, code, ...(id ? { destinationId: id } : {}) };
  }
  if (code !== undefined && response.status < 500) return { status: 'rejected', retryable: false, code, ...(message ? { message } : {}) };
  return httpFailure(response, now);
}

const UNAUTHORISED: Outcome = { status: 'rejected', retryable: false, code: 'unauthorised', message: 'CRM.COM refused our credentials.' };

/** The `crmcom` adapter: the login token cached for its lifetime, one re-login when it has expired. */
export function crmCom(settings: CrmComSettings): Adapter {
  const tokens = new TokenCache(5 * 60 * 1000);
  return {
    name: 'crmcom',
    async create(envelope: LeadEnvelope, context: DeliveryContext) {
      const login = async () =>
        readCrmComLoginResponse(await exchange(buildCrmComLoginRequest(settings), context.fetch, context.signal), context.now());
      const answer = await sendWithToken(
        tokens,
        context,
        login,
        (token) => buildCrmComCreateRequest(envelope, settings, token),
        isExpiredToken,
        UNAUTHORISED,
      );
      const outcome = 'outcome' in answer ? answer.outcome : readCrmComCreateResponse(answer.response, context.now());
      // "Nothing is documented; each call creates one lead" (DESTINATIONS.md): no resend after a maybe.
      return { outcome: resendPolicy(outcome, false), next: null };
    },
  };
}

const IMPORTANCE = ['IMPORTANCE1', 'IMPORTANCE2', 'IMPORTANCE3', 'IMPORTANCE4', 'IMPORTANCE5', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
const PRIORITY = ['1', '2', '3', '4', '5', '6'];

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateCrmComSettings(settings: Settings): SettingsProblem | undefined {
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    oneOf(settings, 'importance', IMPORTANCE, 'the allowed lead importance values, seed 004'),
    oneOf(settings, 'priority', PRIORITY, 'the allowed lead priority values, as strings, seed 004'),
    identifier(settings, 'typeIdentifier', ['id', 'name', 'alternative_code']),
    identifier(settings, 'contactIdentifier', ['id', 'id_number', 'passport_number', 'social_security_number', 'vat_registration_number', 'registration_number']),
  );
}
