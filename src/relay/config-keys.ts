import type { ChallengeConfigFile } from './challenge.js';
import type { RelayConfigFile } from './config.js';
import type { DestinationConfigFile } from './destination-config.js';
import { ADAPTER_KINDS, isAdapterName } from './registry.js';
import type { TrustedFormConfigFile } from './trustedform-settings.js';

/**
 * The strict check of the relay's configuration file (issue 20): every key the relay does not read
 * and every value of the wrong type, each said in one sentence naming its place, before anything is
 * resolved. Today an unknown key is ignored without a word, so a misspelt `dedupe` would silently
 * forward every duplicate. Pure: it reads the parsed JSON only.
 *
 * The shapes below are the one list of what the file may hold. The compiler ties each object shape
 * to its TypeScript interface (`satisfies Record<keyof Required<…>, Shape>`): a key added to
 * `RelayConfigFile` or `DestinationConfigFile` without its shape here does not compile.
 */
export type Shape =
  | { readonly kind: 'string' | 'boolean' | 'number' | 'integer' | 'env' | 'any' }
  | { readonly kind: 'list'; readonly of: Shape }
  | { readonly kind: 'object'; readonly keys: Readonly<Record<string, Shape>>; readonly required?: readonly string[] }
  /** An object keyed by names the operator chooses (destinations), each value of one shape. */
  | { readonly kind: 'record'; readonly of: Shape }
  /** A destination's adapter settings: any values (the adapter checks them), names from its `known`. */
  | { readonly kind: 'adapterSettings' };

const string = { kind: 'string' } as const;
const boolean = { kind: 'boolean' } as const;
const number = { kind: 'number' } as const;
const integer = { kind: 'integer' } as const;
const env = { kind: 'env' } as const;
const strings = { kind: 'list', of: string } as const;

/** `botProtection.challenge`, and a destination's own `challenge` (src/relay/challenge.ts). */
export const CHALLENGE_SHAPE = {
  kind: 'object',
  required: ['provider', 'secret'],
  keys: { provider: string, secret: env, minScore: number, verifyUrl: string, action: string, hostnames: strings, timeoutMs: integer } satisfies Record<
    keyof Required<ChallengeConfigFile>,
    Shape
  >,
} as const satisfies Shape;

/** A destination's `trustedform` (src/relay/trustedform-settings.ts). */
export const TRUSTEDFORM_SHAPE = {
  kind: 'object',
  required: ['apiKey'],
  keys: {
    apiKey: env,
    claim: boolean,
    requireClaim: boolean,
    vendor: string,
    scans: { kind: 'object', keys: { required: strings, forbidden: strings } },
    certificateBaseUrl: string,
    timeoutMs: integer,
  } satisfies Record<keyof Required<TrustedFormConfigFile>, Shape>,
} as const satisfies Shape;

/** Issue 20's duplicate window, per destination (src/relay/config.ts, `dedupeRule`). */
export const DEDUPE_SHAPE = { kind: 'object', required: ['fields', 'days'], keys: { fields: strings, days: integer } } as const satisfies Shape;

export const DESTINATION_SHAPE = {
  kind: 'object',
  required: ['adapter'],
  keys: {
    adapter: string,
    fields: strings,
    required: strings,
    // Checked by parseQuestions (src/fields/questions.ts), which names the definition and what is wrong with it.
    questions: { kind: 'any' },
    questionFields: { kind: 'record', of: string },
    trackingParams: strings,
    requireConsent: boolean,
    consent: { kind: 'object', keys: { accept: strings } },
    country: string,
    minAge: integer,
    dedupe: DEDUPE_SHAPE,
    suppression: boolean,
    challenge: CHALLENGE_SHAPE,
    trustedform: TRUSTEDFORM_SHAPE,
    settings: { kind: 'adapterSettings' },
  } satisfies Record<keyof Required<DestinationConfigFile>, Shape>,
} as const satisfies Shape;

export const RELAY_CONFIG_SHAPE = {
  kind: 'object',
  required: ['allowedOrigins', 'leadIdSecret'],
  keys: {
    allowedOrigins: strings,
    allowRequestsWithoutOrigin: boolean,
    bodyLimitBytes: integer,
    rateLimit: { kind: 'object', required: ['windowSeconds', 'max'], keys: { windowSeconds: integer, max: integer } },
    destinationTimeoutMs: integer,
    clientIpHeader: string,
    trustedProxies: integer,
    trustedProxyAddresses: strings,
    leadIdSecret: env,
    leadIdTtlSeconds: integer,
    matchKeySecret: env,
    botProtection: { kind: 'object', keys: { minFillMs: integer, requireSignals: boolean, challenge: CHALLENGE_SHAPE } },
    // src/ledger/settings.ts reads these (positive numbers) and refuses their unknown keys itself.
    delivery: { kind: 'object', keys: { retryDelaysSeconds: { kind: 'list', of: number }, leaseSeconds: number, maxAgeHours: number } },
    retention: { kind: 'object', keys: { consentDays: number, leadDays: number } },
    destinations: { kind: 'record', of: DESTINATION_SHAPE },
  } satisfies Record<keyof Required<RelayConfigFile>, Shape>,
} as const satisfies Shape;

/** What a value is, said without repeating it when it is text (a secret written in the wrong place). */
function described(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Edit distance, for "did you mean": the misspellings that matter are a letter or two off. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownKey(place: string, key: string, known: readonly string[]): string {
  const closest = known
    .map((name) => ({ name, cost: distance(key, name) }))
    .filter(({ cost }) => cost <= Math.max(1, Math.floor(key.length / 4)) + (key.length > 5 ? 1 : 0))
    .sort((a, b) => a.cost - b.cost)[0];
  const hint = closest ? `did you mean "${closest.name}"?` : `known: ${known.join(', ')}`;
  return `${place}: unknown key "${key}" (${hint})`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function check(value: unknown, shape: Shape, place: string, context: { adapter?: string }, problems: string[]): void {
  switch (shape.kind) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string') problems.push(`${place}: must be a string, not ${described(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${place}: must be true or false, not ${described(value)}`);
      return;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${place}: must be a number, not ${described(value)}`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${place}: must be a whole number, not ${described(value)}`);
      return;
    case 'env':
      if (!isPlainObject(value) || typeof value['env'] !== 'string' || Object.keys(value).length !== 1) {
        problems.push(`${place}: must be { "env": "NAME" }, never a literal`);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) problems.push(`${place}: must be a list, not ${described(value)}`);
      else value.forEach((entry, index) => check(entry, shape.of, `${place}[${index}]`, context, problems));
      return;
    case 'record':
      if (!isPlainObject(value)) problems.push(`${place}: must be an object, not ${described(value)}`);
      else for (const [name, entry] of Object.entries(value)) check(entry, shape.of, `${place}.${name}`, context, problems);
      return;
    case 'adapterSettings': {
      if (!isPlainObject(value)) {
        problems.push(`${place}: must be an object, not ${described(value)}`);
        return;
      }
      // The settings' values are the adapter's to check (AdapterKind.validate); their names are known here.
      if (context.adapter === undefined || !isAdapterName(context.adapter)) return;
      const known = ADAPTER_KINDS[context.adapter].known;
      for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(unknownKey(`${place}.${key}`, key, known));
      return;
    }
    case 'object': {
      if (!isPlainObject(value)) {
        problems.push(`${place}: must be an object, not ${described(value)}`);
        return;
      }
      const known = Object.keys(shape.keys);
      const inner = typeof value['adapter'] === 'string' ? { adapter: value['adapter'] } : context;
      for (const [key, entry] of Object.entries(value)) {
        const where = place === '' ? key : `${place}.${key}`;
        const keyShape = shape.keys[key];
        if (keyShape === undefined) problems.push(unknownKey(where, key, known));
        else check(entry, keyShape, where, inner, problems);
      }
      for (const key of shape.required ?? []) {
        if (!(key in value)) problems.push(`${place === '' ? key : `${place}.${key}`}: is required`);
      }
      return;
    }
  }
}

/**
 * Every unknown key and wrongly typed value in the parsed configuration file, each one sentence
 * naming its place (`destinations.trackerrms.dedpue: unknown key "dedpue" (did you mean "dedupe"?)`),
 * in file order; an empty list when the file holds only what the relay reads. Values given as text
 * are never repeated: a secret written in the wrong place stays out of the log.
 */
export function configKeyProblems(file: unknown, shape: Shape = RELAY_CONFIG_SHAPE): string[] {
  const problems: string[] = [];
  if (!isPlainObject(file)) return [`the configuration must be a JSON object, not ${described(file)}`];
  check(file, shape, '', {}, problems);
  return problems;
}
