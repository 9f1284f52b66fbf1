// "On the wire, at the destination": what a scenario's stand-ins received, as text. Shared by the
// demo page and the builder's preview.
import type { RecordedRequest } from '../test/standins/index.js';

/** One request as a person reads it: the line, the headers that matter, the body. */
export function describeRequest(request: RecordedRequest): string {
  const query = new URLSearchParams(request.query).toString();
  const headers = Object.entries(request.headers)
    .filter(([name]) => /^(authorization|content-type|content-md5|ivvy-date|x-api-authorization|idempotency-key)$/.test(name))
    .map(([name, value]) => `${name}: ${value}`);
  return [`${request.method} ${request.path}${query ? `?${query}` : ''}`, ...headers, '', JSON.stringify(request.body, null, 2)].join('\n');
}

/** A scenario's stand-in log, read from where the last reading stopped. */
export class WireLog {
  #seen = 0;
  readonly #url: string;

  constructor(standins: string, scenario: string) {
    this.#url = `${standins}/_log/${scenario}`;
  }

  /** Skips what is already there; false when the stand-ins cannot be reached. */
  async start(): Promise<boolean> {
    try {
      const response = await fetch(this.#url);
      if (!response.ok) return false;
      this.#seen = ((await response.json()) as unknown[]).length;
      return true;
    } catch {
      return false;
    }
  }

  /** The requests received since the last reading, described. */
  async fresh(): Promise<string> {
    let requests: RecordedRequest[];
    try {
      requests = (await (await fetch(this.#url)).json()) as RecordedRequest[];
    } catch {
      return 'The stand-ins could not be reached.';
    }
    const fresh = requests.slice(this.#seen);
    this.#seen = requests.length;
    return fresh.map(describeRequest).join('\n\n──────────\n\n') || 'Nothing reached a destination.';
  }
}
