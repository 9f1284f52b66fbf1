import { Hono } from 'hono';
import { delay, type Recorder } from './recorder.js';

/**
 * A generic JSON webhook: records the lead and answers 200 `{ id, received }`, or whatever was
 * scripted. Modes: `duplicate` (409), `invalid` (422 with field errors), `unauthorised` (401),
 * `failing` (500).
 */
export function webhookStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario', async (c) => {
    const scenario = c.req.param('scenario');
    const recorded = await recorder.record(scenario, c.req.raw);
    const answer = recorder.next(scenario) ?? {};
    if (answer.delayMs) await delay(answer.delayMs);
    const id = `wh_${recorder.list(scenario).length}`;
    switch (answer.mode) {
      case 'duplicate':
        return c.json({ id, message: 'Lead already received' }, 409);
      case 'invalid':
        return c.json({ message: 'Invalid lead', errors: { email: 'email' } }, 422);
      case 'unauthorised':
        return c.json({ message: 'Unauthorised' }, 401);
      case 'failing':
        return c.json({ message: 'Internal error' }, 500);
    }
    if (answer.status !== undefined) {
      return c.json((answer.body ?? {}) as object, answer.status as 200, answer.headers ?? {});
    }
    return c.json({ id, received: recorded.body }, 200);
  });
  return app;
}
