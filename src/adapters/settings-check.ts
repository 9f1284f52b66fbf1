/**
 * Checks of a destination's settings, run once when the relay loads its configuration, so that a
 * setting that cannot work stops the relay with a sentence for the operator instead of turning every
 * lead into a refusal blamed on the person. Each adapter states its rules with these.
 */
export interface SettingsProblem {
  /** The setting at fault; absent when the problem is a missing combination. */
  readonly setting?: string;
  readonly problem: string;
}

export type Settings = Readonly<Record<string, unknown>>;

/** The first problem of those given, in order; `undefined` when there is none. */
export function firstProblem(...checks: readonly (SettingsProblem | undefined)[]): SettingsProblem | undefined {
  return checks.find((check) => check !== undefined);
}

export function wholeNumber(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined || (Number.isInteger(value) && (value as number) > 0)) return undefined;
  return { setting, problem: `must be a whole number above 0, not ${JSON.stringify(value)}` };
}

export function positiveMs(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0)) return undefined;
  return { setting, problem: `must be a number of milliseconds above 0, not ${JSON.stringify(value)}` };
}

export function flag(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  return value === undefined || typeof value === 'boolean' ? undefined : { setting, problem: `must be true or false, not ${JSON.stringify(value)}` };
}

export function text(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  return value === undefined || (typeof value === 'string' && value.trim() !== '')
    ? undefined
    : { setting, problem: `must be a non-empty string, not ${JSON.stringify(value)}` };
}

export function httpUrl(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined) return undefined;
  try {
    const url = new URL(String(value));
    if ((url.protocol === 'https:' || url.protocol === 'http:') && typeof value === 'string') return undefined;
  } catch {
    // reported below
  }
  return { setting, problem: `must be an http(s) URL, not ${JSON.stringify(value)}` };
}

export function oneOf(settings: Settings, setting: string, allowed: readonly (string | number)[], why: string): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined || allowed.includes(value as string | number)) return undefined;
  return { setting, problem: `${JSON.stringify(value)} is not one of ${allowed.join(', ')} (${why})` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An identifier object that picks one existing record by exactly one of the keys the destination
 * allows (`{ "name": "Web Lead" }`): CRM.COM's identifiers are "semi-optional" keys, one of them.
 */
export function identifier(settings: Settings, setting: string, keys: readonly string[]): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined) return undefined;
  const given = isRecord(value) ? Object.keys(value) : [];
  const ok = given.length === 1 && keys.includes(given[0]!) && ['string', 'number'].includes(typeof (value as Record<string, unknown>)[given[0]!]);
  return ok ? undefined : { setting, problem: `must be an object with exactly one of ${keys.join(', ')}, e.g. {"${keys[0]}": "…"}` };
}

/** An object whose keys match `key` and whose values are strings (templates such as "{utm_source}"). */
export function templateMap(settings: Settings, setting: string, key: RegExp, keyRule: string): SettingsProblem | undefined {
  const value = settings[setting];
  if (value === undefined) return undefined;
  if (!isRecord(value)) return { setting, problem: 'must be an object of templates, e.g. {"…": "{utm_source}"}' };
  const wrongKey = Object.keys(value).find((name) => !key.test(name));
  if (wrongKey !== undefined) return { setting, problem: `"${wrongKey}" is not ${keyRule}` };
  const wrongValue = Object.entries(value).find(([, template]) => typeof template !== 'string');
  return wrongValue === undefined ? undefined : { setting, problem: `"${wrongValue[0]}" must be a string template` };
}

/** A JSON object passed through as the destination documents it (CRM.COM's `assigned_to`). */
export function object(settings: Settings, setting: string): SettingsProblem | undefined {
  const value = settings[setting];
  return value === undefined || (isRecord(value) && Object.keys(value).length > 0)
    ? undefined
    : { setting, problem: 'must be a non-empty JSON object' };
}
