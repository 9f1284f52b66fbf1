import type { Adapter } from './adapter.js';
import { httpFailure, pickText, singleRequestAdapter, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { compact, countryName, fillTemplate, personName, tenDigits } from './lead-mapping.js';
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
  readonly source?: string;
  readonly department?: string;
  /** `N` contact (default) or `R` resource (candidate). */
  readonly leadPersonType?: 'N' | 'R';
  readonly createPersonIfNotExists?: boolean;
  readonly notifyDepartment?: boolean;
}

/** Our lead → the `trackerrms.createLead` envelope, credentials inside the body as the seed shows. */
export function trackerRmsBody(envelope: LeadEnvelope, settings: TrackerRmsSettings): Record<string, unknown> {
  const { lead } = envelope;
  const name = personName(lead);
  const source = settings.source ?? 'Website';
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
          leadname: fillTemplate(settings.leadNameTemplate ?? '{source}: {full_name}', envelope, { source }),
          department: settings.department,
          source,
          description: lead['description'],
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

export function buildTrackerRmsRequest(envelope: LeadEnvelope, settings: TrackerRmsSettings): WireRequest {
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
 * Success only when the body's `status` is 0, whatever the HTTP code: 1 user not found and 2 user
 * not active are our credentials (final), 99 invalid request is the lead's, 3 "record found and
 * cannot be overwritten" is a duplicate. Transport failures follow HTTP.
 */
export function readTrackerRmsResponse(response: WireResponse, now: Date): Outcome {
  const status = pickText(response.body, 'status');
  const kept = compact({ message: pickText(response.body, 'message') });
  const recordId = pickText(response.body, 'recordId');
  switch (status) {
    case '0':
      return { status: 'accepted', retryable: false, code: '0', ...kept, ...(recordId && recordId !== '0' ? { destinationId: recordId } : {}) };
    case '1':
    case '2':
      return { status: 'rejected', retryable: false, code: status, ...kept };
    case '3':
      return { status: 'duplicate', retryable: false, code: status, ...kept };
    case '99':
      return { status: 'invalid', retryable: false, code: status, ...kept };
  }
  const failure = httpFailure(response, now);
  return response.status >= 200 && response.status < 300
    ? { status: 'rejected', retryable: false, code: status === undefined ? 'no_status' : `status_${status}`, ...kept }
    : failure;
}

export function trackerRms(settings: TrackerRmsSettings): Adapter {
  // Nothing is documented to deduplicate: the lead is created on every call (DESTINATIONS.md).
  return singleRequestAdapter('trackerrms', (envelope) => buildTrackerRmsRequest(envelope, settings), readTrackerRmsResponse, false);
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
    credential ? undefined : { problem: 'TrackerRMS needs one kind of credential: username with password, oauthToken, or apiKey' },
    has('username') !== has('password') && !has('oauthToken') && !has('apiKey')
      ? { setting: has('username') ? 'password' : 'username', problem: 'username and password go together' }
      : undefined,
    oneOf(settings, 'leadPersonType', ['N', 'R'], 'N contact, R resource (candidate), seed 003'),
    text(settings, 'leadNameTemplate'),
    flag(settings, 'createPersonIfNotExists'),
    flag(settings, 'notifyDepartment'),
  );
}
