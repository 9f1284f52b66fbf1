import type { ScriptedAnswer } from '../test/standins/index.js';

/** What the demo offers for each destination: the fields its API wants and what its stand-in can be told. */
export interface DemoDestination {
  readonly label: string;
  /** `webhook-direct` posts from the browser; the rest go through the relay. */
  readonly adapter: 'relay' | 'webhook';
  readonly fields: string;
  readonly required: string;
  /** Stand-in behaviours, each the scripted answers for the next requests. */
  readonly answers: Readonly<Record<string, readonly ScriptedAnswer[]>>;
}

const PERSON = 'first_name last_name email mobile';

/**
 * The destination down for now, as a load balancer answers: nothing was taken, so the relay's ledger
 * queues the lead (the person is thanked) and its worker delivers it once the stand-in answers again.
 */
const DOWN: Readonly<Record<string, readonly ScriptedAnswer[]>> = {
  'Down for now (503, Retry-After): the relay queues it': [{ status: 503, headers: { 'retry-after': '5' }, body: { message: 'Service Unavailable' } }],
};

export const DEMO_DESTINATIONS: Readonly<Record<string, DemoDestination>> = {
  'webhook-direct': {
    label: 'Webhook, straight from the browser',
    adapter: 'webhook',
    fields: `${PERSON} zip_code`,
    required: `${PERSON} zip_code`,
    answers: { 'Duplicate (409)': [{ mode: 'duplicate' }], 'Invalid (422)': [{ mode: 'invalid' }], 'Unauthorised (401)': [{ mode: 'unauthorised' }], 'Failing (500)': [{ mode: 'failing' }] },
  },
  mlas: {
    label: 'Alleviate MLAS (GraphQL, create then submit)',
    adapter: 'relay',
    fields: `${PERSON} address city state zip_code date_of_birth`,
    required: `${PERSON} address city state zip_code date_of_birth`,
    answers: {
      'Unique, not qualified (1001)': [{ mode: 'unique' }],
      'Duplicate (1003)': [{ mode: 'duplicate' }],
      'Re-purchased (1020)': [{ mode: 'repurchased' }],
      'Processing error (9999)': [{ mode: 'error' }],
      'Ping-post: certificate required on submit (400)': [{ mode: 'pingPost' }],
      'TrustedForm verification fails (422)': [{}, { mode: 'certFails' }],
      'TrustedForm down on submit (503)': [{}, { mode: 'tfDown' }],
      ...DOWN,
    },
  },
  ivvy: {
    label: 'iVvy CRM (HMAC-signed)',
    adapter: 'relay',
    fields: `${PERSON} description`,
    required: 'first_name last_name email',
    answers: { 'Lead details invalid (24218)': [{ mode: 'invalid' }], 'Rate limited (429)': [{ mode: 'rateLimited' }], 'Failing (500)': [{ mode: 'failing' }], ...DOWN },
  },
  pingtree: {
    label: 'Pingtree database source',
    adapter: 'relay',
    fields: `${PERSON} address city state zip_code`,
    required: PERSON,
    answers: { 'The other documented response shape': [{ mode: 'altShape' }], 'Failing (500)': [{ mode: 'failing' }], ...DOWN },
  },
  trackerrms: {
    label: 'TrackerRMS (credentials in the body)',
    adapter: 'relay',
    fields: `${PERSON} company job_title description`,
    required: 'first_name last_name email',
    answers: { 'User not active (2)': [{ mode: 'inactive' }], 'Failing (HTTP 500)': [{ mode: 'failing' }], ...DOWN },
  },
  crmcom: {
    label: 'CRM.COM (login token in the body)',
    adapter: 'relay',
    fields: `${PERSON} description`,
    required: 'first_name last_name email',
    answers: { 'Token expired: log in again': [{ mode: 'expireToken' }], 'Failing (HTTP 500)': [{ mode: 'failing' }], ...DOWN },
  },
};
