import { Hono } from 'hono';
import { questionsFromToken, splitQuestionsPath } from '../../src/builder/question-token.js';
import { createRelay } from '../../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig } from '../../src/relay/config.js';
import { socketAddress } from '../../src/relay/node-socket.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { openMigratedPglite } from '../ledger/pglite-template.js';
import { STANDIN_ENV } from './credentials.js';
import { standinRelayConfig, withQuestions } from './relay-config.js';

/**
 * A relay per scenario at `/relay/:scenario/v1/…`, each configured to deliver to that scenario's
 * stand-ins on the same server and to accept the page's own origin: so a browser test can drive the
 * widget → relay → destination path end to end, over HTTP, in isolation from other tests. A scenario
 * named `ledger-…` gets a relay on a lead ledger of its own (embedded, in memory), as `npm run relay`
 * runs; the others keep their answers in memory, as a relay built without a database does. Under
 * `/relay/:scenario/questions/TOKEN/v1/…` the relay takes those questions (src/builder/question-token.ts),
 * as the builder's preview sends them.
 */
export function scenarioRelays(): Hono {
  const relays = new Map<string, Promise<Hono>>();
  const app = new Hono();
  const build = async (scenario: string, origin: string, questions: unknown): Promise<Hono> => {
    const file = standinRelayConfig(`${origin}/standins`, scenario, [origin]);
    const config = resolveRelayConfig(questions === undefined ? file : withQuestions(file, questions), STANDIN_ENV);
    const ledger = scenario.startsWith('ledger-') ? { engine: await openMigratedPglite(), delivery: DEFAULT_DELIVERY } : undefined;
    return createRelay(config, { fetch: globalThis.fetch, now: () => new Date(), clientAddress: socketAddress, ...(ledger ? { ledger } : {}) });
  };
  app.all('/relay/:scenario/*', async (c) => {
    const scenario = c.req.param('scenario');
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/relay/${scenario}`.length);
    const withToken = splitQuestionsPath(path);
    const questions = withToken && questionsFromToken(withToken.token);
    if (withToken && questions === undefined) return c.json({ error: 'bad_questions', message: 'The questions in this URL cannot be read.' }, 400);
    const id = withToken ? `${scenario}/${withToken.token}` : scenario;
    let pending = relays.get(id);
    if (!pending) relays.set(id, (pending = build(scenario, url.origin, questions)));
    let relay: Hono;
    try {
      relay = await pending;
    } catch (error) {
      relays.delete(id);
      if (error instanceof RelayConfigError) return c.json({ error: 'bad_questions', message: error.message }, 400);
      throw error;
    }
    url.pathname = withToken ? withToken.rest : path;
    // The Node request travels on (c.env), so the relay sees the socket it came from.
    return relay.fetch(new Request(url, c.req.raw), c.env);
  });
  return app;
}
