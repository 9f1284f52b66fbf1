import { expect } from '@open-wc/testing';
import { claimCertificate } from '../../src/relay/trustedform-claim.js';
import { parseTrustedFormSettings, type TrustedFormSettings } from '../../src/relay/trustedform-settings.js';
import type { ClaimInput } from '../../src/relay/trustedform-wire.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { newScenario, received, script } from '../helpers/standins.js';

const WHERE = 'destinations.pingtree.trustedform';
const CERT = '454a35b802f3e7b63ffabb4efedb7c6ebe67886c';
const CERT_URL = `https://cert.trustedform.com/${CERT}`;
const LEAD: ClaimInput = { certUrl: CERT_URL, leadId: 'lead-7f3a', email: 'Jane.Smith@Example.com', phone: '+12125550123' };

function standin(scenario: string, extra: Record<string, unknown> = {}): TrustedFormSettings {
  return parseTrustedFormSettings(
    { apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true, certificateBaseUrl: `${location.origin}/standins/trustedform/${scenario}`, ...extra },
    WHERE,
    STANDIN_ENV,
  );
}

describe('claimCertificate', () => {
  it('claims: the expiry, the masked certificate and the match, and nothing personal', async () => {
    const scenario = newScenario();
    const result = await claimCertificate(standin(scenario), LEAD, fetch);
    expect(result.kind).to.equal('claimed');
    if (result.kind !== 'claimed') return;
    expect(result.claim.certificate).to.equal('454a35…886c');
    expect(result.claim.match).to.deep.equal({ email: true, phone: true, success: true });
    expect(result.claim.previouslyRetained).to.equal(false);
    expect(result.claim.maskedCertUrl).to.match(/^https:\/\/cert\.trustedform\.com\/[0-9a-f]{40}$/);
    expect(new Date(result.claim.expiresAt ?? '').getUTCFullYear()).to.be.at.least(new Date().getUTCFullYear() + 4);
    expect(JSON.stringify(result)).to.not.match(/jane|2125550123/i);
    const [request] = await received(scenario);
    expect(request?.path).to.equal(`/standins/trustedform/${scenario}/${CERT}`);
  });

  it('says when the certificate was retained before', async () => {
    const scenario = newScenario();
    await claimCertificate(standin(scenario), LEAD, fetch);
    const again = await claimCertificate(standin(scenario), LEAD, fetch);
    expect(again.kind === 'claimed' && again.claim.previouslyRetained).to.equal(true);
  });

  it('refuses a certificate that recorded somebody else, keeping the retained claim', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'mismatch' });
    const result = await claimCertificate(standin(scenario), LEAD, fetch);
    expect(result).to.deep.include({ kind: 'refused', code: 'mismatch', reason: 'Lead matching unsuccessful' });
    if (result.kind === 'refused') expect(result.claim?.match).to.deep.equal({ email: false, phone: false, success: false });
  });

  it('matches on either value: a new email with the phone the person typed is still the person', async () => {
    const scenario = newScenario();
    await script(scenario, { body: { recorded: { email: 'old@example.org', phone: '212-555-0123' } } });
    const result = await claimCertificate(standin(scenario), LEAD, fetch);
    expect(result.kind === 'claimed' && result.claim.match).to.deep.equal({ email: false, phone: true, success: true });
  });

  it('refuses a page whose scan finds forbidden text or misses required text', async () => {
    const scenario = newScenario();
    const settings = { ...standin(scenario), scans: { required: ['acme   SOLAR may call'], forbidden: ['free iPad'] } };
    expect((await claimCertificate(settings, LEAD, fetch)).kind).to.equal('claimed');
    await script(scenario, { body: { pageText: 'Win a FREE iPad! Submit to enter.' } });
    const result = await claimCertificate(settings, LEAD, fetch);
    expect(result).to.deep.include({ kind: 'refused', code: 'page_scan_failed' });
    if (result.kind === 'refused') expect(result.claim?.pageScan).to.deep.equal({ success: false, requiredNotFound: ['acme   SOLAR may call'], forbiddenFound: ['free iPad'] });
  });

  it('refuses an expired or unknown certificate and a sandboxed one with their own codes', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'expired' }, { mode: 'sandboxed' });
    expect(await claimCertificate(standin(scenario), LEAD, fetch)).to.deep.equal({
      kind: 'refused',
      code: 'expired_or_unknown',
      reason: 'TrustedForm certificate has expired or could not be found',
    });
    expect(await claimCertificate(standin(scenario), LEAD, fetch)).to.deep.include({ kind: 'refused', code: 'sandboxed' });
  });

  it('refuses without a call: no certificate, a URL that is not TrustedForm, nothing to match', async () => {
    const scenario = newScenario();
    const settings = standin(scenario);
    expect(await claimCertificate(settings, { ...LEAD, certUrl: undefined }, fetch)).to.deep.equal({ kind: 'refused', code: 'no_certificate' });
    expect(await claimCertificate(settings, { ...LEAD, certUrl: `https://attacker.example/${CERT}` }, fetch)).to.deep.equal({ kind: 'refused', code: 'not_trustedform' });
    expect(await claimCertificate(settings, { certUrl: CERT_URL, leadId: 'l' }, fetch)).to.deep.equal({ kind: 'refused', code: 'no_match_data' });
    expect(await received(scenario)).to.deep.equal([]);
  });

  it('is unavailable, not refused, when our key or account is refused: the lead is not at fault', async () => {
    const scenario = newScenario();
    expect(await claimCertificate({ ...standin(scenario), apiKey: 'rotated' }, LEAD, fetch)).to.deep.equal({
      kind: 'unavailable',
      code: 'unauthorised',
      status: 401,
      reason: 'authentication failed',
    });
    await script(scenario, { mode: 'out_of_funds' });
    expect(await claimCertificate(standin(scenario), LEAD, fetch)).to.deep.include({ kind: 'unavailable', code: 'account_inactive', status: 402 });
  });

  it('is unavailable on outcome "error", a 500, a timeout and no connection', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'error' }, { mode: 'failing' }, { delayMs: 400 });
    const settings = { ...standin(scenario), timeoutMs: 150 };
    expect(await claimCertificate(settings, LEAD, fetch)).to.deep.include({ kind: 'unavailable', code: 'claim_error', status: 200 });
    expect(await claimCertificate(settings, LEAD, fetch)).to.deep.equal({ kind: 'unavailable', code: 'http_status', status: 500 });
    expect(await claimCertificate(settings, LEAD, fetch)).to.deep.equal({ kind: 'unavailable', code: 'timeout' });
    expect(await claimCertificate({ ...settings, certificateBaseUrl: 'http://127.0.0.1:9' }, LEAD, fetch)).to.deep.equal({ kind: 'unavailable', code: 'network' });
  });
});
