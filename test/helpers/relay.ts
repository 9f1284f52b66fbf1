import type { Adapter, DeliveryContext } from '../../src/adapters/adapter.js';
import type { Outcome, SubmitStepInput } from '../../src/adapters/lead.js';
import { createRelay, type RelayLogEntry } from '../../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig, type RelayConfigFile, type SettingValue } from '../../src/relay/config.js';
import type { DestinationConfigFile } from '../../src/relay/destination-config.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { newScenario, received } from './standins.js';

export const PAGE_ORIGIN = 'https://lp.example.com';

/** A lead every destination accepts, as the widget sends it (normalised). */
export const GOOD_LEAD = {
  first_name: 'Jane',
  last_name: "O'Neil",
  email: 'jane.oneil@example.com',
  mobile: '+12125550123',
  address: '350 Fifth Avenue',
  city: 'New York',
  state: 'NY',
  zip_code: '10118',
  date_of_birth: '1985-04-23',
} as const;

export const CERT_URL = 'https://cert.trustedform.com/981eef90ec965dd5a139170a4ad935b8b057baae';

/** The bot signals of a person who took ten seconds over the form, as the widget sends them. */
export const PERSON = { honeypot: '', elapsedMs: 10_000 } as const;

/** Where the in-page relay's requests come from: the loopback, as from a proxy on the same host. */
export const TEST_PEER = '127.0.0.1';

/** What `resolveRelayConfig` says of a file: its refusal (the RelayConfigError's message), or 'accepted'. */
export function configRefusal(file: RelayConfigFile, env: Record<string, string | undefined> = STANDIN_ENV): string {
  try {
    resolveRelayConfig(file, env);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

/**
 * A relay running in this page over the stand-ins of a fresh scenario, reached through its own
 * `fetch` (Hono's `app.request`) exactly as a server would receive it. Browsers drop an `Origin`
 * header set by script, so here the relay lets origin-less requests through; the origin allow-list
 * is tested against the relay as a real process (test/node/relay-process.node-test.ts). Another relay
 * over the same `scenario` is the same relay restarted: the stand-ins remember, the relay does not.
 */
export function testRelay(change: (file: RelayConfigFile) => RelayConfigFile = (file) => file, scenario = newScenario()) {
  const logs: RelayLogEntry[] = [];
  const file = change({ ...standinRelayConfig(`${location.origin}/standins`, scenario, [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true });
  const config = resolveRelayConfig(file, STANDIN_ENV);
  // What each adapter answered, raw: the relay passes on only our own words (public-outcome.ts).
  const outcomes: Outcome[] = [];
  const destinations = new Map([...config.destinations].map(([name, destination]) => [name, { ...destination, adapter: recording(destination.adapter, outcomes) }]));
  const app = createRelay({ ...config, destinations }, {
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    log: (entry) => logs.push(entry),
    clientAddress: () => TEST_PEER,
  });
  async function call(path: string, body: unknown, options: { key?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': options.key ?? crypto.randomUUID(),
      ...options.headers,
    };
    const response = await app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Record<string, any> };
  }
  return {
    scenario,
    app,
    logs,
    /** The adapters' own outcomes, destination codes and messages included, in the order they came. */
    outcomes,
    /**
     * `POST /v1/leads` for `destination`, with a person's bot signals as the widget sends them
     * (the relay requires them by default); `bot: undefined` sends none.
     */
    create: (destination: string, envelope: Record<string, unknown>, options?: Parameters<typeof call>[2]) =>
      call('/v1/leads', { destination, bot: PERSON, ...envelope }, options),
    /** `POST /v1/leads/submit` with `{ id, ...body }`. */
    submit: (id: string, body: Record<string, unknown>, options?: Parameters<typeof call>[2]) =>
      call('/v1/leads/submit', { id, ...body }, options),
    call,
    /** What the scenario's stand-ins received. */
    received: () => received(scenario),
  };
}

/** The adapter, with each outcome it answers also pushed onto `outcomes`. */
function recording(adapter: Adapter, outcomes: Outcome[]): Adapter {
  const submit = adapter.submit?.bind(adapter);
  return {
    name: adapter.name,
    async create(envelope, context) {
      const result = await adapter.create(envelope, context);
      outcomes.push(result.outcome);
      return result;
    },
    ...(submit === undefined
      ? {}
      : {
          async submit(reference: string, input: SubmitStepInput, context: DeliveryContext) {
            const outcome = await submit(reference, input, context);
            outcomes.push(outcome);
            return outcome;
          },
        }),
  };
}

/** A config change for `testRelay`: one destination's fields changed (`required`, `country`…). */
export function withDestination(name: string, changes: Partial<DestinationConfigFile>) {
  return (file: RelayConfigFile): RelayConfigFile => ({
    ...file,
    destinations: { ...file.destinations, [name]: { ...file.destinations[name]!, ...changes } },
  });
}

/** A config change for `testRelay`: some of one destination's settings replaced, or removed (undefined). */
export function withSettings(name: string, changes: Readonly<Record<string, SettingValue | undefined>>) {
  return (file: RelayConfigFile): RelayConfigFile => {
    const settings = { ...file.destinations[name]!.settings, ...changes };
    for (const [key, value] of Object.entries(changes)) if (value === undefined) delete settings[key];
    return withDestination(name, { settings: settings as Record<string, SettingValue> })(file);
  };
}
