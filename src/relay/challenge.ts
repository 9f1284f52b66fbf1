import { exchange, pick, type WireRequest, type WireResponse } from '../adapters/http.js';
import { credentialUrl } from './secret-url.js';
import { isEnvReference, RelayConfigError, resolveSetting, timeoutMs, type Environment } from './settings.js';

/**
 * Verifying a page's bot challenge (Cloudflare Turnstile, Google reCAPTCHA, hCaptcha) with its
 * provider's `siteverify` endpoint before anything else is done with a lead (DESIGN.md, "Lead quality
 * at the relay"; issue 20). A token in the envelope proves nothing by itself: a bot sends any string.
 *
 * The three providers share one protocol (Turnstile documents its endpoint as behaving like
 * reCAPTCHA's): a form-encoded POST of `secret`, `response` and optionally `remoteip`, answered with
 * JSON `{ success, challenge_ts, hostname, "error-codes", … }`, HTTP 200 whether the token passed or
 * not. Sources: developers.cloudflare.com/turnstile/get-started/server-side-validation,
 * developers.google.com/recaptcha/docs/verify and /recaptcha/docs/v3, docs.hcaptcha.com.
 */
export const CHALLENGE_PROVIDERS = ['turnstile', 'recaptcha', 'hcaptcha'] as const;
export type ChallengeProvider = (typeof CHALLENGE_PROVIDERS)[number];

/** Each provider's documented siteverify endpoint. */
export const SITEVERIFY_URLS: Readonly<Record<ChallengeProvider, string>> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};

/** How long the relay waits for a provider by default: a person is waiting for the thank-you. */
export const DEFAULT_CHALLENGE_TIMEOUT_MS = 5000;

/** `botProtection.challenge` as written in the configuration file. */
export interface ChallengeConfigFile {
  readonly provider: string;
  /** `{ "env": "NAME" }`: never written in the file. */
  readonly secret: unknown;
  /** reCAPTCHA v3 only: the lowest score (0.0 bot … 1.0 person) let through. */
  readonly minScore?: number;
  /** A stand-in's URL (tests, the demo); default the provider's own. */
  readonly verifyUrl?: string;
  /** The action the page's widget was run with (reCAPTCHA v3, Turnstile); another is refused. */
  readonly action?: string;
  /** The hostnames the pages are served from; a token solved elsewhere is refused. */
  readonly hostnames?: readonly string[];
  readonly timeoutMs?: number;
}

/** Every key of `botProtection.challenge`, for the strict configuration check (config-keys.ts). */
export const CHALLENGE_KEYS = ['provider', 'secret', 'minScore', 'verifyUrl', 'action', 'hostnames', 'timeoutMs'] as const satisfies readonly (keyof ChallengeConfigFile)[];

/** `botProtection.challenge`, checked and with its secret read from the environment. */
export interface ChallengeSettings {
  readonly provider: ChallengeProvider;
  readonly secret: string;
  readonly minScore?: number;
  readonly verifyUrl: string;
  readonly action?: string;
  readonly hostnames?: readonly string[];
  readonly timeoutMs: number;
}

export type ChallengeVerdict =
  | {
      readonly kind: 'passed';
      readonly provider: ChallengeProvider;
      readonly hostname?: string;
      /** When the challenge was solved, as the provider says. */
      readonly challengeTs?: string;
      readonly score?: number;
      readonly action?: string;
    }
  | {
      /** The person (or bot) did not pass: `403 challenge_failed`, nothing stored or sent. */
      readonly kind: 'failed';
      readonly reason: 'missing_token' | 'refused' | 'low_score' | 'wrong_action' | 'wrong_hostname';
      /** The provider's own codes (`invalid-input-response`, `timeout-or-duplicate`, …). */
      readonly errorCodes: readonly string[];
      readonly score?: number;
    }
  | {
      /** The relay could not find out: `503`, retryable; never a silent pass. */
      readonly kind: 'unavailable';
      /**
       * `network`, `timeout`: no answer; `http_status`: a non-2xx answer; `unreadable_answer`: not the
       * documented JSON; `provider_error`: the provider says to retry (Turnstile's `internal-error`);
       * `misconfigured`: the provider refused our secret, or gave no score where `minScore` needs one.
       */
      readonly reason: 'network' | 'timeout' | 'http_status' | 'unreadable_answer' | 'provider_error' | 'misconfigured';
      readonly status?: number;
      readonly errorCodes?: readonly string[];
    };

/**
 * Error codes that say our configuration is wrong, not the token: refusing the person for them would
 * turn every lead away and blame the people. Turnstile: `missing-input-secret`, `invalid-input-secret`,
 * `invalid-widget-id`, `invalid-parsed-secret`; reCAPTCHA the first two; hCaptcha also
 * `sitekey-secret-mismatch` and `not-using-dummy-passcode` (a test site key with a real secret).
 */
const CONFIGURATION_ERRORS: readonly string[] = [
  'missing-input-secret',
  'invalid-input-secret',
  'invalid-widget-id',
  'invalid-parsed-secret',
  'sitekey-secret-mismatch',
  'not-using-dummy-passcode',
];

/** "An internal error happened while validating the response. The request can be retried." (Turnstile) */
const RETRYABLE_ERRORS: readonly string[] = ['internal-error'];

function isProvider(value: unknown): value is ChallengeProvider {
  return typeof value === 'string' && (CHALLENGE_PROVIDERS as readonly string[]).includes(value);
}

/**
 * Checks `botProtection.challenge` and reads its secret from `env`; throws `RelayConfigError` with one
 * sentence naming the place. Pure: the environment is passed in.
 */
export function parseChallengeSettings(value: unknown, where: string, env: Environment): ChallengeSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RelayConfigError(`${where}: must be an object { provider, secret, … }`);
  }
  const file = value as Partial<Record<keyof ChallengeConfigFile, unknown>>;
  const unknown = Object.keys(file).find((key) => !(CHALLENGE_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) throw new RelayConfigError(`${where}.${unknown}: unknown key (known: ${CHALLENGE_KEYS.join(', ')})`);
  if (!isProvider(file.provider)) {
    throw new RelayConfigError(`${where}.provider: ${JSON.stringify(file.provider)} is not one of ${CHALLENGE_PROVIDERS.join(', ')}`);
  }
  const provider = file.provider;
  if (!isEnvReference(file.secret)) throw new RelayConfigError(`${where}.secret: a secret must be { "env": "NAME" }, never a literal`);
  const secret = String(resolveSetting(file.secret, `${where}.secret`, env));
  let minScore: number | undefined;
  if (file.minScore !== undefined) {
    // Turnstile answers no score; hCaptcha Enterprise's score measures malice (higher is worse), so a
    // minimum would let the worst through. Only reCAPTCHA v3's score (1.0 a person) fits a minimum.
    if (provider !== 'recaptcha') throw new RelayConfigError(`${where}.minScore: only reCAPTCHA v3 answers a score where higher means a person; ${provider} does not`);
    if (typeof file.minScore !== 'number' || !(file.minScore >= 0 && file.minScore <= 1)) {
      throw new RelayConfigError(`${where}.minScore: must be a number from 0.0 to 1.0, not ${JSON.stringify(file.minScore)}`);
    }
    minScore = file.minScore;
  }
  let action: string | undefined;
  if (file.action !== undefined) {
    if (provider === 'hcaptcha') throw new RelayConfigError(`${where}.action: hCaptcha answers no action; only turnstile and recaptcha do`);
    if (typeof file.action !== 'string' || file.action.trim() === '') {
      throw new RelayConfigError(`${where}.action: must be a non-empty string, not ${JSON.stringify(file.action)}`);
    }
    action = file.action;
  }
  let hostnames: readonly string[] | undefined;
  if (file.hostnames !== undefined) {
    if (!Array.isArray(file.hostnames) || file.hostnames.length === 0 || file.hostnames.some((host) => typeof host !== 'string' || host.trim() === '')) {
      throw new RelayConfigError(`${where}.hostnames: must be a list of host names, not ${JSON.stringify(file.hostnames)}`);
    }
    hostnames = (file.hostnames as string[]).map((host) => host.trim().toLowerCase());
  }
  const timeout = timeoutMs(file.timeoutMs, DEFAULT_CHALLENGE_TIMEOUT_MS, where);
  return {
    provider,
    secret,
    verifyUrl: file.verifyUrl === undefined ? SITEVERIFY_URLS[provider] : credentialUrl(file.verifyUrl, `${where}.verifyUrl`, 'the secret'),
    timeoutMs: timeout,
    ...(minScore === undefined ? {} : { minScore }),
    ...(action === undefined ? {} : { action }),
    ...(hostnames === undefined ? {} : { hostnames }),
  };
}

/** The siteverify request: form-encoded `secret`, `response` and, when known, `remoteip`. Pure. */
export function siteverifyRequest(settings: ChallengeSettings, token: string, remoteIp: string | undefined): WireRequest {
  const form = new URLSearchParams({ secret: settings.secret, response: token });
  if (remoteIp) form.set('remoteip', remoteIp);
  return {
    url: settings.verifyUrl,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  };
}

function errorCodes(body: unknown): string[] {
  const codes = pick(body, 'error-codes');
  // hCaptcha's answer has been seen with a single string here rather than a list.
  if (typeof codes === 'string') return [codes];
  return Array.isArray(codes) ? codes.filter((code): code is string => typeof code === 'string') : [];
}

function text(body: unknown, key: string): string | undefined {
  const value = pick(body, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads a siteverify answer into a verdict, against the settings' score, action and hostnames. Pure. */
export function readSiteverifyAnswer(settings: ChallengeSettings, answer: WireResponse): ChallengeVerdict {
  if (answer.status < 200 || answer.status > 299) return { kind: 'unavailable', reason: 'http_status', status: answer.status };
  const success = pick(answer.body, 'success');
  if (typeof success !== 'boolean') return { kind: 'unavailable', reason: 'unreadable_answer', status: answer.status };
  const codes = errorCodes(answer.body);
  if (!success) {
    if (codes.some((code) => CONFIGURATION_ERRORS.includes(code))) return { kind: 'unavailable', reason: 'misconfigured', errorCodes: codes };
    if (codes.some((code) => RETRYABLE_ERRORS.includes(code))) return { kind: 'unavailable', reason: 'provider_error', errorCodes: codes };
    return { kind: 'failed', reason: 'refused', errorCodes: codes };
  }
  const rawScore = pick(answer.body, 'score');
  const score = typeof rawScore === 'number' && Number.isFinite(rawScore) ? rawScore : undefined;
  const hostname = text(answer.body, 'hostname');
  const action = text(answer.body, 'action');
  if (settings.minScore !== undefined) {
    // A v2 key answers no score: every lead would be refused, so this is ours to fix, not the person's.
    if (score === undefined) return { kind: 'unavailable', reason: 'misconfigured', errorCodes: ['no-score'] };
    if (score < settings.minScore) return { kind: 'failed', reason: 'low_score', errorCodes: codes, score };
  }
  // Google: "the action name for this request (important to verify)"; Cloudflare: "It is recommended
  // to validate that the action matches an expected value."
  if (settings.action !== undefined && action !== settings.action) {
    return { kind: 'failed', reason: 'wrong_action', errorCodes: codes, ...(score === undefined ? {} : { score }) };
  }
  if (settings.hostnames !== undefined && (hostname === undefined || !settings.hostnames.includes(hostname.toLowerCase()))) {
    return { kind: 'failed', reason: 'wrong_hostname', errorCodes: codes, ...(score === undefined ? {} : { score }) };
  }
  const challengeTs = text(answer.body, 'challenge_ts');
  return {
    kind: 'passed',
    provider: settings.provider,
    ...(hostname === undefined ? {} : { hostname }),
    ...(challengeTs === undefined ? {} : { challengeTs }),
    ...(score === undefined ? {} : { score }),
    ...(action === undefined ? {} : { action }),
  };
}

/**
 * Asks the provider about `token` (the envelope's `bot.challengeToken`), within `settings.timeoutMs`.
 * A missing token fails without a call. `remoteIp` is the client address as the relay resolved it;
 * it goes to the provider only, never into the verdict.
 */
export async function verifyChallenge(
  settings: ChallengeSettings,
  token: string | undefined,
  remoteIp: string | undefined,
  fetchImpl: typeof fetch,
): Promise<ChallengeVerdict> {
  if (token === undefined || token.trim() === '') return { kind: 'failed', reason: 'missing_token', errorCodes: [] };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let answer: WireResponse;
  try {
    answer = await exchange(siteverifyRequest(settings, token, remoteIp), fetchImpl, signal);
  } catch {
    return { kind: 'unavailable', reason: signal.aborted ? 'timeout' : 'network' };
  }
  return readSiteverifyAnswer(settings, answer);
}
