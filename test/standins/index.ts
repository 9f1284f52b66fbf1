import { Hono } from 'hono';
import { hcaptchaStandin, recaptchaStandin, turnstileStandin } from './challenges.js';
import { crmComStandin } from './crmcom.js';
import { ivvyStandin } from './ivvy.js';
import { mlasStandin } from './mlas.js';
import { pingtreeStandin } from './pingtree.js';
import { Recorder, type ScriptedAnswer } from './recorder.js';
import { recorderScripts } from './recorders.js';
import { trackerRmsStandin } from './trackerrms.js';
import { trustedFormStandin } from './trustedform.js';
import { webhookStandin } from './webhook.js';

export type { RecordedRequest, ScriptedAnswer } from './recorder.js';

/**
 * Every stand-in under one app, mounted at `/standins` by the test runner and the demo server:
 * - `POST /standins/webhook/:scenario`: the generic webhook.
 * - `/standins/{mlas,ivvy,pingtree,trackerrms,crmcom}/:scenario/…`: each destination at its documented
 *   paths, so a relay configured with base URL `…/standins/pingtree/<scenario>` reaches it as the real one.
 * - `/standins/{turnstile,recaptcha,hcaptcha}/:scenario/…`: the bot-challenge providers' siteverify
 *   endpoints at their documented paths (challenges.ts).
 * - `POST /standins/trustedform/:scenario/:certId`: TrustedForm's Certificate API v4 at a certificate
 *   URL, for the relay's claim (trustedform.ts).
 * - `GET /standins/trustedform/trustedform.js`, `GET /standins/jornaya/campaign/:key`: the consent
 *   recorders' scripts, behaving as the real ones do.
 * - `GET /standins/_log/:scenario`: what the scenario's stand-ins received, oldest first.
 * - `GET /standins/_delivered/:scenario`: one entry per record a destination stored (our key where the
 *   request carries one, else the record's id): a lead stored twice shows twice.
 * - `POST /standins/_script/:scenario` `{ answers: [...] }`: how to answer the next requests.
 * - `DELETE /standins/_script/:scenario`: forget the answers not yet used.
 * - `DELETE /standins/_log/:scenario`: forget the scenario.
 */
export function createStandins(recorder = new Recorder()): Hono {
  const app = new Hono().basePath('/standins');
  app.route('/webhook', webhookStandin(recorder));
  app.route('/mlas', mlasStandin(recorder));
  app.route('/ivvy', ivvyStandin(recorder));
  app.route('/pingtree', pingtreeStandin(recorder));
  app.route('/trackerrms', trackerRmsStandin(recorder));
  app.route('/crmcom', crmComStandin(recorder));
  app.route('/turnstile', turnstileStandin(recorder));
  app.route('/recaptcha', recaptchaStandin(recorder));
  app.route('/hcaptcha', hcaptchaStandin(recorder));
  app.route('/trustedform', trustedFormStandin(recorder));
  app.route('/', recorderScripts());
  app.get('/_log/:scenario', (c) => c.json(recorder.list(c.req.param('scenario'))));
  app.get('/_delivered/:scenario', (c) => c.json(recorder.delivered(c.req.param('scenario'))));
  app.post('/_script/:scenario', async (c) => {
    const { answers } = await c.req.json<{ answers: ScriptedAnswer[] }>();
    recorder.script(c.req.param('scenario'), answers);
    return c.json({ queued: answers.length });
  });
  app.delete('/_script/:scenario', (c) => {
    recorder.unscript(c.req.param('scenario'));
    return c.body(null, 204);
  });
  app.delete('/_log/:scenario', (c) => {
    recorder.clear(c.req.param('scenario'));
    return c.body(null, 204);
  });
  return app;
}
