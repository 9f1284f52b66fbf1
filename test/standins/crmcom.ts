import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * CRM.COM Web API v2 (seed 004), as documented: `authentication/token` login, then `leads/create`
 * with the token in the body; every answer in the `{status:{code,message,description}, data}`
 * envelope, success only with code `OK`. Error code names are not published; these are ours.
 * Modes: `expireToken` (every token expires before this request), `failing` (HTTP 500).
 */
const IMPORTANCE = ['IMPORTANCE1', 'IMPORTANCE2', 'IMPORTANCE3', 'IMPORTANCE4', 'IMPORTANCE5', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];
const PRIORITY = ['1', '2', '3', '4', '5', '6'];
const SOURCE_TYPES = ['ADVERTISEMENT', 'NOTIFICATIONS', 'COMMUNICATIONS', 'RECOMMENDED_BY_CONTACT', 'RECOMMENDED_BY_EMPLOYEE', 'RECOMMENDED_BY_PARTNER', 'WEBSITE', 'OTHER', 'CUSTOM1', 'CUSTOM2', 'CUSTOM3'];

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
    const lead = (recorded.body ?? {}) as Record<string, unknown>;
    if (!tokens.has(String(lead['token'] ?? ''))) return c.json({ status: status('INVALID_TOKEN', 'The token is invalid or has expired'), data: null });
    const missing = ['type_identifier', 'importance', 'priority', 'contact_information', 'source'].find((name) => lead[name] === undefined);
    if (missing) return c.json({ status: status('MANDATORY_FIELD_MISSING', `${missing} is mandatory`), data: null });
    if (!IMPORTANCE.includes(String(lead['importance']))) return c.json({ status: status('INVALID_VALUE', 'importance is not allowed'), data: null });
    if (!PRIORITY.includes(String(lead['priority']))) return c.json({ status: status('INVALID_VALUE', 'priority is not allowed'), data: null });
    const source = lead['source'] as Record<string, unknown>;
    if (!SOURCE_TYPES.includes(String(source['type']))) return c.json({ status: status('INVALID_VALUE', 'source.type is not allowed'), data: null });
    if (['ADVERTISEMENT', 'WEBSITE', 'OTHER'].includes(String(source['type'])) && !source['name']) {
      return c.json({ status: status('MANDATORY_FIELD_MISSING', 'source.name is mandatory for this type'), data: null });
    }
    const memory = recorder.memory(scenario);
    const count = [...memory.keys()].filter((key) => key.startsWith('lead:')).length + 1;
    const id = crypto.randomUUID().replace(/-/g, '').toUpperCase();
    memory.set(`lead:${id}`, lead);
    return c.json({ status: status('OK'), data: { id, number: `L${String(count).padStart(5, '0')}` } });
  });
  return app;
}
