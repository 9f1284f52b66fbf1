import { expect } from '@open-wc/testing';
import {
  certificateId,
  claimCertificate,
  claimRequest,
  maskCertificateId,
  matchPhone,
  parseTrustedFormSettings,
  readClaimAnswer,
  type ClaimInput,
  type TrustedFormSettings,
} from '../../src/relay/trustedform-claim.js';
import { RelayConfigError } from '../../src/relay/settings.js';
import { STANDIN_CREDENTIALS, STANDIN_ENV } from '../standins/credentials.js';
import { newScenario, received, script } from '../helpers/standins.js';

const WHERE = 'destinations.pingtree.trustedform';
const CERT = '454a35b802f3e7b63ffabb4efedb7c6ebe67886c';
const CERT_URL = `https://cert.trustedform.com/${CERT}`;
const LEAD: ClaimInput = { certUrl: CERT_URL, leadId: 'lead-7f3a', email: 'Jane.Smith@Example.com', phone: '+12125550123' };

function refusal(value: unknown): string {
  try {
    parseTrustedFormSettings(value, WHERE, STANDIN_ENV);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

function standin(scenario: string, extra: Record<string, unknown> = {}): TrustedFormSettings {
  return parseTrustedFormSettings(
    { apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true, certificateBaseUrl: `${location.origin}/standins/trustedform/${scenario}`, ...extra },
    WHERE,
    STANDIN_ENV,
  );
}

describe('parseTrustedFormSettings', () => {
  it("claims at TrustedForm's own certificate URLs by default, within 10 s, without requiring the claim", () => {
    expect(parseTrustedFormSettings({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true }, WHERE, STANDIN_ENV)).to.deep.equal({
      apiKey: STANDIN_CREDENTIALS.trustedform.apiKey,
      claim: true,
      requireClaim: false,
      certificateBaseUrl: 'https://cert.trustedform.com',
      timeoutMs: 10000,
    });
  });

  it('refuses a literal API key, a misspelt key, and requireClaim without a claim', () => {
    expect(refusal({ apiKey: 'tf-live-123', claim: true })).to.equal(`${WHERE}.apiKey: a secret must be { "env": "NAME" }, never a literal`);
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, requireClaims: true })).to.equal(
      `${WHERE}.requireClaims: unknown key (known: apiKey, claim, requireClaim, vendor, scans, certificateBaseUrl, timeoutMs)`,
    );
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: false, requireClaim: true })).to.contain('.requireClaim: needs claim: true');
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: 'yes' })).to.equal(`${WHERE}.claim: must be true or false, not "yes"`);
  });

  it('takes page scans of required and forbidden text, and never sends the key over plain http elsewhere', () => {
    const settings = parseTrustedFormSettings({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, scans: { required: ['Acme Solar'] } }, WHERE, STANDIN_ENV);
    expect(settings.scans).to.deep.equal({ required: ['Acme Solar'], forbidden: [] });
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, scans: {} })).to.contain('list at least one required or forbidden text');
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, scans: { require: ['x'] } })).to.contain('.scans.require: unknown key');
    expect(refusal({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, certificateBaseUrl: 'http://cert.example.com' })).to.contain(
      '.certificateBaseUrl: the API key is sent there, so it must be an https URL',
    );
  });
});

describe('claim request', () => {
  it('takes the id only from a TrustedForm certificate URL', () => {
    expect(certificateId(CERT_URL)).to.equal(CERT);
    expect(certificateId(`https://cert.trustedform.com.evil.example/${CERT}`)).to.equal(undefined);
    expect(certificateId(`http://cert.trustedform.com/${CERT}`)).to.equal(undefined);
    expect(maskCertificateId(CERT)).to.equal('454a35…886c');
  });

  it('sends ten digits, since TrustedForm strips only spaces, hyphens and brackets before comparing', () => {
    expect(matchPhone('+12125550123')).to.equal('2125550123');
  });

  it('posts v4 operations with Basic auth as API, our lead id as the reference, and the match data', () => {
    const settings = { ...standin('x'), vendor: 'Spring landing page', scans: { required: ['Acme Solar'], forbidden: ['free iPad'] } };
    const request = claimRequest(settings, CERT, LEAD);
    expect(request.method).to.equal('POST');
    expect(request.url).to.equal(`${location.origin}/standins/trustedform/x/${CERT}`);
    expect(request.headers).to.deep.equal({
      authorization: `Basic ${btoa(`API:${STANDIN_CREDENTIALS.trustedform.apiKey}`)}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'api-version': '4.0',
    });
    expect(JSON.parse(request.body ?? '')).to.deep.equal({
      match_lead: { email: 'jane.smith@example.com', phone: '2125550123' },
      retain: { reference: 'lead-7f3a', vendor: 'Spring landing page' },
      insights: { properties: [], scans: { required: ['Acme Solar'], forbidden: ['free iPad'] } },
    });
  });
});

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

  it("reads the documented example's string booleans and \"null\" reason", () => {
    const example = {
      outcome: 'success',
      reason: 'null',
      match_lead: { email: 'janedoe@gmail.com', phone: '51125551212', result: { email_match: true, phone_match: true, success: true } },
      retain: { reference: '1128238382829', results: { expires_at: '2023-07-18T12:03:52.000Z', masked_cert_url: '', previously_retained: 'false' }, vendor: 'Acme Co.' },
    };
    expect(readClaimAnswer(CERT, { status: 200, headers: {}, body: example })).to.deep.equal({
      kind: 'claimed',
      claim: { certificate: '454a35…886c', expiresAt: '2023-07-18T12:03:52.000Z', previouslyRetained: false, match: { email: true, phone: true, success: true } },
    });
  });
});
