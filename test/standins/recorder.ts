/**
 * What every stand-in shares: it records each request it receives, per scenario, and can be told
 * (scripted) how to answer the next requests. Scenarios keep parallel test files apart: each test
 * makes a fresh scenario id and finds only its own traffic.
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** Exactly the bytes received, for signature checks. */
  readonly rawBody: string;
  /** The body parsed as JSON (or form fields), or null. */
  readonly body: unknown;
  readonly receivedAt: string;
}

/** One scripted answer: a status and body, or a behaviour to simulate a fault. */
export interface ScriptedAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (to make a caller time out). */
  readonly delayMs?: number;
  /** A named behaviour of the stand-in itself (`duplicate`, `invalid`, `unauthorised`, …). */
  readonly mode?: string;
}

export class Recorder {
  readonly #requests = new Map<string, RecordedRequest[]>();
  readonly #scripts = new Map<string, ScriptedAnswer[]>();
  readonly #state = new Map<string, Map<string, unknown>>();
  readonly #delivered = new Map<string, string[]>();

  async record(scenario: string, request: Request): Promise<RecordedRequest> {
    const url = new URL(request.url);
    const rawBody = await request.text();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      rawBody,
      body: parseBody(rawBody, headers['content-type'] ?? ''),
      receivedAt: new Date().toISOString(),
    };
    this.list(scenario).push(recorded);
    return recorded;
  }

  list(scenario: string): RecordedRequest[] {
    let requests = this.#requests.get(scenario);
    if (!requests) this.#requests.set(scenario, (requests = []));
    return requests;
  }

  script(scenario: string, answers: readonly ScriptedAnswer[]): void {
    this.#scripts.set(scenario, [...(this.#scripts.get(scenario) ?? []), ...answers]);
  }

  /** Forgets the answers not yet used. */
  unscript(scenario: string): void {
    this.#scripts.delete(scenario);
  }

  /** The next scripted answer, if any; each is used once. */
  next(scenario: string): ScriptedAnswer | undefined {
    return this.#scripts.get(scenario)?.shift();
  }

  /** Per-scenario memory for stand-ins that keep state (dedupe sets, issued tokens, created leads). */
  memory(scenario: string): Map<string, unknown> {
    let memory = this.#state.get(scenario);
    if (!memory) this.#state.set(scenario, (memory = new Map()));
    return memory;
  }

  /** One entry per record a stand-in stored, in order (our key where the request carries it, else the record id): a lead stored twice shows twice. */
  delivered(scenario: string): string[] {
    let keys = this.#delivered.get(scenario);
    if (!keys) this.#delivered.set(scenario, (keys = []));
    return keys;
  }

  clear(scenario: string): void {
    this.#delivered.delete(scenario);
    this.#requests.delete(scenario);
    this.#scripts.delete(scenario);
    this.#state.delete(scenario);
  }
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return null;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/**
 * What every stand-in does first: record the request, take the next scripted answer and wait as long
 * as it says. `early` is the scripted status answer, when the script gave one instead of a mode.
 */
export async function receive(
  recorder: Recorder,
  scenario: string,
  request: Request,
): Promise<{ recorded: RecordedRequest; answer: ScriptedAnswer; early: Response | undefined }> {
  const recorded = await recorder.record(scenario, request);
  const answer = recorder.next(scenario) ?? {};
  if (answer.delayMs) await delay(answer.delayMs);
  const early =
    answer.status === undefined
      ? undefined
      : new Response(JSON.stringify(answer.body ?? {}), {
          status: answer.status,
          headers: { 'content-type': 'application/json', ...answer.headers },
        });
  return { recorded, answer, early };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
