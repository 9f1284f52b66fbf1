import { credentialUrl } from './secret-url.js';
import { isEnvReference, RelayConfigError, resolveSetting, timeoutMs, type Environment } from './settings.js';

/** Where certificates are claimed: their own URLs (trustedform-wire.ts takes ids only from these). */
export const TRUSTEDFORM_CERT_ORIGIN = 'https://cert.trustedform.com';
export const DEFAULT_CLAIM_TIMEOUT_MS = 10_000;

/** A destination's `trustedform` block as written in the configuration file. */
export interface TrustedFormConfigFile {
  /** `{ "env": "NAME" }`: the ActiveProspect account API key. */
  readonly apiKey: unknown;
  /** Claim the certificate before delivery; default true. */
  readonly claim?: boolean;
  /** Refuse to forward a lead whose certificate cannot be claimed (missing, expired, unknown, mismatched). */
  readonly requireClaim?: boolean;
  /** Recorded on the retained certificate: who provided the lead (e.g. the site's name). */
  readonly vendor?: string;
  /** Page scan (an Insights operation): text the recorded page must and must not show. */
  readonly scans?: { readonly required?: readonly string[]; readonly forbidden?: readonly string[] };
  /** Where certificate ids are claimed; default https://cert.trustedform.com (a stand-in's in tests). */
  readonly certificateBaseUrl?: string;
  readonly timeoutMs?: number;
}

/** Every key of a destination's `trustedform` block, for the strict configuration check (config-keys.ts). */
export const TRUSTEDFORM_KEYS = ['apiKey', 'claim', 'requireClaim', 'vendor', 'scans', 'certificateBaseUrl', 'timeoutMs'] as const satisfies readonly (keyof TrustedFormConfigFile)[];
export const TRUSTEDFORM_SCAN_KEYS = ['required', 'forbidden'] as const;

export interface TrustedFormSettings {
  readonly apiKey: string;
  readonly claim: boolean;
  readonly requireClaim: boolean;
  readonly vendor?: string;
  readonly scans?: { readonly required: readonly string[]; readonly forbidden: readonly string[] };
  readonly certificateBaseUrl: string;
  readonly timeoutMs: number;
}

function stringList(value: unknown, where: string): readonly string[] {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string' || entry.trim() === '')) {
    throw new RelayConfigError(`${where}: must be a list of non-empty strings, not ${JSON.stringify(value)}`);
  }
  return value as string[];
}

function flag(value: unknown, fallback: boolean, where: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new RelayConfigError(`${where}: must be true or false, not ${JSON.stringify(value)}`);
  return value;
}

/**
 * Checks a destination's `trustedform` block and reads its API key from `env`; throws
 * `RelayConfigError` with one sentence naming the place. Pure.
 */
export function parseTrustedFormSettings(value: unknown, where: string, env: Environment): TrustedFormSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RelayConfigError(`${where}: must be an object { apiKey, claim, … }`);
  const file = value as Partial<Record<keyof TrustedFormConfigFile, unknown>>;
  const unknown = Object.keys(file).find((key) => !(TRUSTEDFORM_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) throw new RelayConfigError(`${where}.${unknown}: unknown key (known: ${TRUSTEDFORM_KEYS.join(', ')})`);
  if (!isEnvReference(file.apiKey)) throw new RelayConfigError(`${where}.apiKey: a secret must be { "env": "NAME" }, never a literal`);
  const apiKey = String(resolveSetting(file.apiKey, `${where}.apiKey`, env));
  const claim = flag(file.claim, true, `${where}.claim`);
  const requireClaim = flag(file.requireClaim, false, `${where}.requireClaim`);
  if (requireClaim && !claim) throw new RelayConfigError(`${where}.requireClaim: needs claim: true (a certificate never claimed can never be required)`);
  if (file.vendor !== undefined && (typeof file.vendor !== 'string' || file.vendor.trim() === '')) {
    throw new RelayConfigError(`${where}.vendor: must be a non-empty string, not ${JSON.stringify(file.vendor)}`);
  }
  let scans: TrustedFormSettings['scans'];
  if (file.scans !== undefined) {
    if (typeof file.scans !== 'object' || file.scans === null || Array.isArray(file.scans)) {
      throw new RelayConfigError(`${where}.scans: must be an object { required, forbidden }`);
    }
    const given = file.scans as Record<string, unknown>;
    const stray = Object.keys(given).find((key) => !(TRUSTEDFORM_SCAN_KEYS as readonly string[]).includes(key));
    if (stray !== undefined) throw new RelayConfigError(`${where}.scans.${stray}: unknown key (known: ${TRUSTEDFORM_SCAN_KEYS.join(', ')})`);
    const required = given['required'] === undefined ? [] : stringList(given['required'], `${where}.scans.required`);
    const forbidden = given['forbidden'] === undefined ? [] : stringList(given['forbidden'], `${where}.scans.forbidden`);
    if (required.length + forbidden.length === 0) throw new RelayConfigError(`${where}.scans: list at least one required or forbidden text`);
    scans = { required, forbidden };
  }
  let certificateBaseUrl = TRUSTEDFORM_CERT_ORIGIN;
  if (file.certificateBaseUrl !== undefined) {
    certificateBaseUrl = credentialUrl(file.certificateBaseUrl, `${where}.certificateBaseUrl`, 'the API key').replace(/\/+$/, '');
  }
  const timeout = timeoutMs(file.timeoutMs, DEFAULT_CLAIM_TIMEOUT_MS, where);
  return {
    apiKey,
    claim,
    requireClaim,
    certificateBaseUrl,
    timeoutMs: timeout,
    ...(file.vendor === undefined ? {} : { vendor: file.vendor as string }),
    ...(scans === undefined ? {} : { scans }),
  };
}

