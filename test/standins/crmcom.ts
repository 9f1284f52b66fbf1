import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * CRM.COM Web API v2 (seed 004), as documented: `authentication/token` login, then `leads/create`
 * with the token in the body; every answer in the `{status:{code,message,description}, data}`
 * envelope, success only with code `OK`. Error code names are not published; these are ours. It
 * refuses what the seed does not allow: a parameter it does not list, an importance or priority
 * outside its lists, an identifier that is not one of its allowed keys, a contact that is neither an
 * identifier nor a new contact's name, a source whose conditional name or identifier is missing.
 * Each lead is a new record: nothing deduplicates.
 *
 * Modes, for an account's configuration: `needsAssignment` (no ACR rule assigns leads, so
 * `assigned_to` is mandatory), `customer` (the identified contact is already a customer, so
 * `accounts_receivable_identifier` is mandatory), `needsCompletion` (the estimated completion time or
 * date is mandatory), `emailCommunication` (the lead type sends an email: `contact_email` mandatory).
 * And `expireToken` (every token expires before this request), `failing` (HTTP 500).
 */
const IMPORTANCE = ['IMPORTANCE1', 'IMPORTANCE2', 'IMPORTANCE3', 'IMPORTANCE4', 'IMPORTANCE5', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
const PRIORITY = ['1', '2', '3', '4', '5', '6'];
const NAMED_SOURCES = ['ADVERTISEMENT', 'WEBSITE', 'OTHER', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
/** Source types that name a record instead, and the identifier each needs (lead source parameters page). */
const IDENTIFIED_SOURCES: Readonly<Record<string, string>> = {
  NOTIFICATIONS: 'source_notifications_identifier',
  COMMUNICATIONS: 'source_communications_identifier',
  RECOMMENDED_BY_CONTACT: 'source_recommended_by_contact_identifier',
  RECOMMENDED_BY_EMPLOYEE: 'source_recommended_by_employee_identifier',
  RECOMMENDED_BY_PARTNER: 'source_recommended_by_partner_identifier',
};
const CONTACT_IDENTIFIER = ['id', 'id_number', 'passport_number', 'social_security_number', 'vat_registration_number', 'registration_number'];
const NEW_CONTACT = ['type', 'first_name', 'last_name', 'company_name'];
const PARAMETERS = new Set([
  'token', 'contact_email', 'contact_phone', 'accounts_receivable_identifier', 'description', 'probability_to_win', 'importance', 'priority',
  'target_amount', 'type_identifier', 'status_identifier', 'lost_reason_identifier', 'category_identifier', 'owned_by_group_identifier',
  'privacy_level_identifier', 'lead_owner', 'start_date', 'expected_completion_date', 'estimated_completion_time', 'assigned_to', 'fields_set',
  // Elided in the seed; the inferred names (DESTINATIONS.md).
  'contact_information', 'source',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `udf_string_${n}`), ...[1, 2, 3, 4].flatMap((n) => [`udf_float_${n}`, `udf_date_${n}`]),
]);

type Problem = readonly [code: string, message: string];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An identifier picks one record by exactly one of its allowed keys. */
function identifierProblem(name: string, value: unknown, keys: readonly string[]): Problem | undefined {
  const given = isRecord(value) ? Object.keys(value) : [];
  return given.length === 1 && keys.includes(given[0]!) ? undefined : ['INVALID_VALUE', `${name} must specify exactly one of ${keys.join(', ')}`];
}

function contactProblem(contact: unknown): Problem | undefined {
  if (!isRecord(contact)) return ['INVALID_VALUE', 'contact_information must be an object'];
  const keys = Object.keys(contact);
  if (keys.some((key) => CONTACT_IDENTIFIER.includes(key))) return identifierProblem('contact_information', contact, CONTACT_IDENTIFIER);
  const unknown = keys.find((key) => !NEW_CONTACT.includes(key));
  if (unknown) return ['INVALID_VALUE', `contact_information.${unknown} is not allowed`];
  if (contact['type'] === 'PERSON') return contact['first_name'] && contact['last_name'] ? undefined : ['MANDATORY_FIELD_MISSING', 'first_name and last_name are mandatory for a PERSON'];
  if (contact['type'] === 'COMPANY') return contact['company_name'] ? undefined : ['MANDATORY_FIELD_MISSING', 'company_name is mandatory for a COMPANY'];
  return ['INVALID_VALUE', 'contact_information.type must be PERSON or COMPANY'];
}

function sourceProblem(source: unknown): Problem | undefined {
  if (!isRecord(source)) return ['INVALID_VALUE', 'source must be an object'];
  const type = String(source['type']);
  const allowed = ['type', 'name', ...Object.values(IDENTIFIED_SOURCES)];
  const unknown = Object.keys(source).find((key) => !allowed.includes(key));
  if (unknown) return ['INVALID_VALUE', `source.${unknown} is not allowed`];
  if (NAMED_SOURCES.includes(type)) return source['name'] ? undefined : ['MANDATORY_FIELD_MISSING', 'source.name is mandatory for this type'];
  const needed = IDENTIFIED_SOURCES[type];
  if (!needed) return ['INVALID_VALUE', 'source.type is not allowed'];
  return source[needed] ? undefined : ['MANDATORY_FIELD_MISSING', `source.${needed} is mandatory for this type`];
}

function leadProblem(lead: Record<string, unknown>, mode: string | undefined): Problem | undefined {
  const unknown = Object.keys(lead).find((key) => !PARAMETERS.has(key));
  if (unknown) return ['INVALID_VALUE', `${unknown} is not a parameter of leads/create`];
  const missing = ['type_identifier', 'importance', 'priority', 'contact_information', 'source'].find((name) => lead[name] === undefined);
  if (missing) return ['MANDATORY_FIELD_MISSING', `${missing} is mandatory`];
  if (!IMPORTANCE.includes(String(lead['importance']))) return ['INVALID_VALUE', 'importance is not allowed'];
  if (!PRIORITY.includes(String(lead['priority']))) return ['INVALID_VALUE', 'priority is not allowed'];
  const udf = Object.entries(lead).find(([key, value]) => key.startsWith('udf_string_') && typeof value !== 'string');
  if (udf) return ['INVALID_VALUE', `${udf[0]} must be a string`];
  const identified = isRecord(lead['contact_information']) && Object.keys(lead['contact_information']).some((key) => CONTACT_IDENTIFIER.includes(key));
  const checks: (Problem | undefined)[] = [
    identifierProblem('type_identifier', lead['type_identifier'], ['id', 'name', 'alternative_code']),
    contactProblem(lead['contact_information']),
    sourceProblem(lead['source']),
    lead['accounts_receivable_identifier'] === undefined ? undefined : identifierProblem('accounts_receivable_identifier', lead['accounts_receivable_identifier'], ['id', 'number']),
    lead['expected_completion_date'] === undefined || /^\d{4}-\d{2}-\d{2}$/.test(String(lead['expected_completion_date'])) ? undefined : ['INVALID_VALUE', 'expected_completion_date is not a date'],
    mode === 'needsAssignment' && !isRecord(lead['assigned_to']) ? ['MANDATORY_FIELD_MISSING', 'assigned_to is mandatory: no ACR rule assigns this lead'] : undefined,
    mode === 'customer' && identified && lead['accounts_receivable_identifier'] === undefined
      ? ['MANDATORY_FIELD_MISSING', 'accounts_receivable_identifier is mandatory: the contact is already a customer']
      : undefined,
    mode === 'needsCompletion' && lead['estimated_completion_time'] === undefined && lead['expected_completion_date'] === undefined
      ? ['MANDATORY_FIELD_MISSING', 'estimated_completion_time or expected_completion_date is mandatory']
      : undefined,
    mode === 'emailCommunication' && !lead['contact_email'] ? ['MANDATORY_FIELD_MISSING', 'contact_email is mandatory: the lead type sends an email'] : undefined,
  ];
  return checks.find((check) => check !== undefined);
}

function status(code: string, message: string | null = null, description: string | null = null) {
  return { code, message, description };
}

function tokensOf(recorder: Recorder, scenario: string): Set<string> {
  const memory = recorder.memory(scenario);
  if (!memory.has('tokens')) memory.set('tokens', new Set<string>());
  return memory.get('tokens') as Set<string>;
}

export function crmComStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario/crmapi/rest/v2/authentication/token', async (c) => {
    const scenario = c.req.param('scenario');
    const recorded = await recorder.record(scenario, c.req.raw);
    const login = (recorded.body ?? {}) as Record<string, unknown>;
    const known = STANDIN_CREDENTIALS.crmcom;
    if (login['username'] !== known.username || login['password'] !== known.password || login['organisation'] !== known.organisation) {
      return c.json({ status: status('INVALID_CREDENTIALS', 'Invalid username, password or organisation'), data: null });
    }
    const token = crypto.randomUUID().replace(/-/g, '').toUpperCase();
    tokensOf(recorder, scenario).add(token);
    return c.json({ status: status('OK'), data: { token } });
  });

  app.post('/:scenario/crmapi/rest/v2/leads/create', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    if (answer.mode === 'failing') return c.text('Internal Server Error', 500);
    const tokens = tokensOf(recorder, scenario);
    if (answer.mode === 'expireToken') tokens.clear();
    const lead = (isRecord(recorded.body) ? recorded.body : {}) as Record<string, unknown>;
    if (!tokens.has(String(lead['token'] ?? ''))) return c.json({ status: status('INVALID_TOKEN', 'The token is invalid or has expired'), data: null });
    const problem = leadProblem(lead, answer.mode);
    if (problem) return c.json({ status: status(problem[0], problem[1]), data: null });
    const memory = recorder.memory(scenario);
    const count = [...memory.keys()].filter((key) => key.startsWith('lead:')).length + 1;
    const id = crypto.randomUUID().replace(/-/g, '').toUpperCase();
    memory.set(`lead:${id}`, lead);
    recorder.delivered(scenario).push(id);
    return c.json({ status: status('OK'), data: { id, number: `L${String(count).padStart(5, '0')}` } });
  });
  return app;
}
