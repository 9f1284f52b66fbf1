import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * TrackerRMS Widget API `createLead` (seed 003), as documented: the `trackerrms.createLead`
 * envelope with credentials in the body (username and password, an OAuth token, or an API key);
 * HTTP 200 with `status` 0 success, 1 user not found, 2 user not active, 99 invalid request. A lead
 * is created on every call: nothing deduplicates. Modes: `inactive` (2), `failing` (HTTP 500),
 * `seedSample` (success answered with the seed's own sample text, typographic quotes and all).
 */
const SEED_SAMPLE = `{
   "status": 0,
   "message": "success",
   "count": 0,
   "recordId": 0,
   "recordName": “”
}`;

export function trackerRmsStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario/api/widget/createLead', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    if (answer.mode === 'failing') return c.text('Internal Server Error', 500);
    const invalid = { status: 99, message: 'Invalid request', count: 0, recordId: 0, recordName: '' };
    const createLead = (recorded.body as { trackerrms?: { createLead?: Record<string, Record<string, unknown>> } } | null)?.trackerrms?.createLead;
    if (!createLead?.['credentials'] || !createLead['lead']) return c.json(invalid);
    const { credentials, lead } = createLead;
    const known = STANDIN_CREDENTIALS.trackerrms;
    const bearer = recorded.headers['authorization'];
    const authenticated =
      credentials['apikey'] === known.apiKey ||
      (credentials['oauthtoken'] === known.oauthToken && (bearer === undefined || bearer === `Bearer ${known.oauthToken}`)) ||
      (credentials['username'] === known.username && credentials['password'] === known.password);
    if (!authenticated) return c.json({ status: 1, message: 'user not found', count: 0, recordId: 0, recordName: '' });
    if (answer.mode === 'inactive') return c.json({ status: 2, message: 'user not active', count: 0, recordId: 0, recordName: '' });
    if (typeof lead['leadname'] !== 'string' || lead['leadname'] === '') return c.json(invalid);
    if (lead['leadpersontype'] !== undefined && !['N', 'R'].includes(String(lead['leadpersontype']))) return c.json(invalid);
    const memory = recorder.memory(scenario);
    const recordId = 5000 + memory.size + 1;
    memory.set(`lead:${recordId}`, lead);
    recorder.delivered(scenario).push(String(recordId));
    if (answer.mode === 'seedSample') return c.body(SEED_SAMPLE, 200, { 'content-type': 'application/json' });
    return c.json({ status: 0, message: 'success', count: 1, recordId, recordName: lead['leadname'] });
  });
  return app;
}
