import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Adapter } from './adapter.js';
import { httpFailure, pick, pickText, singleRequestAdapter, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, LeadFields, Outcome } from './lead.js';
import { answerLines, answersByField, type AnswerFieldCheck, type WithQuestions } from './answers.js';
import { compact, describeWith, fillTemplate, personName, unplacedLines } from './lead-mapping.js';
import { firstProblem, httpUrl, templateMap, text, wholeNumber, type Settings, type SettingsProblem } from './settings-check.js';

/**
 * iVvy CRM (seed 001): `contact?action=addOrUpdateLead`, every request HMAC-SHA1 signed
 * (DESTINATIONS.md, "Seed 001"). Web Crypto has no MD5, and `Content-MD5` is required, so the
 * hashes come from @noble/hashes (audited, runs in browsers, Node and edge runtimes alike).
 */
export interface IvvySettings {
  /** `https://api.us-west-2.ivvy.com` (or the ap-southeast-2 / eu-west-2 host). */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly sourceId: number;
  readonly typeId: number;
  readonly stageId: number;
  readonly qualityId: number;
  /**
   * "Required when lead belongs to contact and id parameter is missing" (seed 001): every lead we
   * send is a new contact-type lead, so the relay requires it.
   */
  readonly industryId: number;
  /** The lead's subtype, where the account uses subtypes (the vendor's current page). */
  readonly subtypeId?: number;
  readonly channelId?: number;
  readonly ownerUserId?: number;
  /** The lead's `name`; default `"{source}: {full_name}"`. */
  readonly nameTemplate?: string;
  /** Fills `{source}` in the name template, itself a template (`"{utm_source}"`: the last touch's); default "Web lead". */
  readonly sourceName?: string;
  /**
   * Custom fields, "may be required, depending on account configuration" (DESTINATIONS.md): iVvy's
   * field id → a template of the lead's fields and tracking, `{ "12": "{utm_campaign}" }`.
   */
  readonly customFields?: Readonly<Record<string, string>>;
}

export const IVVY_PATH = '/api/1.0/contact?action=addOrUpdateLead';
const CONTENT_TYPE = 'application/json';
const API_VERSION = '1.0';

/** `YYYY-MM-DD HH:MM:SS` in UTC, as the `IVVY-Date` header wants it. */
export function ivvyDate(now: Date): string {
  return now.toISOString().slice(0, 19).replace('T', ' ');
}

export interface SigningParts {
  readonly method: string;
  readonly contentMd5: string;
  readonly contentType: string;
  /** Empty when the IVVY-Date header carries the date (the documented way). */
  readonly date: string;
  readonly requestPath: string;
  readonly apiVersion: string;
  /** Headers whose names start with "IVVY". */
  readonly ivvyHeaders: Readonly<Record<string, string>>;
}

/**
 * iVvy's string to sign: lowercase(method + contentMd5 + contentType + date + requestPath +
 * apiVersion + ivvyHeaders), where ivvyHeaders are name=value with '-' and '_' taken out of the
 * names, sorted and joined with '&' (DESTINATIONS.md, "Signature recipe").
 */
export function ivvyStringToSign(parts: SigningParts): string {
  const headers = Object.entries(parts.ivvyHeaders)
    .map(([name, value]) => `${name.replace(/[-_]/g, '')}=${value}`.toLowerCase())
    .sort()
    .join('&');
  return `${parts.method}${parts.contentMd5}${parts.contentType}${parts.date}${parts.requestPath}${parts.apiVersion}${headers}`.toLowerCase();
}

export function ivvySignature(secret: string, stringToSign: string): string {
  return bytesToHex(hmac(sha1, utf8ToBytes(secret), utf8ToBytes(stringToSign)));
}

/** addOrUpdateContact's parameters that the inline contact carries; the rest of the lead goes to `description`. */
const CONTACT_PARAMETERS = ['firstName', 'lastName', 'email', 'phone'] as const;
type ContactParameter = (typeof CONTACT_PARAMETERS)[number];

/**
 * Which of the lead's fields each contact parameter is filled from: the names from `first_name` and
 * `last_name`, else split from `full_name`; the phone from the first phone the person gave (mobile,
 * home, business). A refusal of a parameter is then put on the field the person actually filled.
 */
function contactSources(lead: LeadFields): Readonly<Record<ContactParameter, string | undefined>> {
  const given = (...keys: readonly string[]) => keys.find((key) => lead[key] !== undefined);
  return {
    firstName: given('first_name', 'full_name'),
    lastName: given('last_name', 'full_name'),
    email: given('email'),
    phone: given('mobile', 'home_phone', 'business_phone'),
  };
}

/**
 * Our lead → addOrUpdateLead's body; `id` present means update, absent means add (the seed). The ids
 * come from settings; the person is a contact given inline; what the lead has no iVvy field for
 * (company, job title, address, birth date, other phones) is written into `description`, after the
 * person's own text, so nothing they gave is dropped.
 */
export function ivvyLeadBody(envelope: LeadEnvelope, settings: IvvySettings & WithQuestions, id?: number): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  const phoneKey = contactSources(lead).phone;
  const customFields = Object.entries(settings.customFields ?? {})
    .map(([fieldId, template]) => ({ fieldId: Number(fieldId), fieldValue: fillTemplate(template, envelope) }))
    .filter((field) => field.fieldValue !== '')
    // A question the relay's config maps to a custom field (its id) goes there; the rest are lines in description.
    .concat(Object.entries(answersByField(lead, settings.questions)).map(([fieldId, fieldValue]) => ({ fieldId: Number(fieldId), fieldValue })));
  return compact({
    id,
    qualityId: settings.qualityId,
    sourceId: settings.sourceId,
    typeId: settings.typeId,
    subtypeId: settings.subtypeId,
    stageId: settings.stageId,
    industryId: settings.industryId,
    channelId: settings.channelId,
    ownerUserId: settings.ownerUserId,
    // `sourceName` is a template too: `{utm_source}` takes the last touch's source, "Web lead" when it has none.
    name: fillTemplate(settings.nameTemplate ?? '{source}: {full_name}', envelope, { source: fillTemplate(settings.sourceName ?? 'Web lead', envelope) || 'Web lead' }),
    description: describeWith(lead['description'], [
      ...unplacedLines(lead, ['first_name', 'last_name', 'email', phoneKey ?? 'mobile']),
      ...answerLines(lead, settings.questions),
    ]),
    // A contact-type lead with its contact given inline.
    contact: compact({ firstName: name.first, lastName: name.last, email: lead['email'], phone: phoneKey && lead[phoneKey] }),
    customFields: customFields.length > 0 ? customFields : undefined,
  });
}

/** Serialises the body once and signs those exact bytes. */
export function buildIvvyRequest(envelope: LeadEnvelope, settings: IvvySettings & WithQuestions, now: Date, id?: number): WireRequest {
  const body = JSON.stringify(ivvyLeadBody(envelope, settings, id));
  const contentMd5 = bytesToHex(md5(utf8ToBytes(body)));
  const date = ivvyDate(now);
  const signature = ivvySignature(
    settings.apiSecret,
    ivvyStringToSign({
      method: 'POST',
      contentMd5,
      contentType: CONTENT_TYPE,
      date: '',
      requestPath: IVVY_PATH,
      apiVersion: API_VERSION,
      ivvyHeaders: { 'IVVY-Date': date },
    }),
  );
  return {
    url: `${settings.baseUrl.replace(/\/+$/, '')}${IVVY_PATH}`,
    method: 'POST',
    headers: {
      'content-type': CONTENT_TYPE,
      'content-md5': contentMd5,
      'ivvy-date': date,
      'x-api-version': API_VERSION,
      'x-api-authorization': `IWS ${settings.apiKey}:${signature}`,
    },
    body,
  };
}

/** The parameter a 23016/23017 names: `'sourceId' does not validate`, `'contact.email' …`. */
function parameterOf(message: string | undefined): string | undefined {
  return message === undefined ? undefined : /'([\w.]+)'/.exec(message)?.[1];
}

function contactParameter(parameter: string | undefined): ContactParameter | undefined {
  const name = parameter?.replace(/^contact\./, '');
  return CONTACT_PARAMETERS.find((known) => known === name);
}

/**
 * `{success, id}` on 200; errors as `{errorCode, message, specificCode, additionalMessages}` with an
 * HTTP error status. A parameter that is missing or does not validate (23017, 23016) is the person's
 * only when it is one of the contact's that this lead filled (their email, say), and it is put on the
 * field the person filled (a home phone sent as the contact's phone is the home phone's to fix). A
 * contact parameter the lead did not fill is the form's (the account requires what it did not ask);
 * any other is a setting or our request, as are 24215 "request is empty" and 24216 "lead does not
 * exist": rejected, with a message for the operator. 24218 "lead details are invalid" is the lead's.
 * 401/403/462/463 are our credentials; 429 and 5xx are failures (`resendPolicy` decides whether they
 * may be sent again).
 */
export function readIvvyResponse(response: WireResponse, now: Date, envelope: LeadEnvelope): Outcome {
  if (response.status === 200) {
    const id = pickText(response.body, 'id');
    if (pick(response.body, 'success') === true) return { status: 'accepted', retryable: false, ...(id ? { destinationId: id } : {}) };
    return { status: 'rejected', retryable: false, code: 'success_false', message: 'iVvy answered success: false without saying why.' };
  }
  const specificCode = pickText(response.body, 'specificCode');
  const additional = pick(response.body, 'additionalMessages');
  const said = pickText(response.body, 'message');
  const message = [said, ...(Array.isArray(additional) ? additional.filter((m) => typeof m === 'string') : [])].filter(Boolean).join(' ');
  const code = specificCode ?? pickText(response.body, 'errorCode') ?? `http_${response.status}`;
  const operator = (why: string): Outcome => ({ status: 'rejected', retryable: false, code, message: `iVvy refused our request (${code}: ${message || 'no message'}): ${why}.` });
  switch (specificCode) {
    case '23016':
    case '23017': {
      const parameter = contactParameter(parameterOf(said));
      if (parameter === undefined) return operator('check this destination’s ids and customFields in the relay config');
      const field = contactSources(envelope.lead)[parameter];
      if (field !== undefined) return { status: 'invalid', retryable: false, code, ...(message ? { message } : {}), fieldErrors: { [field]: message || code } };
      return operator(`the account requires the contact’s ${parameter}, which this lead did not have: ask for it in the form and list it in the destination’s required`);
    }
    case '24215':
      return operator('the body was empty, which is a fault of ours, not the person’s');
    case '24216':
      return operator('it names a lead that does not exist, and we only ever add leads');
    case '24218':
      return { status: 'invalid', retryable: false, code, ...(message ? { message } : {}) };
  }
  if ([401, 403, 462, 463].includes(response.status)) return operator('check apiKey and apiSecret, and that the key is not revoked');
  return { ...httpFailure(response, now), code, ...(message ? { message } : {}) };
}

/** The `ivvy` adapter: one signed call; add without `id` (updates are `buildIvvyRequest(…, id)`). */
export function ivvy(settings: IvvySettings, questions: WithQuestions['questions'] = []): Adapter {
  // Create "is not idempotent and has no built-in dedupe" (DESTINATIONS.md): a resend is a second lead.
  return singleRequestAdapter('ivvy', (envelope, context) => buildIvvyRequest(envelope, { ...settings, questions }, context.now()), readIvvyResponse, false);
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateIvvySettings(settings: Settings): SettingsProblem | undefined {
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    ...['sourceId', 'typeId', 'stageId', 'qualityId', 'industryId', 'subtypeId', 'channelId', 'ownerUserId'].map((name) => wholeNumber(settings, name)),
    templateMap(settings, 'customFields', /^[1-9]\d*$/, 'an iVvy custom field id (a whole number)'),
    text(settings, 'nameTemplate'),
    text(settings, 'sourceName'),
  );
}

/**
 * A question mapped to an iVvy custom field: its id, a whole number, as in `customFields`; not one
 * `customFields` already fills (both would be sent for one field).
 */
export const ivvyAnswerField: AnswerFieldCheck = (field, settings) => {
  if (!/^[1-9]\d*$/.test(field)) return 'must be an iVvy custom field id (a whole number), as in customFields';
  const templates = settings['customFields'];
  if (typeof templates === 'object' && templates !== null && Object.hasOwn(templates, field)) return 'is filled by customFields already';
  return undefined;
};
