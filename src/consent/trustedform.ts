import type { TrustedFormCertificate } from '../adapters/lead.js';
import { loadScriptOnce, waitFor } from './script-loader.js';

/**
 * TrustedForm Certify, loaded the way ActiveProspect documents it (DESTINATIONS.md, "TrustedForm
 * Certify Web SDK"): an async script with `field` and `ping_field` naming the hidden inputs it adds to
 * every form it finds, `use_tagged_consent` for the consent tags we put on the markup, and a
 * cache-buster. The SDK must find the form already in the page, so the element loads it after its
 * first render.
 */
export const TRUSTEDFORM_SRC = 'https://api.trustedform.com/trustedform.js';
export const CERT_FIELD = 'xxTrustedFormCertUrl';
export const PING_FIELD = 'xxTrustedFormPingUrl';
export const TOKEN_FIELD = 'xxTrustedFormToken';

export function trustedFormScriptUrl(base: string, cacheBuster: string): string {
  const url = new URL(base, document.baseURI);
  url.searchParams.set('field', CERT_FIELD);
  url.searchParams.set('ping_field', PING_FIELD);
  url.searchParams.set('use_tagged_consent', 'true');
  url.searchParams.set('l', cacheBuster);
  return url.href;
}

export function loadTrustedForm(document: Document, base = TRUSTEDFORM_SRC): void {
  loadScriptOnce(document, trustedFormScriptUrl(base, `${Date.now()}${Math.random()}`), 'trustedform');
}

function value(form: HTMLFormElement, name: string): string | undefined {
  const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  return input?.value ? input.value : undefined;
}

/** What the SDK has put into this form so far. */
export function readCertificate(form: HTMLFormElement): TrustedFormCertificate | undefined {
  const certUrl = value(form, CERT_FIELD);
  if (!certUrl) return undefined;
  const pingUrl = value(form, PING_FIELD);
  const token = value(form, TOKEN_FIELD);
  return { certUrl, ...(pingUrl ? { pingUrl } : {}), ...(token ? { token } : {}) };
}

/** Waits a bounded time for the certificate: a slow SDK must not hold a lead for ever. */
export function awaitCertificate(form: HTMLFormElement, timeoutMs: number): Promise<TrustedFormCertificate | undefined> {
  return waitFor(() => readCertificate(form), timeoutMs);
}
