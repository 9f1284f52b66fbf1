import type { Adapter } from './adapter.js';
import { httpFailure, pick, pickText, singleRequestAdapter, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { answersByField, answersByName, type AnswerField, type AnswerFieldCheck } from './answers.js';
import { clickId, compact, personName, tenDigits } from './lead-mapping.js';
import { firstProblem, flag, httpUrl, type Settings, type SettingsProblem } from './settings-check.js';

/** Pingtree database source, Create Lead (seed 002; DESTINATIONS.md, "Seed 002"). */
export interface PingtreeSettings {
  /** `https://api.pingtree.com`. */
  readonly baseUrl: string;
  /** The database source's MongoDB ObjectId (24 hex), from Dashboard → Database Sources. */
  readonly sourceId: string;
  /** The source's own API key, sent as `Authorization: Bearer …`. */
  readonly apiKey: string;
  /**
   * Whether the source has deduplication switched on (Dashboard → the source's settings). Only then
   * is a resend safe: "if a match is found, the lead status is duplicate and the record is not stored
   * again" (seed 002); without it a resend is a second record, so a failure that may have been
   * delivered is `uncertain` instead. Default false.
   */
  readonly dedupe?: boolean;
}

/**
 * Our lead → Pingtree's snake_case fields: mostly our own names already (the catalogue follows this
 * seed). `mobile` is 10 digits only, and only ever a mobile: a buyer texts it, so a landline is never
 * sent in its place (a source that requires a mobile answers missingField instead). `transaction_id`
 * is our idempotency key, so Pingtree's record and ours correlate; TrustedForm goes in the three
 * `xxTrustedForm*` fields Pingtree maps itself. The page's own questions go as keys of their own
 * (their names, or the source field the relay's config maps each to); ours win a clash.
 */
export function pingtreeLeadBody(envelope: LeadEnvelope, idempotencyKey: string, questions: readonly AnswerField[] = []): Record<string, unknown> {
  const { lead, trustedform, tracking = {} } = envelope;
  const name = personName(lead);
  // Answers first, so ours win a clash; ours compacted before they are laid over, so an empty one of
  // ours never erases an answer.
  const own = compact({
    first_name: name.first,
    last_name: name.last,
    email: lead['email'],
    mobile: tenDigits(lead['mobile']),
    address: lead['address'],
    city: lead['city'],
    state: lead['state'],
    zip_code: lead['zip_code'],
    date_of_birth: lead['date_of_birth'],
    transaction_id: idempotencyKey,
    xxTrustedFormCertUrl: trustedform?.certUrl,
    xxTrustedFormPingUrl: trustedform?.pingUrl,
    xxTrustedFormToken: trustedform?.token,
    // The last touch's click id and the partner's sub-ids, under the snake_case keys a source stores
    // when it has fields of those names (the seed lists no attribution fields: [INFERRED]).
    click_id: clickId(tracking),
    sub_id: tracking['sub_id'],
    sub1: tracking['sub1'],
    sub2: tracking['sub2'],
    sub3: tracking['sub3'],
    sub4: tracking['sub4'],
    sub5: tracking['sub5'],
    aff_id: tracking['aff_id'] ?? tracking['affiliate_id'],
  });
  return { ...answersByName(lead, questions), ...answersByField(lead, questions), ...own };
}

/** The keys `pingtreeLeadBody` fills itself: no answer is mapped onto one of them. */
const PINGTREE_OWN_KEYS: readonly string[] = [
  'first_name', 'last_name', 'email', 'mobile', 'address', 'city', 'state', 'zip_code', 'date_of_birth', 'transaction_id',
  'xxTrustedFormCertUrl', 'xxTrustedFormPingUrl', 'xxTrustedFormToken',
  'click_id', 'sub_id', 'sub1', 'sub2', 'sub3', 'sub4', 'sub5', 'aff_id',
];

/**
 * A question mapped to a field of the database source: a snake_case name like the seed's own
 * (`first_name`, `zip_code`), and not one the adapter fills from the lead or its tracking.
 */
export const pingtreeAnswerField: AnswerFieldCheck = (field) => {
  if (!/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(field) || field.length > 64) return 'must be a snake_case field name of the database source, like the seed’s own (zip_code)';
  if (PINGTREE_OWN_KEYS.includes(field)) return 'is a field the adapter fills from the lead itself; ask for it with the catalogue field instead';
  return undefined;
};

export function buildPingtreeRequest(
  envelope: LeadEnvelope,
  settings: PingtreeSettings,
  idempotencyKey: string,
  questions: readonly AnswerField[] = [],
): WireRequest {
  return {
    url: `${settings.baseUrl.replace(/\/+$/, '')}/api/lead/create/${encodeURIComponent(settings.sourceId)}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` },
    body: JSON.stringify(pingtreeLeadBody(envelope, idempotencyKey, questions)),
  };
}

/** The other documented page names these differently (`phone`, `zip`); map them back to our keys. */
const ALTERNATE_FIELD_NAMES: Readonly<Record<string, string>> = { phone: 'mobile', zip: 'zip_code' };

function fieldErrors(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entries = Object.entries(value)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([field, message]) => [ALTERNATE_FIELD_NAMES[field] ?? field, message]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * 201 + lead status `accept` or `duplicate`; 400 `missingField` / `invalidField`; 401 bad key; 500.
 * Where the status word sits is not documented: read `data.lead_status`, then `lead_status`, then
 * `status`. The conflicting doc page's shape (`{success, lead_id}` / `{success:false, reason}`) is
 * read too (DESTINATIONS.md: "make the response parser tolerant of both shapes").
 */
export function readPingtreeResponse(response: WireResponse, now: Date): Outcome {
  const body = response.body;
  const word =
    pickText(body, 'data', 'lead_status') ?? pickText(body, 'lead_status') ?? pickText(body, 'reason') ?? pickText(body, 'status');
  const id = pickText(body, 'data', 'transaction_id') ?? pickText(body, 'lead_id') ?? pickText(body, 'data', 'id');
  const message = pickText(body, 'message');
  const kept = compact({ destinationId: id, message });
  if (response.status === 200 || response.status === 201) {
    if (word === 'duplicate') return { status: 'duplicate', retryable: false, code: 'duplicate', ...kept };
    if (pick(body, 'success') === false) return { status: 'rejected', retryable: false, code: word ?? 'success_false', ...kept };
    return { status: 'accepted', retryable: false, code: word ?? 'accept', ...kept };
  }
  if (response.status === 400) {
    const errors = fieldErrors(pick(body, 'errors')) ?? fieldErrors(pick(body, 'data', 'errors'));
    return { status: 'invalid', retryable: false, code: word ?? 'http_400', ...kept, ...(errors ? { fieldErrors: errors } : {}) };
  }
  if (response.status === 401) return { status: 'rejected', retryable: false, code: 'unauthorised', ...kept };
  return { ...httpFailure(response, now), ...kept };
}

export function pingtree(settings: PingtreeSettings, questions: readonly AnswerField[] = []): Adapter {
  return singleRequestAdapter(
    'pingtree',
    (envelope, context) => buildPingtreeRequest(envelope, settings, context.idempotencyKey, questions),
    readPingtreeResponse,
    settings.dedupe === true,
  );
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validatePingtreeSettings(settings: Settings): SettingsProblem | undefined {
  const sourceId = settings['sourceId'];
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    typeof sourceId === 'string' && /^[0-9a-f]{24}$/i.test(sourceId)
      ? undefined
      : { setting: 'sourceId', problem: 'must be the database source’s 24-hex ObjectId, from Dashboard → Database Sources (seed 002)' },
    flag(settings, 'dedupe'),
  );
}
