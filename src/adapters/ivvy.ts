import { hmac } from '@noble/hashes/hmac.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Adapter } from './adapter.js';
import { httpFailure, pick, pickText, singleRequestAdapter, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { compact, fillTemplate, personName } from './lead-mapping.js';
import { firstProblem, httpUrl, text, wholeNumber, type Settings, type SettingsProblem } from './settings-check.js';

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
  /** Required when the lead belongs to a contact and is being created. */
  readonly industryId?: number;
  readonly channelId?: number;
  readonly ownerUserId?: number;
  /** The lead's `name`; default `"{source}: {full_name}"`. */
  readonly nameTemplate?: string;
  /** Fills `{source}` in the name template; default "Web lead". */
  readonly sourceName?: string;
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

/** Our lead → addOrUpdateLead's body; `id` present means update, absent means add (the seed). */
export function ivvyLeadBody(envelope: LeadEnvelope, settings: IvvySettings, id?: number): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  const phone = lead['mobile'] ?? lead['home_phone'] ?? lead['business_phone'];
  return compact({
    id,
    qualityId: settings.qualityId,
    sourceId: settings.sourceId,
    typeId: settings.typeId,
    stageId: settings.stageId,
    industryId: settings.industryId,
    channelId: settings.channelId,
    ownerUserId: settings.ownerUserId,
    name: fillTemplate(settings.nameTemplate ?? '{source}: {full_name}', envelope, { source: settings.sourceName ?? 'Web lead' }),
    description: lead['description'],
    // A contact-type lead with its contact given inline (addOrUpdateContact's parameters).
    contact: compact({ firstName: name.first, lastName: name.last, email: lead['email'], phone }),
  });
}

/** Serialises the body once and signs those exact bytes. */
export function buildIvvyRequest(envelope: LeadEnvelope, settings: IvvySettings, now: Date, id?: number): WireRequest {
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

/** Specific codes that mean the lead itself is wrong (the seed, plus the generic 23016/23017). */
const INVALID_LEAD_CODES = new Set(['23016', '23017', '24215', '24218']);

/**
 * `{success, id}` on 200; errors as `{errorCode, message, specificCode, additionalMessages}` with an
 * HTTP error status. 429 and 5xx are retryable; 401/403/462/463 are our credentials, final.
 */
export function readIvvyResponse(response: WireResponse, now: Date): Outcome {
  if (response.status === 200) {
    const id = pickText(response.body, 'id');
    if (pick(response.body, 'success') === true) return { status: 'accepted', retryable: false, ...(id ? { destinationId: id } : {}) };
    return { status: 'rejected', retryable: false, code: 'success_false' };
  }
  const specificCode = pickText(response.body, 'specificCode');
  const additional = pick(response.body, 'additionalMessages');
  const message = [pickText(response.body, 'message'), ...(Array.isArray(additional) ? additional.filter((m) => typeof m === 'string') : [])]
    .filter(Boolean)
    .join(' ');
  const kept = compact({ code: specificCode ?? pickText(response.body, 'errorCode'), message });
  if (specificCode !== undefined && INVALID_LEAD_CODES.has(specificCode)) return { status: 'invalid', retryable: false, ...kept };
  if (specificCode === '24216') return { status: 'rejected', retryable: false, ...kept };
  return { ...httpFailure(response, now), ...kept };
}

/** The `ivvy` adapter: one signed call; add without `id` (updates are `buildIvvyRequest(…, id)`). */
export function ivvy(settings: IvvySettings): Adapter {
  // Create "is not idempotent and has no built-in dedupe" (DESTINATIONS.md): a resend is a second lead.
  return singleRequestAdapter('ivvy', (envelope, context) => buildIvvyRequest(envelope, settings, context.now()), readIvvyResponse, false);
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateIvvySettings(settings: Settings): SettingsProblem | undefined {
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    ...['sourceId', 'typeId', 'stageId', 'qualityId', 'industryId', 'channelId', 'ownerUserId'].map((name) => wholeNumber(settings, name)),
    text(settings, 'nameTemplate'),
    text(settings, 'sourceName'),
  );
}
