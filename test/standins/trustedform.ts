import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * TrustedForm's Certificate API v4 at a certificate URL (`POST /standins/trustedform/:scenario/:certId`),
 * as documented (src/relay/trustedform-claim.ts cites the pages):
 * - HTTP Basic auth with the account API key as the password (the username is ignored); a wrong key
 *   401 `{ "error": "authentication failed" }`.
 * - `api-version: 4.0` required: this stand-in's account is configured for an earlier version, and
 *   it speaks only v4, so a request without the header is refused (400).
 * - `retain` without `match_lead` 422. Any 40-hex id is a live certificate; another id 404.
 * - 200 `{ outcome, reason, match_lead: { email, phone, result: { email_match, phone_match, success } },
 *   retain: { reference, vendor, results: { expires_at, masked_cert_url, previously_retained } },
 *   insights: { properties, scans: { required, forbidden, result } } }`; `outcome` is `failure` when
 *   the lead does not match or a scan fails, and the certificate is retained either way.
 * - Matching as TrustedForm does: emails lowercased, phones stripped of whitespace, hyphens, brackets
 *   and parentheses. By default the certificate recorded the claim's own email, and its phone as a
 *   person types it, "(212) 555-0123"; a scripted `body: { recorded: { email, phone } }` sets what it
 *   recorded, and mode `mismatch` records somebody else.
 * - Page scans: case- and whitespace-insensitive searches of the recorded page's text, by default
 *   `DEFAULT_PAGE_TEXT`; a scripted `body: { pageText }` replaces it.
 * - Retained certificates are kept five years; a second claim answers `previously_retained: true`.
 * - Modes: `expired` 404, `sandboxed` 405, `out_of_funds` 402, `failing` 500, `error` 200 with
 *   `outcome: "error"`.
 */
export const DEFAULT_PAGE_TEXT =
  'Get your free quote. By clicking Submit, I agree that Acme Solar may call and text me at the number provided, including by autodialer. Consent is not a condition of purchase.';

const RETENTION_YEARS = 5;

interface Recorded {
  readonly email?: string;
  readonly phone?: string;
}

const normaliseEmail = (email: string) => email.toLowerCase();
const normalisePhone = (phone: string) => phone.replace(/[\s\-()[\]]/g, '');
const normaliseText = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** How a person types a ten-digit number into a form. */
function asTyped(phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-10);
  return digits.length === 10 ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : phone;
}

function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(20)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function scanResult(pageText: string, required: readonly string[], forbidden: readonly string[]) {
  const page = normaliseText(pageText);
  const found = (term: string) => page.includes(normaliseText(term));
  return {
    required: { found: required.filter(found), not_found: required.filter((term) => !found(term)) },
    forbidden: { found: forbidden.filter(found), not_found: forbidden.filter((term) => !found(term)) },
    success: required.every(found) && !forbidden.some(found),
  };
}

export function trustedFormStandin(recorder: Recorder): Hono {
  const app = new Hono();
  app.post('/:scenario/:certId', async (c) => {
    const scenario = c.req.param('scenario');
    const certId = c.req.param('certId');
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    const error = (status: 400 | 402 | 404 | 405 | 422 | 500, reason: string) => c.json({ outcome: 'error', reason }, status);
    const authorization = recorded.headers['authorization'] ?? '';
    const password = authorization.startsWith('Basic ') ? atob(authorization.slice(6)).split(':').slice(1).join(':') : undefined;
    if (password !== STANDIN_CREDENTIALS.trustedform.apiKey) return c.json({ error: 'authentication failed' }, 401);
    if (recorded.headers['api-version'] !== '4.0') return error(400, 'this account speaks api-version 4.0 only');
    if (answer.mode === 'out_of_funds') return error(402, 'Account is inactive or out of funds');
    if (answer.mode === 'failing') return c.text('Internal Server Error', 500);
    if (answer.mode === 'expired' || !/^[0-9a-f]{40}$/i.test(certId)) return error(404, 'TrustedForm certificate has expired or could not be found');
    if (answer.mode === 'sandboxed') return error(405, "Attempted to claim a 'sandboxed' certificate");
    if (answer.mode === 'error') return c.json({ outcome: 'error', reason: 'unable to process the certificate' });
    const body = (recorded.body ?? {}) as Record<string, unknown>;
    const matchLead = body['match_lead'] as Record<string, unknown> | undefined;
    const retain = body['retain'] as Record<string, unknown> | undefined;
    const insights = body['insights'] as { properties?: unknown; scans?: { required?: string[]; forbidden?: string[] } } | undefined;
    if (retain !== undefined && (typeof matchLead !== 'object' || matchLead === null)) return error(422, 'The match_lead operation is required when running the retain operation');

    const script = (answer.body ?? {}) as { recorded?: Recorded; pageText?: string };
    const sentEmail = typeof matchLead?.['email'] === 'string' ? matchLead['email'] : undefined;
    const sentPhone = typeof matchLead?.['phone'] === 'string' ? matchLead['phone'] : undefined;
    const onCertificate: Recorded =
      answer.mode === 'mismatch'
        ? { email: 'somebody.else@example.org', phone: '(646) 555-0199' }
        : (script.recorded ?? { ...(sentEmail ? { email: sentEmail } : {}), ...(sentPhone ? { phone: asTyped(sentPhone) } : {}) });
    const emailMatch = sentEmail === undefined ? null : onCertificate.email !== undefined && normaliseEmail(sentEmail) === normaliseEmail(onCertificate.email);
    const phoneMatch = sentPhone === undefined ? null : onCertificate.phone !== undefined && normalisePhone(sentPhone) === normalisePhone(onCertificate.phone);
    const matched = emailMatch === true || phoneMatch === true;

    const reply: Record<string, unknown> = {};
    const reasons: string[] = [];
    if (matchLead) {
      reply['match_lead'] = { ...matchLead, result: { email_match: emailMatch, phone_match: phoneMatch, success: matched } };
      if (!matched) reasons.push('Lead matching unsuccessful');
    }
    if (retain) {
      const memory = recorder.memory(scenario);
      const previous = memory.get(`trustedform:${certId}`) as { expiresAt: string; masked: string } | undefined;
      const kept = previous ?? {
        expiresAt: new Date(Date.now() + RETENTION_YEARS * 365.25 * 24 * 3600 * 1000).toISOString(),
        masked: `https://cert.trustedform.com/${randomHex()}`,
      };
      memory.set(`trustedform:${certId}`, kept);
      reply['retain'] = { ...retain, results: { expires_at: kept.expiresAt, masked_cert_url: kept.masked, previously_retained: previous !== undefined } };
    }
    if (insights?.scans) {
      const result = scanResult(script.pageText ?? DEFAULT_PAGE_TEXT, insights.scans.required ?? [], insights.scans.forbidden ?? []);
      reply['insights'] = { properties: {}, scans: { ...insights.scans, result } };
      if (!result.success) reasons.push('Insights page scans unsuccessful');
    }
    return c.json({ outcome: reasons.length === 0 ? 'success' : 'failure', reason: reasons.length === 0 ? null : reasons.join('; '), ...reply });
  });
  return app;
}
