import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * Pingtree database source Create Lead (seed 002), as documented: Bearer source key; 201 accept or
 * duplicate; 400 missingField / invalidField; 401; 500. Two sources: one with deduplication on
 * ("if a match is found, the lead status is duplicate and the record is not stored again", matched
 * on email or mobile) and one with it off, where every lead is stored, a resend too. The lead status
 * sits in `data.lead_status` of `{status, message, data}`. Mode `altShape` answers in the conflicting
 * doc page's shape (`{success, lead_id}` / `{success:false, reason}`); `failing` 500.
 */
const REQUIRED = ['first_name', 'last_name', 'email', 'mobile'] as const;
const FORMATS: Readonly<Record<string, RegExp>> = {
  email: /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i,
  mobile: /^\d{10}$/,
  city: /^[\p{L} ]+$/u,
  state: /^[A-Z]{2}$/,
  zip_code: /^\d{5}$/,
};

export function pingtreeStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario/api/lead/create/:sourceId', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    const { sourceId, sourceIdWithoutDedupe, apiKey } = STANDIN_CREDENTIALS.pingtree;
    const source = c.req.param('sourceId');
    if (recorded.headers['authorization'] !== `Bearer ${apiKey}`) return c.json({ status: 'error', message: 'Invalid or missing API key' }, 401);
    if (source !== sourceId && source !== sourceIdWithoutDedupe) return c.json({ status: 'error', message: 'Database source not found' }, 404);
    if (answer.mode === 'failing') return c.json({ status: 'error', message: 'Internal server error' }, 500);
    const lead = (recorded.body ?? {}) as Record<string, unknown>;
    const alt = answer.mode === 'altShape';

    for (const field of REQUIRED) {
      if (typeof lead[field] !== 'string' || lead[field] === '') {
        return alt
          ? c.json({ success: false, reason: 'validation_error', errors: { [field === 'mobile' ? 'phone' : field]: 'This field is required.' } }, 400)
          : c.json({ status: 'error', message: `Missing required field: ${field}`, data: { lead_status: 'missingField', field } }, 400);
      }
    }
    for (const [field, format] of Object.entries(FORMATS)) {
      if (lead[field] !== undefined && !format.test(String(lead[field]))) {
        return alt
          ? c.json({ success: false, reason: 'validation_error', errors: { [field === 'zip_code' ? 'zip' : field]: 'Invalid format.' } }, 400)
          : c.json({ status: 'error', message: `Invalid field: ${field}`, data: { lead_status: 'invalidField', field } }, 400);
      }
    }
    const stored = recorder.memory(scenario);
    const transactionId = typeof lead['transaction_id'] === 'string' ? lead['transaction_id'] : crypto.randomUUID();
    const match = (key: string) => stored.get(`${source}:${key}`);
    const duplicate = source === sourceId ? (match(`email:${lead['email']}`) ?? match(`mobile:${lead['mobile']}`)) : undefined;
    if (duplicate !== undefined) {
      return alt
        ? c.json({ success: false, reason: 'duplicate', message: 'Lead already exists.' }, 200)
        : c.json({ status: 'success', message: 'Lead already exists', data: { transaction_id: transactionId, lead_status: 'duplicate' } }, 201);
    }
    stored.set(`${source}:email:${lead['email']}`, transactionId);
    stored.set(`${source}:mobile:${lead['mobile']}`, transactionId);
    recorder.delivered(scenario).push(transactionId);
    return alt
      ? c.json({ success: true, lead_id: transactionId, message: 'Lead created successfully.' }, 200)
      : c.json({ status: 'success', message: 'Lead created successfully', data: { transaction_id: transactionId, lead_status: 'accept' } }, 201);
  });
  return app;
}
