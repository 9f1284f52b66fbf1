import type { Adapter, DeliveryContext } from './adapter.js';
import { exchange, httpFailure, isRetryableStatus, pickText, resendPolicy, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { answerLines, answersByField, type AnswerFieldCheck, type WithQuestions } from './answers.js';
import { compact, describeWith, fillTemplate, personName, unplacedLines } from './lead-mapping.js';
import { firstProblem, httpUrl, identifier, object, oneOf, templateMap, wholeNumber, type Settings, type SettingsProblem } from './settings-check.js';
import { sendWithToken, TokenCache, TokenError } from './token-cache.js';

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
  /** Lead source `type`: one that takes a free-text name (WEBSITE, ADVERTISEMENT, OTHER, CUSTOM1–3); default WEBSITE. */
  readonly sourceType?: string;
  /** Lead source `name` (required for those types); default "{landing_page}", or "Web form". */
  readonly sourceName?: string;
  /** An existing contact to relate every lead to (one identifier key), instead of a new contact made of the person's name. */
  readonly contactIdentifier?: Readonly<Record<string, string>>;
  /**
   * "Mandatory if the specified contact information is already a customer" (seed 004): the
   * accounts receivable of the `contactIdentifier` contact, `{ "number": "…" }` or `{ "id": "…" }`.
   */
  readonly accountsReceivableIdentifier?: Readonly<Record<string, string>>;
  /** "Mandatory to be specified, unless … set automatically through ACR rules": the Assigned to object, as the account's release documents it. */
  readonly assignedTo?: Readonly<Record<string, unknown>>;
  /** "Semi-optional": the Time Period object, as the account's release documents it; or… */
  readonly estimatedCompletionTime?: Readonly<Record<string, unknown>>;
  /** …the expected completion date as this many days after the lead arrives. */
  readonly expectedCompletionDays?: number;
  /** `udf_string_1`…`udf_string_8` → a template of the lead's fields and tracking: `{ "udf_string_1": "{utm_source}" }`. */
  readonly udfStrings?: Readonly<Record<string, string>>;
}

const API = '/crmapi/rest/v2';
/** R12+ tokens expire two hours after issue, whatever their use (DESTINATIONS.md, "Token lifetime"). */
const TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** The lead's keys that a set of templates reads: `"{utm_source} / {company}"` → utm_source, company. */
function placeholders(templates: readonly string[]): string[] {
  return templates.flatMap((template) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
}

/**
 * Our lead → `leads/create`, the token in the body (its first documented parameter). Type,
 * importance, priority, source and the conditional parameters come from configuration;
 * `contact_email`/`contact_phone` from the lead. The contact-information and source objects' key
 * names are elided in the seed: `contact_information` and `source` are inferred (DESTINATIONS.md).
 * The contact is one of the two shapes the docs allow: an identifier of an existing contact, or a
 * new PERSON of the person's name. Person fields placed nowhere else go to `udf_string_*` by
 * configuration, and what is left into `description`.
 */
export function crmComLeadBody(envelope: LeadEnvelope, settings: CrmComSettings & WithQuestions, token: string, now: Date): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  const phoneKey = (['mobile', 'home_phone', 'business_phone'] as const).find((key) => lead[key] !== undefined);
  const udf = Object.fromEntries(Object.entries(settings.udfStrings ?? {}).map(([field, template]) => [field, fillTemplate(template, envelope)]));
  const placed = ['first_name', 'last_name', 'email', phoneKey ?? 'mobile', ...placeholders(Object.values(settings.udfStrings ?? {}))];
  return compact({
    // A question the relay's config maps to a udf_string_* goes there (the settings' own templates win).
    ...answersByField(lead, settings.questions),
    token,
    type_identifier: settings.typeIdentifier,
    importance: settings.importance,
    priority: settings.priority,
    contact_information: settings.contactIdentifier ?? compact({ type: 'PERSON', first_name: name.first, last_name: name.last }),
    accounts_receivable_identifier: settings.accountsReceivableIdentifier,
    source: compact({
      type: settings.sourceType ?? 'WEBSITE',
      name: fillTemplate(settings.sourceName ?? '{landing_page}', envelope) || 'Web form',
    }),
    assigned_to: settings.assignedTo,
    estimated_completion_time: settings.estimatedCompletionTime,
    expected_completion_date:
      settings.expectedCompletionDays === undefined ? undefined : new Date(now.getTime() + settings.expectedCompletionDays * DAY_MS).toISOString().slice(0, 10),
    contact_email: lead['email'],
    contact_phone: phoneKey && lead[phoneKey],
    description: describeWith(lead['description'], [...unplacedLines(lead, placed), ...answerLines(lead, settings.questions)]),
    ...udf,
  });
}

export function buildCrmComCreateRequest(envelope: LeadEnvelope, settings: CrmComSettings & WithQuestions, token: string, now: Date): WireRequest {
  return {
    url: url(settings, 'leads/create'),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(crmComLeadBody(envelope, settings, token, now)),
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

/**
 * Success only when `status.code` is `OK`: `{status:{code,message,description}, data:{id,…}}`.
 * CRM.COM publishes no error codes, so a refusal cannot be pinned on one of the person's fields: it
 * is rejected for the operator, whose settings (type, source, assignment, the account's conditional
 * parameters) it most likely concerns. A refusal on HTTP 5xx is a failure.
 */
export function readCrmComCreateResponse(response: WireResponse, now: Date): Outcome {
  const code = pickText(response.body, 'status', 'code');
  const said = [pickText(response.body, 'status', 'message'), pickText(response.body, 'status', 'description')].filter(Boolean).join(': ');
  if (code === 'OK') {
    const id = pickText(response.body, 'data', 'id') ?? pickText(response.body, 'data', 'number');
    return { status: 'accepted', retryable: false, code, ...(id ? { destinationId: id } : {}) };
  }
  if (code !== undefined && response.status < 500) {
    const message = `CRM.COM refused the lead (${code}${said ? `: ${said}` : ''}): check this destination’s settings, and the README's list of what an account may need (assignedTo, accountsReceivableIdentifier, a completion time).`;
    return { status: 'rejected', retryable: false, code, message };
  }
  return httpFailure(response, now);
}

const UNAUTHORISED: Outcome = {
  status: 'rejected',
  retryable: false,
  code: 'unauthorised',
  message: 'CRM.COM refused our login: check username, password, organisation and unit.',
};

/** The `crmcom` adapter: the login token cached for its lifetime, one re-login when it has expired. */
export function crmCom(settings: CrmComSettings, questions: WithQuestions['questions'] = []): Adapter {
  const tokens = new TokenCache(5 * 60 * 1000);
  // "Nothing is documented; each call creates one lead" (DESTINATIONS.md).
  const deduplicates = false;
  return {
    name: 'crmcom',
    deduplicates,
    async create(envelope: LeadEnvelope, context: DeliveryContext) {
      const login = async () =>
        readCrmComLoginResponse(await exchange(buildCrmComLoginRequest(settings), context.fetch, context.signal), context.now());
      const answer = await sendWithToken(
        tokens,
        context,
        login,
        (token) => buildCrmComCreateRequest(envelope, { ...settings, questions }, token, context.now()),
        isExpiredToken,
        UNAUTHORISED,
      );
      const outcome = 'outcome' in answer ? answer.outcome : readCrmComCreateResponse(answer.response, context.now());
      // No resend after a maybe, and no look-up first: seed 004 documents `leads/create` only. The
      // vendor's own `leads/list` (outside the seed) filters by contact, accounts receivable, type,
      // category, source, importance and priority: none of them a key of ours that names one lead.
      return { outcome: resendPolicy(outcome, deduplicates), next: null };
    },
  };
}

const IMPORTANCE = ['IMPORTANCE1', 'IMPORTANCE2', 'IMPORTANCE3', 'IMPORTANCE4', 'IMPORTANCE5', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
const PRIORITY = ['1', '2', '3', '4', '5', '6'];
/** The source types that take a free-text `name`; the others need the identifier of a record we have no setting for. */
const NAMED_SOURCE_TYPES = ['WEBSITE', 'ADVERTISEMENT', 'OTHER', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
export const CONTACT_IDENTIFIER_KEYS = ['id', 'id_number', 'passport_number', 'social_security_number', 'vat_registration_number', 'registration_number'];

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateCrmComSettings(settings: Settings): SettingsProblem | undefined {
  const days = settings['expectedCompletionDays'];
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    oneOf(settings, 'importance', IMPORTANCE, 'the allowed lead importance values, seed 004'),
    oneOf(settings, 'priority', PRIORITY, 'the allowed lead priority values, as strings, seed 004'),
    identifier(settings, 'typeIdentifier', ['id', 'name', 'alternative_code']),
    identifier(settings, 'contactIdentifier', CONTACT_IDENTIFIER_KEYS),
    identifier(settings, 'accountsReceivableIdentifier', ['number', 'id']),
    settings['accountsReceivableIdentifier'] !== undefined && settings['contactIdentifier'] === undefined
      ? { setting: 'accountsReceivableIdentifier', problem: 'must belong to the contact, so it needs contactIdentifier; a new contact is never a customer yet' }
      : undefined,
    oneOf(settings, 'sourceType', NAMED_SOURCE_TYPES, 'a source type named in free text; the others need a record’s identifier'),
    object(settings, 'assignedTo'),
    object(settings, 'estimatedCompletionTime'),
    wholeNumber(settings, 'expectedCompletionDays'),
    days !== undefined && settings['estimatedCompletionTime'] !== undefined
      ? { setting: 'expectedCompletionDays', problem: 'give it or estimatedCompletionTime, not both: CRM.COM calculates each from the other' }
      : undefined,
    templateMap(settings, 'udfStrings', /^udf_string_[1-8]$/, 'one of udf_string_1 … udf_string_8'),
  );
}

/** A question mapped to a user-defined string field of leads/create (seed 004), not one `udfStrings` fills. */
export const crmComAnswerField: AnswerFieldCheck = (field, settings) => {
  if (!/^udf_string_[1-8]$/.test(field)) return 'must be one of udf_string_1 … udf_string_8 (seed 004)';
  const templates = settings['udfStrings'];
  if (typeof templates === 'object' && templates !== null && Object.hasOwn(templates, field)) return 'is filled by udfStrings already';
  return undefined;
};
