import { Hono } from 'hono';
import { receive, type Recorder } from './recorder.js';

/**
 * A generic JSON webhook that honours `Idempotency-Key`, as the webhook contract asks of receivers:
 * the first request with a key is stored and answered 200 `{ id, received }`; a repeat gets the first
 * answer and is not stored again. Scripted modes: `duplicate` (409), `invalid` (422 with field
 * errors), `unauthorised` (401), `failing` (500), `drop` (the connection is cut, no answer at all).
 */
export function webhookStandin(recorder: Recorder): Hono<{ Bindings: { incoming?: { socket?: { destroy(): void } } } }> {
  const app = new Hono<{ Bindings: { incoming?: { socket?: { destroy(): void } } } }>();
  app.post('/:scenario', async (c) => {
    const scenario = c.req.param('scenario');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (answer.mode === 'drop') {
      c.env?.incoming?.socket?.destroy();
      return c.body(null, 500);
    }
    const key = recorded.headers['idempotency-key'] ?? '';
    const memory = recorder.memory(scenario);
    const first = memory.get(`answer:${key}`);
    if (key !== '' && first !== undefined) return c.json(first as object, 200);
    switch (answer.mode) {
      case 'duplicate':
        return c.json({ message: 'Lead already received' }, 409);
      case 'invalid':
        return c.json({ message: 'Invalid lead', errors: { email: 'email' } }, 422);
      case 'unauthorised':
        return c.json({ message: 'Unauthorised' }, 401);
      case 'failing':
        return c.json({ message: 'Internal error' }, 500);
    }
    if (early) return early;
    const delivered = recorder.delivered(scenario);
    delivered.push(key);
    const stored = { id: `wh_${delivered.length}`, received: recorded.body };
    memory.set(`answer:${key}`, stored);
    return c.json(stored, 200);
  });
  return app;
}
