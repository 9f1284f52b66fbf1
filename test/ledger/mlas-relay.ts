// The relay as the ledger's MLAS tests drive it: on an engine, over the stand-ins in-process, posting
// as the browser on the landing page does; and the lead and consent that page sends.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { Engine } from '../../src/ledger/engine.js';
import { DEFAULT_LEDGER_SETTINGS } from '../../src/ledger/settings.js';
import { createRelay } from '../../src/relay/app.js';
import { resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import { STANDIN_ENV } from '../standins/credentials.js';

export const PAGE = 'https://lp.example.com';
export const STANDINS = 'http://standins.test/standins';
/** Everything MLAS insists on. */
export const LEAD = {
  first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123',
  address: '350 Fifth Avenue', city: 'New York', state: 'NY', zip_code: '10118', date_of_birth: '1985-04-23',
};
const DISCLOSURE = 'By checking this box I agree that Alleviate Financial may call and text me at the number above.';
/** The consent step's record, as the widget sends it with the submit step. */
export const CONSENT = {
  text: DISCLOSURE,
  sha256: createHash('sha256').update(DISCLOSURE).digest('hex'),
  sellers: ['Alleviate Financial'],
  version: 'tcpa-v3',
  checkedAt: '2026-12-01T10:00:30.000Z',
  submittedAt: '2026-12-01T10:00:31.000Z',
  pageUrl: `${PAGE}/debt`,
};

export type Post = (path: string, body: unknown) => Promise<{ status: number; body: Record<string, any> }>;

/** Tells `scenario`'s stand-ins how to answer their next requests. */
export async function scriptAnswers(standins: Hono, scenario: string, answers: readonly Record<string, unknown>[]): Promise<void> {
  await standins.request(`/standins/_script/${scenario}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
}

/**
 * A relay of `file` on `engine`, delivering to `standins` in-process: each call is another instance
 * (or the relay after a restart) on the same ledger. Each post is a browser's, under a new key.
 */
export function ledgerRelay(engine: Engine, standins: Hono, file: RelayConfigFile): Post {
  const app = createRelay(resolveRelayConfig(file, STANDIN_ENV), {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(standins.fetch(new Request(input, init))),
    now: () => new Date(),
    clientAddress: () => '203.0.113.9',
    ledger: { engine, delivery: DEFAULT_LEDGER_SETTINGS.delivery },
  });
  return async (path, body) => {
    const response = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PAGE, 'idempotency-key': crypto.randomUUID(), 'user-agent': 'Mozilla/5.0 (test)' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
}
