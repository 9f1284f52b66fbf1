import { LedgerSettingsError, readLedgerSettings, type LedgerSettings } from '../ledger/settings.js';
import { matchKey } from '../ledger/match-keys.js';
import { CDN_HEADERS, parseRanges, PRIVATE_NETWORKS, type ClientAddressRules } from './client-address.js';
import { parseChallengeSettings, type ChallengeConfigFile } from './challenge.js';
import { configKeyProblems } from './config-keys.js';
import { resolveDestination, type Destination, type DestinationConfigFile } from './destination-config.js';
import { isEnvReference, positiveInteger, RelayConfigError, resolveSetting, type Environment, type SettingValue } from './settings.js';

export { RelayConfigError, type SettingValue } from './settings.js';

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
  /**
   * The header a proxy of the deployment's writes the client's address into (`x-forwarded-for`,
   * `cf-connecting-ip`). Without it the client is the socket peer. README, "Security".
   */
  readonly clientIpHeader?: string;
  /** How many of the deployment's proxies append to `clientIpHeader`; default 1. */
  readonly trustedProxies?: number;
  /**
   * The socket peers whose `clientIpHeader` is believed (addresses or CIDR ranges); default loopback
   * and private networks. Required for a CDN's header (`cf-connecting-ip`): its ranges, or
   * `["0.0.0.0/0", "::/0"]` when the origin is reachable through the CDN alone.
   */
  readonly trustedProxyAddresses?: readonly string[];
  /** Signs the lead ids handed to browsers; `{ "env": "RELAY_SECRET" }`. */
  readonly leadIdSecret: SettingValue;
  /** How long a lead id may be used for the submit step; default 3600 (an hour). */
  readonly leadIdTtlSeconds?: number;
  /**
   * Keys the hashes a duplicate window and the suppression list compare (`{ "env": "RELAY_MATCH_SECRET" }`,
   * at least 32 characters); required when a destination has `dedupe` or `suppression`. Changing it
   * empties both in effect: every value hashes anew.
   */
  readonly matchKeySecret?: SettingValue;
  /**
   * Refuse leads whose honeypot is filled or that were sent faster than a person fills a form, and
   * (unless `requireSignals` is false, for server-to-server callers) leads without the signals.
   */
  readonly botProtection?: {
    readonly minFillMs?: number;
    readonly requireSignals?: boolean;
    /** Verify the page's Turnstile, reCAPTCHA or hCaptcha token with its provider (src/relay/challenge.ts). */
    readonly challenge?: ChallengeConfigFile;
  };
  /** The ledger's background delivery: `retryDelaysSeconds`, `leaseSeconds`, `maxAgeHours` (DESIGN.md, "The lead ledger"). */
  readonly delivery?: unknown;
  /** How long the ledger keeps consent evidence (`consentDays`) and the rest of a lead (`leadDays`). */
  readonly retention?: unknown;
  readonly destinations: Readonly<Record<string, DestinationConfigFile>>;
}

export interface RelayConfig {
  readonly allowedOrigins: readonly string[];
  readonly allowRequestsWithoutOrigin: boolean;
  readonly bodyLimitBytes: number;
  readonly rateLimit: { readonly windowSeconds: number; readonly max: number };
  readonly destinationTimeoutMs: number;
  readonly clientAddress: ClientAddressRules;
  readonly leadIdSecret: string;
  readonly leadIdTtlSeconds: number;
  readonly botProtection: { readonly minFillMs: number; readonly requireSignals: boolean };
  /** The key of the duplicate window's and suppression list's hashes, when a destination uses them. */
  readonly matchKey: Uint8Array | undefined;
  /** The ledger's delivery schedule and retention, defaults filled in. */
  readonly ledger: LedgerSettings;
  readonly destinations: ReadonlyMap<string, Destination>;
}

function clientAddressRules(file: RelayConfigFile): ClientAddressRules {
  const header = file.clientIpHeader?.trim().toLowerCase() || undefined;
  const trustedProxies = positiveInteger(file.trustedProxies, 1, 'trustedProxies');
  if (header !== undefined && CDN_HEADERS.includes(header) && file.trustedProxyAddresses === undefined) {
    throw new RelayConfigError(
      `clientIpHeader: ${header} is believable only from the CDN itself: list its ranges in trustedProxyAddresses, ` +
        'or ["0.0.0.0/0", "::/0"] when the origin is reachable through the CDN alone',
    );
  }
  const ranges = parseRanges(file.trustedProxyAddresses ?? PRIVATE_NETWORKS, 'trustedProxyAddresses');
  if (typeof ranges === 'string') throw new RelayConfigError(ranges);
  return { header, trustedProxies, proxyAddresses: ranges };
}

/** Checks and resolves the configuration file against the environment; throws `RelayConfigError`. */
export function resolveRelayConfig(file: RelayConfigFile, env: Environment): RelayConfig {
  // Unknown keys and wrong types first: a misspelt `dedupe` once forwarded every duplicate in silence.
  const problems = configKeyProblems(file);
  if (problems.length > 0) throw new RelayConfigError(problems.join('; '));
  if (!Array.isArray(file.allowedOrigins)) throw new RelayConfigError('allowedOrigins: a list of origins is required');
  if (!isEnvReference(file.leadIdSecret)) throw new RelayConfigError('leadIdSecret: must be { "env": "NAME" }, never a literal');
  const leadIdSecret = String(resolveSetting(file.leadIdSecret, 'leadIdSecret', env));
  if (leadIdSecret.length < 32) throw new RelayConfigError('leadIdSecret: use at least 32 characters');
  const challenge = file.botProtection?.challenge === undefined ? undefined : parseChallengeSettings(file.botProtection.challenge, 'botProtection.challenge', env);
  const destinations = new Map<string, Destination>();
  for (const [name, destination] of Object.entries(file.destinations ?? {})) destinations.set(name, resolveDestination(name, destination, env, challenge));
  let ledger: LedgerSettings;
  try {
    ledger = readLedgerSettings(file);
  } catch (error) {
    if (error instanceof LedgerSettingsError) throw new RelayConfigError(error.message);
    throw error;
  }
  for (const destination of destinations.values()) {
    if (destination.dedupe && destination.dedupe.days > ledger.retention.leadDays) {
      throw new RelayConfigError(
        `destinations.${destination.name}.dedupe.days: ${destination.dedupe.days} is longer than retention.leadDays (${ledger.retention.leadDays}); the hashes it compares are erased with the lead's data`,
      );
    }
  }
  return {
    allowedOrigins: file.allowedOrigins,
    allowRequestsWithoutOrigin: file.allowRequestsWithoutOrigin ?? false,
    bodyLimitBytes: file.bodyLimitBytes ?? 64 * 1024,
    rateLimit: file.rateLimit ?? { windowSeconds: 60, max: 30 },
    destinationTimeoutMs: file.destinationTimeoutMs ?? 15_000,
    clientAddress: clientAddressRules(file),
    leadIdSecret,
    leadIdTtlSeconds: positiveInteger(file.leadIdTtlSeconds, 3600, 'leadIdTtlSeconds'),
    botProtection: { minFillMs: file.botProtection?.minFillMs ?? 1500, requireSignals: file.botProtection?.requireSignals ?? true },
    matchKey: resolveMatchKey(file, destinations, env),
    ledger,
    destinations,
  };
}

/** The duplicate window's and suppression list's key, required only where a destination uses them. */
function resolveMatchKey(file: RelayConfigFile, destinations: ReadonlyMap<string, Destination>, env: Environment): Uint8Array | undefined {
  const user = [...destinations.values()].find((destination) => destination.dedupe !== undefined || destination.suppression);
  if (file.matchKeySecret === undefined) {
    if (user) throw new RelayConfigError(`matchKeySecret is required for destinations.${user.name}'s ${user.dedupe ? 'dedupe' : 'suppression'}: { "env": "RELAY_MATCH_SECRET" }`);
    return undefined;
  }
  if (!isEnvReference(file.matchKeySecret)) throw new RelayConfigError('matchKeySecret: must be { "env": "NAME" }, never a literal');
  const secret = String(resolveSetting(file.matchKeySecret, 'matchKeySecret', env));
  if (secret.length < 32) throw new RelayConfigError('matchKeySecret: use at least 32 characters');
  return matchKey(secret);
}
