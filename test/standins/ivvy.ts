import { createHash, createHmac } from 'node:crypto';
import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * iVvy `contact?action=addOrUpdateLead` (seed 001), as documented: every request signed
 * (Content-MD5, IVVY-Date no older than 5 minutes, `X-Api-Authorization: IWS key:signature`), checked
 * here with Node's own crypto, independently of the adapter's signer. Add without `id`, update with
 * it; errors `{errorCode, message, specificCode, additionalMessages}`. On create, `industryId` is
 * required for a contact-type lead (no company given), as the seed says. Nothing deduplicates: each
 * add is a new lead. Modes: `invalid` (24218), `rateLimited` (429), `failing` (500),
 * `customFieldRequired` (an account whose configuration requires custom field 12: "may be required,
 * depending on account configuration").
 */
function error(status: number, message: string, specificCode?: number, additionalMessages: string[] = []) {
  return { status, body: { errorCode: status, message, ...(specificCode ? { specificCode } : {}), additionalMessages } };
}

function signatureProblem(headers: Record<string, string>, rawBody: string, pathAndQuery: string, now: Date): string | undefined {
  const contentMd5 = createHash('md5').update(rawBody).digest('hex');
  if (headers['content-md5'] !== contentMd5) return 'Content-MD5 does not match the body';
  const date = headers['ivvy-date'] ?? '';
  const sent = Date.parse(`${date.replace(' ', 'T')}Z`);
  if (Number.isNaN(sent) || Math.abs(now.getTime() - sent) > 5 * 60 * 1000) return 'Request is older than 5 minutes';
  const match = /^IWS ([^:]+):([0-9a-f]{40})$/.exec(headers['x-api-authorization'] ?? '');
  if (!match || match[1] !== STANDIN_CREDENTIALS.ivvy.apiKey) return 'Unknown API key';
  // The documented recipe, spelled out: method, md5, type, date (empty with IVVY-Date), path, version, ivvy headers.
  const toSign = `POST${contentMd5}${headers['content-type']}/${pathAndQuery}1.0ivvydate=${date}`.toLowerCase();
  const expected = createHmac('sha1', STANDIN_CREDENTIALS.ivvy.apiSecret).update(toSign).digest('hex');
  return match[2] === expected ? undefined : 'Signature does not match';
}

const WHOLE_NUMBER_FIELDS = ['id', 'qualityId', 'sourceId', 'typeId', 'subtypeId', 'stageId', 'industryId', 'channelId', 'ownerUserId'];
const REQUIRED_CUSTOM_FIELD = 12;

export function ivvyStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario/api/1.0/contact', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    const reply = ({ status, body }: { status: number; body: object }, headers: Record<string, string> = {}) =>
      c.json(body, status as 400, headers);
    if (c.req.query('action') !== 'addOrUpdateLead') return reply(error(404, 'Unknown action'));
    const problem = signatureProblem(recorded.headers, recorded.rawBody, 'api/1.0/contact?action=addOrUpdateLead', new Date());
    if (problem) return reply(error(401, problem));
    if (answer.mode === 'rateLimited') return reply(error(429, 'Too many requests'), { 'retry-after': '2' });
    if (answer.mode === 'failing') return reply(error(500, 'Internal server error'));

    const body = recorded.body;
    if (typeof body !== 'object' || body === null || Object.keys(body).length === 0) return reply(error(400, 'The request is empty', 24215));
    const lead = body as Record<string, unknown>;
    for (const field of WHOLE_NUMBER_FIELDS) {
      if (lead[field] !== undefined && !Number.isInteger(lead[field])) {
        return reply(error(400, `'${field}' does not validate`, 23016, ['Value must be a whole number']));
      }
    }
    const leads = recorder.memory(scenario);
    if (lead['id'] !== undefined) {
      if (!leads.has(`lead:${lead['id']}`)) return reply(error(400, 'The lead does not exist', 24216));
      return c.json({ success: true, id: lead['id'] });
    }
    const contactType = lead['companyId'] === undefined && lead['company'] === undefined;
    const requiredOnCreate = ['qualityId', 'sourceId', 'name', 'typeId', 'stageId', ...(contactType ? ['industryId'] : [])];
    for (const field of requiredOnCreate) {
      if (lead[field] === undefined || lead[field] === '') return reply(error(400, `'${field}' is required`, 23017));
    }
    const customFields = lead['customFields'];
    if (customFields !== undefined) {
      const wellFormed = Array.isArray(customFields) && customFields.every((field) => Number.isInteger(field?.fieldId) && field?.fieldValue !== undefined);
      if (!wellFormed) return reply(error(400, "'customFields' does not validate", 23016, ['Each custom field is {fieldId, fieldValue}']));
    }
    const hasRequired = Array.isArray(customFields) && customFields.some((field) => field.fieldId === REQUIRED_CUSTOM_FIELD && field.fieldValue !== '');
    if (answer.mode === 'customFieldRequired' && !hasRequired) return reply(error(400, "'customFields' is required", 23017, [`Custom field ${REQUIRED_CUSTOM_FIELD} is required`]));
    const contact = lead['contact'] as Record<string, unknown> | undefined;
    if (contactType && lead['contactId'] === undefined && !contact) return reply(error(400, "'contactId' is required", 23017));
    if (contact && !/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(String(contact['email'] ?? ''))) {
      return reply(error(400, "'email' does not validate", 23016, ['Value must be a valid email address']));
    }
    const contactValid = !contact || (contact['firstName'] && contact['lastName']);
    if (answer.mode === 'invalid' || !contactValid) return reply(error(400, 'The lead details are invalid', 24218, ['contact: firstName and lastName are required']));
    const id = leads.size + 1001;
    leads.set(`lead:${id}`, lead);
    recorder.delivered(scenario).push(String(id));
    return c.json({ success: true, id });
  });
  return app;
}
