import { createRelay, type RelayLogEntry } from '../../src/relay/app.js';
import { resolveRelayConfig, type DestinationConfigFile, type RelayConfigFile, type SettingValue } from '../../src/relay/config.js';
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

/**
 * A relay running in this page over the stand-ins of a fresh scenario, reached through its own
 * `fetch` (Hono's `app.request`) exactly as a server would receive it. Browsers drop an `Origin`
 * header set by script, so here the relay lets origin-less requests through; the origin allow-list
 * is tested against the relay as a real process (test/relay/process.test.ts).
 */
export function testRelay(change: (file: RelayConfigFile) => RelayConfigFile = (file) => file) {
  const scenario = newScenario();
  const logs: RelayLogEntry[] = [];
  const file = change({ ...standinRelayConfig(`${location.origin}/standins`, scenario, [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true });
  const app = createRelay(resolveRelayConfig(file, STANDIN_ENV), {
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    log: (entry) => logs.push(entry),
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
    /** `POST /v1/leads` for `destination`. */
    create: (destination: string, envelope: Record<string, unknown>, options?: Parameters<typeof call>[2]) =>
      call('/v1/leads', { destination, ...envelope }, options),
    /** `POST /v1/leads/{id}/submit`. */
    submit: (id: string, body: Record<string, unknown>, options?: Parameters<typeof call>[2]) =>
      call(`/v1/leads/${encodeURIComponent(id)}/submit`, body, options),
    call,
    /** What the scenario's stand-ins received. */
    received: () => received(scenario),
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
