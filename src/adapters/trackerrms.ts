import type { Adapter } from './adapter.js';
import { httpFailure, pickText, singleRequestAdapter, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { answerLines, answersByField, type AnswerFieldCheck, type WithQuestions } from './answers.js';
import { compact, countryName, describeWith, fillTemplate, personName, tenDigits } from './lead-mapping.js';
import { firstProblem, flag, httpUrl, oneOf, text, type Settings, type SettingsProblem } from './settings-check.js';

/** TrackerRMS Widget API `createLead` (seed 003; DESTINATIONS.md, "Seed 003"). */
export interface TrackerRmsSettings {
  /** `https://evoapius.tracker-rms.com` (US), `evoapica` (Canada) or `evoapi` (UK and the rest). */
  readonly baseUrl: string;
  /** One of: username + password, an OAuth token, or an API key. */
  readonly username?: string;
  readonly password?: string;
  readonly oauthToken?: string;
  readonly apiKey?: string;
  /** The lead's `leadname`; default `"{source}: {full_name}"`. */
  readonly leadNameTemplate?: string;
  /** The lead's `source`, a template: `"{utm_source}"` takes the last touch's; default "Website". */
  readonly source?: string;
  readonly department?: string;
  /** `N` contact (default) or `R` resource (candidate). */
  readonly leadPersonType?: 'N' | 'R';
  readonly createPersonIfNotExists?: boolean;
  readonly notifyDepartment?: boolean;
}

const DEFAULT_LEAD_NAME = '{source}: {full_name}';

/** Our lead → the `trackerrms.createLead` envelope, credentials inside the body as the seed shows. */
export function trackerRmsBody(envelope: LeadEnvelope, settings: TrackerRmsSettings & WithQuestions): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  // A template, so the config can ask for the last touch's `{utm_source}`; "Website" when it is empty.
  const source = fillTemplate(settings.source ?? 'Website', envelope) || 'Website';
  return {
    trackerrms: {
      createLead: {
        credentials: compact({
          username: settings.username,
          password: settings.password,
          oauthtoken: settings.oauthToken,
          apikey: settings.apiKey,
        }),
        instructions: {
          createpersonifnotexists: settings.createPersonIfNotExists ?? true,
          notifydepartment: settings.notifyDepartment ?? false,
        },
        lead: compact({
          // A question the relay's config maps to a lead field goes there; the rest are lines in description.
          ...answersByField(lead, settings.questions),
          // Never empty: a template whose placeholders this lead lacks falls back to the default.
          leadname:
            fillTemplate(settings.leadNameTemplate ?? DEFAULT_LEAD_NAME, envelope, { source }) || fillTemplate(DEFAULT_LEAD_NAME, envelope, { source }),
          department: settings.department,
          source,
          description: describeWith(lead['description'], answerLines(lead, settings.questions)),
          leadpersontype: settings.leadPersonType ?? 'N',
          firstname: name.first,
          lastname: name.last,
          fullname: name.full,
          jobtitle: lead['job_title'],
          company: lead['company'],
          address1: lead['address'],
          address2: lead['address2'],
          city: lead['city'],
          state: lead['state'],
          zipcode: lead['zip_code'],
          country: countryName(lead['country']),
          businessphone: tenDigits(lead['business_phone']),
          homephone: tenDigits(lead['home_phone']),
          cellphone: tenDigits(lead['mobile']),
          email: lead['email'],
        }),
      },
    },
  };
}

export function buildTrackerRmsRequest(envelope: LeadEnvelope, settings: TrackerRmsSettings & WithQuestions): WireRequest {
  return {
    url: `${settings.baseUrl.replace(/\/+$/, '')}/api/widget/createLead`,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // The docs also say to pass the OAuth token as a Bearer header: send both (DESTINATIONS.md).
      ...(settings.oauthToken ? { authorization: `Bearer ${settings.oauthToken}` } : {}),
    },
    body: JSON.stringify(trackerRmsBody(envelope, settings)),
  };
}

/**
 * The application status, wherever the body allows it to be read: the seed's own sample answer
 * is not valid JSON (`"recordName": “”`), so a body that did not parse is read again with its
 * typographic quotes straightened, and failing that by the `"status": N` pair itself.
 */
function statusOf(body: unknown): { status: string | undefined; body: unknown } {
  if (typeof body !== 'string') return { status: pickText(body, 'status'), body };
  try {
    const parsed = JSON.parse(body.replace(/[\u201c\u201d\u2033]/g, '"').replace(/[\u2018\u2019]/g, "'")) as unknown;
    return { status: pickText(parsed, 'status'), body: parsed };
  } catch {
    return { status: /"status"\s*:\s*(\d+)/.exec(body)?.[1], body };
  }
}

const OUR_SETTINGS = 'check this destination’s credentials (username and password, oauthToken or apiKey)';

/**
 * Success only when the body's `status` is 0, whatever the HTTP code. The seed lists 0, 1, 2 and 99
 * and nothing else: 1 user not found and 2 user not active are our credentials; 99 invalid request
 * names no field and comes from how we built the request; both are the operator's, final. A status
 * the seed does not list (3, say) is not taken for success or a duplicate: rejected, its number kept.
 */
export function readTrackerRmsResponse(response: WireResponse, now: Date): Outcome {
  const { status, body } = statusOf(response.body);
  const said = pickText(body, 'message');
  const recordId = pickText(body, 'recordId');
  const rejected = (message: string): Outcome => ({ status: 'rejected', retryable: false, code: status ?? 'no_status', message: said ? `${message} (“${said}”)` : message });
  switch (status) {
    case '0':
      return { status: 'accepted', retryable: false, code: '0', ...(said ? { message: said } : {}), ...(recordId && recordId !== '0' ? { destinationId: recordId } : {}) };
    case '1':
      return rejected(`TrackerRMS: user not found: ${OUR_SETTINGS}.`);
    case '2':
      return rejected(`TrackerRMS: user not active: ${OUR_SETTINGS}.`);
    case '99':
      return rejected('TrackerRMS: invalid request: the createLead envelope was refused, check leadPersonType and the other settings.');
  }
  if (status !== undefined) return rejected(`TrackerRMS answered status ${status}, which its createLead document does not list; the lead may not have been created: check it there.`);
  return response.status >= 200 && response.status < 300 ? rejected('TrackerRMS answered without a status.') : httpFailure(response, now);
}

export function trackerRms(settings: TrackerRmsSettings, questions: WithQuestions['questions'] = []): Adapter {
  // Nothing is documented to deduplicate: the lead is created on every call (DESTINATIONS.md).
  return singleRequestAdapter('trackerrms', (envelope) => buildTrackerRmsRequest(envelope, { ...settings, questions }), readTrackerRmsResponse, false);
}

/**
 * Checked when the relay loads its configuration (src/relay/registry.ts): TrackerRMS answers a
 * request without a credential it knows with status 1 "user not found", lead after lead.
 */
export function validateTrackerRmsSettings(settings: Settings): SettingsProblem | undefined {
  const has = (name: string) => typeof settings[name] === 'string' && settings[name] !== '';
  const credential = (has('username') && has('password')) || has('oauthToken') || has('apiKey');
  return firstProblem(
    httpUrl(settings, 'baseUrl'),
    has('username') !== has('password') ? { setting: has('username') ? 'password' : 'username', problem: 'username and password go together' } : undefined,
    credential ? undefined : { problem: 'TrackerRMS needs one kind of credential: username with password, oauthToken, or apiKey' },
    oneOf(settings, 'leadPersonType', ['N', 'R'], 'N contact, R resource (candidate), seed 003'),
    text(settings, 'leadNameTemplate'),
    flag(settings, 'createPersonIfNotExists'),
    flag(settings, 'notifyDepartment'),
  );
}

/** The createLead lead fields of the seed's sample that the adapter leaves free (it fills every other one). */
export const TRACKERRMS_ANSWER_FIELDS: readonly string[] = ['linkedin', 'website', 'image'];

/** A question mapped to a lead field of createLead: one the seed's sample shows and the adapter does not fill. */
export const trackerRmsAnswerField: AnswerFieldCheck = (field) =>
  TRACKERRMS_ANSWER_FIELDS.includes(field)
    ? undefined
    : `must be a createLead lead field the adapter leaves free (${TRACKERRMS_ANSWER_FIELDS.join(', ')}, seed 003); the others are filled from the lead and the settings`;
