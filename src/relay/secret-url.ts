import { RelayConfigError } from './settings.js';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A configured URL that a credential is sent to (a challenge secret, TrustedForm's API key): https
 * only, or plain http to this machine for a stand-in. Throws `RelayConfigError` naming `where`.
 */
export function credentialUrl(value: unknown, where: string, what: string): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.includes(url.hostname)))) return url.href;
  throw new RelayConfigError(`${where}: ${what} is sent there, so it must be an https URL (plain http only for localhost), not ${JSON.stringify(value)}`);
}
