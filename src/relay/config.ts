import type { Adapter } from '../adapters/adapter.js';
import { FIELD_KEYS, isFieldKey, type FieldKey } from '../fields/keys.js';
import { isPhoneCountry, type PhoneCountry } from '../fields/phone.js';
import { ADAPTER_KINDS, isAdapterName } from './registry.js';

/**
 * The relay's configuration file (`relay.config.json`, or the path in `RELAY_CONFIG`). Credentials
 * are never written in it: a secret setting is `{ "env": "NAME" }`, read from the environment.
 */
export interface RelayConfigFile {
  readonly allowedOrigins: readonly string[];
  /** Let requests without an Origin header through (server-to-server callers); default false. */
  readonly allowRequestsWithoutOrigin?: boolean;
  readonly bodyLimitBytes?: number;
  readonly rateLimit?: { readonly windowSeconds: number; readonly max: number };
  readonly destinationTimeoutMs?: number;
  /** The header that carries the client's address behind a proxy (`x-forwarded-for`, `cf-connecting-ip`). */
  readonly clientIpHeader?: string;
  /** Signs the lead ids handed to browsers; `{ "env": "RELAY_SECRET" }`. */
  readonly leadIdSecret: SettingValue;
  /** Refuse leads whose honeypot is filled or that were sent faster than a person fills a form. */
  readonly botProtection?: { readonly minFillMs?: number; readonly requireSignals?: boolean };
  readonly destinations: Readonly<Record<string, DestinationConfigFile>>;
}

export type SettingValue = string | number | boolean | { readonly env: string } | Readonly<Record<string, string>>;

export interface DestinationConfigFile {
  readonly adapter: string;
  /**
   * The fields this destination's forms send. A lead carrying any other is refused (`unknown_field`)
   * before any of its values is read; default: every catalogue field.
   */
  readonly fields?: readonly string[];
  /** Fields a lead must carry for this destination (what its API insists on). */
  readonly required?: readonly string[];
  readonly requireConsent?: boolean;
  readonly country?: string;
  readonly minAge?: number;
  readonly settings: Readonly<Record<string, SettingValue>>;
}

export interface Destination {
  readonly name: string;
  readonly adapter: Adapter;
  readonly fields: readonly FieldKey[];
  readonly required: readonly FieldKey[];
  readonly requireConsent: boolean;
  readonly country: PhoneCountry;
  readonly minAge: number;
}

export interface RelayConfig {
  readonly allowedOrigins: readonly string[];
  readonly allowRequestsWithoutOrigin: boolean;
  readonly bodyLimitBytes: number;
  readonly rateLimit: { readonly windowSeconds: number; readonly max: number };
  readonly destinationTimeoutMs: number;
  readonly clientIpHeader: string | undefined;
  readonly leadIdSecret: string;
  readonly botProtection: { readonly minFillMs: number; readonly requireSignals: boolean };
  readonly destinations: ReadonlyMap<string, Destination>;
}

/** A configuration that cannot work, said in one sentence naming the place. */
export class RelayConfigError extends Error {}

function isEnvReference(value: SettingValue): value is { env: string } {
  return typeof value === 'object' && value !== null && 'env' in value && typeof value.env === 'string';
}

function resolveSetting(value: SettingValue, where: string, env: Readonly<Record<string, string | undefined>>): unknown {
  if (!isEnvReference(value)) return value;
  const found = env[value.env];
  if (found === undefined || found === '') throw new RelayConfigError(`${where}: environment variable ${value.env} is not set`);
  return found;
}

function fieldList(list: readonly string[], where: string): FieldKey[] {
  if (!Array.isArray(list)) throw new RelayConfigError(`${where}: a list of field names is required`);
  const unknown = list.filter((key) => typeof key !== 'string' || !isFieldKey(key));
  if (unknown.length > 0) throw new RelayConfigError(`${where}: unknown fields ${unknown.join(', ')} (known: ${FIELD_KEYS.join(' ')})`);
  return list as FieldKey[];
}

/** Checks and resolves the configuration file against the environment; throws `RelayConfigError`. */
export function resolveRelayConfig(file: RelayConfigFile, env: Readonly<Record<string, string | undefined>>): RelayConfig {
  if (!Array.isArray(file.allowedOrigins)) throw new RelayConfigError('allowedOrigins: a list of origins is required');
  if (!isEnvReference(file.leadIdSecret)) throw new RelayConfigError('leadIdSecret: must be { "env": "NAME" }, never a literal');
  const leadIdSecret = String(resolveSetting(file.leadIdSecret, 'leadIdSecret', env));
  if (leadIdSecret.length < 32) throw new RelayConfigError('leadIdSecret: use at least 32 characters');

  const destinations = new Map<string, Destination>();
  for (const [name, destination] of Object.entries(file.destinations ?? {})) {
    const where = `destinations.${name}`;
    if (!isAdapterName(destination.adapter)) {
      throw new RelayConfigError(`${where}.adapter: "${destination.adapter}" is not one of ${Object.keys(ADAPTER_KINDS).join(', ')}`);
    }
    const kind = ADAPTER_KINDS[destination.adapter];
    const settings: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(destination.settings ?? {})) {
      if (kind.secrets.includes(key) && !isEnvReference(value)) {
        throw new RelayConfigError(`${where}.settings.${key}: a secret must be { "env": "NAME" }, never a literal`);
      }
      settings[key] = resolveSetting(value, `${where}.settings.${key}`, env);
    }
    for (const key of kind.required) {
      if (settings[key] === undefined) throw new RelayConfigError(`${where}.settings.${key} is required for ${destination.adapter}`);
    }
    const problem = kind.validate(settings, `${where}.settings`); if (problem !== undefined) throw new RelayConfigError(problem);
    const fields = fieldList(destination.fields ?? FIELD_KEYS, `${where}.fields`);
    const required = fieldList(destination.required ?? [], `${where}.required`);
    const undeclared = required.filter((key) => !fields.includes(key));
    if (undeclared.length > 0) throw new RelayConfigError(`${where}.required: ${undeclared.join(', ')} not in its fields`);
    const country = destination.country ?? 'US';
    if (!isPhoneCountry(country)) throw new RelayConfigError(`${where}.country: "${country}" has no phone metadata`);
    destinations.set(name, {
      name,
      adapter: kind.build(settings),
      fields,
      required,
      requireConsent: destination.requireConsent ?? false,
      country,
      minAge: destination.minAge ?? 18,
    });
  }
  return {
    allowedOrigins: file.allowedOrigins,
    allowRequestsWithoutOrigin: file.allowRequestsWithoutOrigin ?? false,
    bodyLimitBytes: file.bodyLimitBytes ?? 64 * 1024,
    rateLimit: file.rateLimit ?? { windowSeconds: 60, max: 30 },
    destinationTimeoutMs: file.destinationTimeoutMs ?? 15_000,
    clientIpHeader: file.clientIpHeader,
    leadIdSecret,
    botProtection: { minFillMs: file.botProtection?.minFillMs ?? 1500, requireSignals: file.botProtection?.requireSignals ?? false },
    destinations,
  };
}
