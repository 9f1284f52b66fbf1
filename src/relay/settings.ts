/**
 * A destination's settings as written in the configuration file, resolved against the environment.
 * Credentials are never written in the file: a secret is `{ "env": "NAME" }`, at the top level
 * (`"apiKey": { "env": "PINGTREE_API_KEY" }`) or inside an object (`"headers": { "authorization":
 * { "env": "HOOK_TOKEN" } }`).
 */
export type SettingValue =
  | string
  | number
  | boolean
  | EnvReference
  | Readonly<Record<string, string | number | boolean | EnvReference | Readonly<Record<string, unknown>>>>;

export interface EnvReference {
  readonly env: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** A configuration that cannot work, said in one sentence naming the place. */
export class RelayConfigError extends Error {}

export function isEnvReference(value: unknown): value is EnvReference {
  return typeof value === 'object' && value !== null && 'env' in value && typeof value.env === 'string';
}

/**
 * Header names that carry credentials: a literal value for one of these in the file is refused, as
 * a secret setting is (issue 11: a webhook's `authorization` header was accepted written out).
 */
function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return ['authorization', 'proxy-authorization', 'cookie'].includes(lower) || ['token', 'secret', 'key', 'password', 'auth'].some((word) => lower.includes(word));
}

export function resolveSetting(value: unknown, where: string, env: Environment): unknown {
  if (isEnvReference(value)) {
    const found = env[value.env];
    if (found === undefined || found === '') throw new RelayConfigError(`${where}: environment variable ${value.env} is not set`);
    return found;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolveSetting(entry, `${where}.${key}`, env)]));
}

/** Resolves one destination's settings; `secrets` are the settings that must be environment references. */
export function resolveSettings(
  settings: Readonly<Record<string, SettingValue>>,
  secrets: readonly string[],
  where: string,
  env: Environment,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (secrets.includes(key) && !isEnvReference(value)) {
      throw new RelayConfigError(`${where}.${key}: a secret must be { "env": "NAME" }, never a literal`);
    }
    if (key === 'headers' && typeof value === 'object' && value !== null && !isEnvReference(value)) {
      for (const [name, header] of Object.entries(value)) {
        if (isCredentialHeader(name) && !isEnvReference(header)) {
          throw new RelayConfigError(`${where}.headers.${name}: a credential must be { "env": "NAME" }, never a literal`);
        }
      }
    }
    resolved[key] = resolveSetting(value, `${where}.${key}`, env);
  }
  return resolved;
}

/** A whole number of 1 or more, or `fallback` where the file leaves it out. */
export function positiveInteger(value: number | undefined, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RelayConfigError(`${where}: a whole number of 1 or more is required`);
  return value;
}

/** A timeout in whole milliseconds above 0 (`{where}.timeoutMs`), or `fallback` where the file leaves it out. */
export function timeoutMs(value: unknown, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new RelayConfigError(`${where}.timeoutMs: must be a whole number of milliseconds above 0, not ${JSON.stringify(value)}`);
  }
  return value as number;
}
