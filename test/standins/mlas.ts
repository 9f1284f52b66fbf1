import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * Alleviate MLAS (seed 000), as documented: an Entra ID client-credentials token endpoint and a
 * GraphQL endpoint with `createLead` (blocks, answers a resultCode), `getLeadStatus` (`{ id,
 * resultCode, updatedAt, partnerLeadId, bidValue }`, null for an unknown id) and `submitLead`
 * (statusCode 200/208/400/422/500/503). The dedupe check answers 1003 with the id of the lead it
 * matched, by the partner's leadId (our own resend) or by email (another submission), and stores
 * nothing. A lead's getLeadStatus resultCode stays its createLead result after submitLead (the docs
 * name no code for "submitted"; inferred): only submitLead's 208 tells. Modes for `createLead`:
 * `unique` (1001), `duplicate` (1003, another partner's lead, qualified and not submitted),
 * `repurchased` (1020), `error` (9999), `unknownCode` (1018), `pingPost` (qualified, TrustedForm
 * deferred to submit), `processing` (1000, then qualified at the first getLeadStatus),
 * `processingLong` (1000 for good), `unauthorised` (401); default qualified (1013). For `submitLead`:
 * `certFails` (422), `tfDown` (503), `serverError` (500), `seedExample` (the seed's own answer:
 * statusCode 1021, crm AFS). `expireToken` revokes every token first, so the caller must fetch a new one.
 */
interface StoredLead {
  readonly id: string;
  readonly partnerLeadId: string | undefined;
  readonly email: string;
  readonly certificate: string | undefined;
  readonly pingPost: boolean;
  resultCode: number;
  /** getLeadStatus calls still answered 1000, for a lead that is processing (Infinity: for good). */
  processingFor: number;
  crmRecordId?: string;
}

const TEN_DIGITS = /^\d{10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const CERT_ID = /^[0-9a-f]{40}$/;

function badInput(message: string) {
  return { data: null, errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] };
}

/** LeadInput's documented rules (DESTINATIONS.md, "LeadInput, required fields"). */
function leadInputProblem(input: Record<string, unknown>): string | undefined {
  const text = (name: string) => (typeof input[name] === 'string' ? (input[name] as string) : undefined);
  for (const name of ['firstName', 'lastName', 'email', 'homePhone', 'address1', 'city', 'state', 'zipCode']) {
    if (!text(name)) return `Field "${name}" of required type "String!" was not provided.`;
  }
  if ((text('firstName') ?? '').length > 50 || (text('lastName') ?? '').length > 50) return 'Names must be 1–50 characters.';
  if (!EMAIL.test(text('email') ?? '')) return 'email must be a valid email address.';
  for (const phone of ['homePhone', 'cellPhone', 'workPhone']) {
    if (text(phone) !== undefined && !TEN_DIGITS.test(text(phone) ?? '')) return `${phone} must be 10 digits, no formatting.`;
  }
  if (!/^[A-Z]{2}$/.test(text('state') ?? '')) return 'state must be a 2-character state code.';
  if (!/^\d{5}$/.test(text('zipCode') ?? '')) return 'zipCode must be 5 digits.';
  if (text('dateOfBirth') !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(text('dateOfBirth') ?? '')) return 'dateOfBirth must be YYYY-MM-DD.';
  if (text('trustedformCertificateID') !== undefined && !CERT_ID.test(text('trustedformCertificateID') ?? '')) {
    return 'trustedformCertificateID must be the 40-hex certificate ID, not the URL.';
  }
  return undefined;
}

export function mlasStandin(recorder: Recorder): Hono {
  const app = new Hono();
  const tokensOf = (scenario: string) => {
    const memory = recorder.memory(scenario);
    if (!memory.has('tokens')) memory.set('tokens', new Set<string>());
    return memory.get('tokens') as Set<string>;
  };
  const leadsOf = (scenario: string) => {
    const memory = recorder.memory(scenario);
    if (!memory.has('leads')) memory.set('leads', new Map<string, StoredLead>());
    return memory.get('leads') as Map<string, StoredLead>;
  };

  app.post('/:scenario/oauth2/v2.0/token', async (c) => {
    const scenario = c.req.param('scenario');
    const recorded = await recorder.record(scenario, c.req.raw);
    const form = (recorded.body ?? {}) as Record<string, string>;
    const { clientId, clientSecret, scope } = STANDIN_CREDENTIALS.mlas;
    if (form['grant_type'] !== 'client_credentials') return c.json({ error: 'unsupported_grant_type' }, 400);
    if (form['client_id'] !== clientId || form['client_secret'] !== clientSecret) {
      return c.json({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' }, 401);
    }
    if (form['scope'] !== scope) return c.json({ error: 'invalid_scope' }, 400);
    const token = `eyJ.${crypto.randomUUID()}`;
    tokensOf(scenario).add(token);
    return c.json({ token_type: 'Bearer', expires_in: 3599, access_token: token });
  });

  app.post('/:scenario/graphql', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    const tokens = tokensOf(scenario);
    if (answer.mode === 'expireToken') tokens.clear();
    const bearer = (recorded.headers['authorization'] ?? '').replace(/^Bearer /, '');
    if (answer.mode === 'unauthorised' || !tokens.has(bearer)) return c.json({ error: 'invalid_token' }, 401);

    const { query, variables } = (recorded.body ?? {}) as { query?: string; variables?: { input?: Record<string, unknown>; id?: unknown } };
    const input = variables?.input ?? {};
    const leads = leadsOf(scenario);

    if (query?.includes('createLead(')) {
      const problem = leadInputProblem(input);
      if (problem) return c.json(badInput(problem));
      const createLead = (id: string, resultCode: number, partnerLeadId: unknown) =>
        c.json({
          data: {
            createLead: {
              id,
              resultCode,
              note: resultCode === 9999 ? 'Processing error' : resultCode === 1000 ? 'Processing' : resultCode === 1003 ? 'Duplicate lead' : 'Lead processing complete',
              partnerLeadId: partnerLeadId ?? null,
              bidValue: resultCode >= 1013 && resultCode <= 1017 ? '$25.00' : null,
            },
          },
        });
      if (answer.mode === 'duplicate') {
        // Another partner's earlier lead for this person: qualified and not yet submitted, which is
        // that partner's to submit, never ours.
        const other: StoredLead = { id: crypto.randomUUID(), partnerLeadId: 'another-partner-lead', email: String(input['email']), certificate: undefined, pingPost: false, resultCode: 1013, processingFor: 0 };
        leads.set(other.id, other);
        return createLead(other.id, 1003, input['leadId']);
      }
      const matched = [...leads.values()].find((lead) => (lead.partnerLeadId !== undefined && lead.partnerLeadId === input['leadId']) || lead.email === input['email']);
      if (matched) return createLead(matched.id, 1003, input['leadId']);
      const resultCode =
        answer.mode === 'unique' ? 1001
        : answer.mode === 'repurchased' ? 1020
        : answer.mode === 'error' ? 9999
        : answer.mode === 'unknownCode' ? 1018
        : 1013;
      const id = crypto.randomUUID();
      const processingFor = answer.mode === 'processingLong' ? Infinity : 0;
      const processing = answer.mode === 'processing' || answer.mode === 'processingLong';
      if (resultCode !== 9999) {
        leads.set(id, {
          id,
          partnerLeadId: input['leadId'] as string | undefined,
          email: String(input['email']),
          certificate: input['trustedformCertificateID'] as string | undefined,
          pingPost: answer.mode === 'pingPost',
          resultCode,
          processingFor,
        });
        recorder.delivered(scenario).push(String(input['leadId'] ?? id));
      }
      return createLead(id, processing ? 1000 : resultCode, input['leadId']);
    }

    if (query?.includes('getLeadStatus(')) {
      const lead = leads.get(String(variables?.['id'] ?? ''));
      if (!lead) return c.json({ data: { getLeadStatus: null } });
      const processing = lead.processingFor > 0;
      if (processing) lead.processingFor -= 1;
      return c.json({
        data: {
          getLeadStatus: {
            id: lead.id,
            resultCode: processing ? 1000 : lead.resultCode,
            updatedAt: new Date().toISOString(),
            partnerLeadId: lead.partnerLeadId ?? null,
            bidValue: !processing && lead.resultCode >= 1013 && lead.resultCode <= 1017 ? '$25.00' : null,
          },
        },
      });
    }

    if (query?.includes('submitLead(')) {
      const lead = leads.get(String(input['leadId'] ?? ''));
      if (!lead) return c.json({ data: null, errors: [{ message: 'Lead not found', extensions: { code: 'NOT_FOUND' } }] });
      const mobile = input['mobilePhone'];
      if (mobile !== undefined && !TEN_DIGITS.test(String(mobile))) return c.json(badInput('mobilePhone must be 10 digits.'));
      const respond = (statusCode: number, note?: string) =>
        c.json({
          data: {
            submitLead: {
              leadId: lead.id,
              statusCode,
              crmRecordId: lead.crmRecordId ?? null,
              crm: lead.crmRecordId ? 'SALESFORCE' : null,
              partnerLeadId: lead.partnerLeadId ?? null,
              note: note ?? null,
            },
          },
        });
      if (lead.crmRecordId) return respond(208, 'Lead was already submitted');
      if (answer.mode === 'seedExample') {
        lead.crmRecordId = '3rb1h2o3gql';
        return c.json({ data: { submitLead: { leadId: lead.id, statusCode: 1021, crmRecordId: lead.crmRecordId, crm: 'AFS', partnerLeadId: lead.partnerLeadId ?? null } } });
      }
      if (answer.mode === 'tfDown') return respond(503, 'TrustedForm verification is temporarily unavailable');
      if (answer.mode === 'serverError') return respond(500, 'Salesforce connection reset');
      const certificate = (input['trustedformCertificateID'] as string | undefined) ?? lead.certificate;
      if (lead.pingPost && certificate === undefined) return respond(400, 'TrustedForm certificate required for this workflow');
      if (certificate !== undefined && (!CERT_ID.test(certificate) || answer.mode === 'certFails')) {
        return respond(422, 'TrustedForm verification failed: certificate not found');
      }
      lead.crmRecordId = Math.random().toString(36).slice(2, 13);
      return respond(200);
    }
    return c.json({ data: null, errors: [{ message: 'Unknown operation', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400);
  });
  return app;
}
