import { Hono } from 'hono';
import { Recorder, type ScriptedAnswer } from './recorder.js';
import { webhookStandin } from './webhook.js';

export type { RecordedRequest, ScriptedAnswer } from './recorder.js';

/**
 * Every stand-in under one app, mounted at `/standins` by the test runner and the demo server:
 * - `POST /standins/webhook/:scenario`: the generic webhook.
 * - `GET /standins/_log/:scenario`: what the scenario's stand-ins received, oldest first.
 * - `POST /standins/_script/:scenario` `{ answers: [...] }`: how to answer the next requests.
 * - `DELETE /standins/_log/:scenario`: forget the scenario.
 */
export function createStandins(recorder = new Recorder()): Hono {
  const app = new Hono().basePath('/standins');
  app.route('/webhook', webhookStandin(recorder));
  app.get('/_log/:scenario', (c) => c.json(recorder.list(c.req.param('scenario'))));
  app.post('/_script/:scenario', async (c) => {
    const { answers } = await c.req.json<{ answers: ScriptedAnswer[] }>();
    recorder.script(c.req.param('scenario'), answers);
    return c.json({ queued: answers.length });
  });
  app.delete('/_log/:scenario', (c) => {
    recorder.clear(c.req.param('scenario'));
    return c.body(null, 204);
  });
  return app;
}
