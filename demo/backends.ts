import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { questionsFromToken, splitQuestionsPath } from '../src/builder/question-token.js';
import { createRelay } from '../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig } from '../src/relay/config.js';
import { socketAddress } from '../src/relay/node-socket.js';
import { STANDIN_ENV } from '../test/standins/credentials.js';
import { createStandins } from '../test/standins/index.js';
import { connectMiddleware } from '../test/standins/mount.js';
import { standinRelayConfig, withQuestions } from '../test/standins/relay-config.js';

/** The scenario the demo's stand-ins record under. */
export const DEMO_SCENARIO = 'demo';

/** How many question sets' relays the demo keeps (a marketer editing questions makes a new set per edit). */
const QUESTION_RELAYS = 32;

/**
 * Everything behind the demo page on the dev server's own origin: the stand-ins at `/standins` and
 * the relay at `/relay/v1`, configured (through environment-style secrets) to deliver to them. The
 * builder's questions have relays of their own at `/relay/questions/TOKEN/v1`, each configured with
 * them as the builder's relay fragment is (src/builder/question-token.ts), so a test lead with
 * answers is checked and delivered as the marketer's relay would. Relays are built on their first
 * request, when the server's real address is known.
 */
export function demoBackends() {
  const standins = connectMiddleware(createStandins(), ['/standins/']);
  const relays = new Map<string, Hono>();
  const relayFor = (origin: string, questions: unknown): Hono => {
    const port = new URL(origin).port;
    const file = {
      ...standinRelayConfig(`${origin}/standins`, DEMO_SCENARIO, [origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
      botProtection: { minFillMs: 1500 },
    };
    return createRelay(resolveRelayConfig(questions === undefined ? file : withQuestions(file, questions), STANDIN_ENV), {
      fetch: globalThis.fetch,
      now: () => new Date(),
      log: (entry) => console.log(`relay: ${JSON.stringify(entry)}`),
      clientAddress: socketAddress,
    });
  };
  const app = new Hono();
  app.all('/relay/*', (c) => {
    const url = new URL(c.req.url);
    const withToken = splitQuestionsPath(url.pathname.slice('/relay'.length));
    const questions = withToken && questionsFromToken(withToken.token);
    if (withToken && questions === undefined) return c.json({ error: 'bad_questions', message: 'The questions in this URL cannot be read.' }, 400);
    const id = withToken?.token ?? '';
    let relay = relays.get(id);
    if (!relay) {
      try {
        relay = relayFor(`http://${c.req.header('host') ?? 'localhost:5173'}`, questions);
      } catch (error) {
        if (error instanceof RelayConfigError) return c.json({ error: 'bad_questions', message: error.message }, 400);
        throw error;
      }
      relays.set(id, relay);
      // The plain relay stays; the oldest question set's relay goes first.
      const oldest = [...relays.keys()].find((key) => key !== '');
      if (relays.size > QUESTION_RELAYS + 1 && oldest !== undefined) relays.delete(oldest);
    }
    url.pathname = withToken ? withToken.rest : url.pathname.slice('/relay'.length);
    // The Node request travels on (c.env), so the relay sees the socket it came from.
    return relay.fetch(new Request(url, c.req.raw), c.env);
  });
  const relay = connectMiddleware(app, ['/relay/']);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (!request.url?.startsWith('/relay/')) return standins(request, response, next);
    relay(request, response, next);
  };
}
