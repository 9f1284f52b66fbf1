import { expect } from '@open-wc/testing';
import { RelayConfigError } from '../../src/relay/settings.js';
import { parseTrustedFormSettings } from '../../src/relay/trustedform-settings.js';
import { STANDIN_CREDENTIALS, STANDIN_ENV } from '../standins/credentials.js';

const WHERE = 'destinations.pingtree.trustedform';

function refusal(value: unknown): string {
  try {
    parseTrustedFormSettings(value, WHERE, STANDIN_ENV);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
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
