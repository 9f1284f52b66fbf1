import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { questionsFromToken, splitQuestionsPath } from '../src/builder/question-token.js';
import { createRelay } from '../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig } from '../src/relay/config.js';
import { startRelayLedger, type RunningLedger } from '../src/relay/node-ledger.js';
import { socketAddress } from '../src/relay/node-socket.js';
import { STANDIN_ENV } from '../test/standins/credentials.js';
import { createStandins } from '../test/standins/index.js';
import { connectMiddleware } from '../test/standins/mount.js';
import { standinRelayConfig, withQuestions } from '../test/standins/relay-config.js';

/** The scenario the demo's stand-ins record under. */
export const DEMO_SCENARIO = 'demo';

/** The demo's own embedded ledger, apart from `npm run relay`'s (`./relay-data`), so both can run at once. */
const DEMO_DATA_DIR = 'relay-data/demo';

/** How many question sets' relays the demo keeps (a marketer editing questions makes a new set per edit). */
const QUESTION_RELAYS = 32;

/**
 * Everything behind the demo page on the dev server's own origin: the stand-ins at `/standins` and
 * the relay at `/relay/v1`, configured (through environment-style secrets) to deliver to them. The
 * builder's questions have relays of their own at `/relay/questions/TOKEN/v1`, each configured with
 * them as the builder's relay fragment is (src/builder/question-token.ts), so a test lead with
 * answers is checked and delivered as the marketer's relay would. Relays are built on their first
 * request, when the server's real address is known. Like `npm run relay`, they keep every lead in a
 * lead ledger (PGlite in `relay-data/demo`, or `DATABASE_URL`), whose worker delivers what a
 * stand-in could not take yet: a lead queued in the demo is sent again within a minute.
 */
export function demoBackends(): {
  middleware: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  /** Opens the ledger as the server starts (a fresh folder takes seconds), so the first lead does not wait for it. */
  warm: (origin: string) => void;
  close: () => Promise<void>;
} {
  const standins = connectMiddleware(createStandins(), ['/standins/']);
  const relays = new Map<string, Hono>();
  const log = (entry: object) => console.log(`relay: ${JSON.stringify(entry)}`);
  let ledger: Promise<RunningLedger | undefined> | undefined;
  const configFile = (origin: string) => {
    const port = new URL(origin).port;
    return {
      ...standinRelayConfig(`${origin}/standins`, DEMO_SCENARIO, [origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
      botProtection: { minFillMs: 1500 },
      delivery: { retryDelaysSeconds: [15, 30, 60], leaseSeconds: 10, maxAgeHours: 1 },
    };
  };
  /** Opened once, on the first lead; without it (the folder locked, say) the demo says so and keeps leads in memory. */
  const openLedger = (origin: string) =>
    (ledger ??= startRelayLedger(
      { RELAY_DATA_DIR: process.env['RELAY_DATA_DIR'] ?? DEMO_DATA_DIR, DATABASE_URL: process.env['DATABASE_URL'] },
      resolveRelayConfig(configFile(origin), STANDIN_ENV),
      { fetch: globalThis.fetch, now: () => new Date(), log, onError: (error) => console.error(`relay: worker: ${(error as Error).name}`) },
    ).then(
      (running) => {
        console.log(`relay: the demo's lead ledger is ${running.engine.kind} at ${running.engine.where}`);
        return running;
      },
      (error: Error) => {
        console.warn(`relay: ${error.message} The demo relay keeps its answers in memory instead.`);
        return undefined;
      },
    ));
  const relayFor = async (origin: string, questions: unknown): Promise<Hono> => {
    const file = configFile(origin);
    const running = await openLedger(origin);
    return createRelay(resolveRelayConfig(questions === undefined ? file : withQuestions(file, questions), STANDIN_ENV), {
      fetch: globalThis.fetch,
      now: () => new Date(),
      log,
      clientAddress: socketAddress,
      ...(running ? { ledger: running.ledger } : {}),
    });
  };
  const app = new Hono();
  app.all('/relay/*', async (c) => {
    const url = new URL(c.req.url);
    const withToken = splitQuestionsPath(url.pathname.slice('/relay'.length));
    const questions = withToken && questionsFromToken(withToken.token);
    if (withToken && questions === undefined) return c.json({ error: 'bad_questions', message: 'The questions in this URL cannot be read.' }, 400);
    const id = withToken?.token ?? '';
    let relay = relays.get(id);
    if (!relay) {
      try {
        relay = await relayFor(`http://${c.req.header('host') ?? 'localhost:5173'}`, questions);
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
  return {
    middleware(request, response, next) {
      if (!request.url?.startsWith('/relay/')) return standins(request, response, next);
      relay(request, response, next);
    },
    warm(origin) {
      void openLedger(origin);
    },
    async close() {
      await (await ledger)?.stop();
    },
  };
}
