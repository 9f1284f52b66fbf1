/**
 * Jornaya (Verisk) LeadiD, on the TrustedForm pattern (DESTINATIONS.md, "Jornaya"): the campaign
 * script writes a 36-character token into the hidden input `#leadid_token` (JORNAYA_TOKEN_ID), which
 * must be in the form. That id is fixed by Jornaya, so only one widget per page can carry it.
 */
import { JORNAYA_TOKEN_ID } from './jornaya-token.js';
import { loadScriptOnce, waitFor } from './script-loader.js';

export { JORNAYA_TOKEN_ID };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function jornayaScriptUrl(campaignKey: string, base?: string): string {
  const url = new URL(base ?? `https://create.lidstatic.com/campaign/${encodeURIComponent(campaignKey)}.js`, document.baseURI);
  url.searchParams.set('snippet_version', '2');
  return url.href;
}

export function loadJornaya(document: Document, campaignKey: string, base?: string): void {
  loadScriptOnce(document, jornayaScriptUrl(campaignKey, base), 'jornaya');
}

export function readJornayaToken(form: HTMLFormElement): string | undefined {
  const value = form.querySelector<HTMLInputElement>(`#${JORNAYA_TOKEN_ID}`)?.value ?? '';
  return GUID.test(value) ? value : undefined;
}

export function awaitJornayaToken(form: HTMLFormElement, timeoutMs: number): Promise<string | undefined> {
  return waitFor(() => readJornayaToken(form), timeoutMs);
}
