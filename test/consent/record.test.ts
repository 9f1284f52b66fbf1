import { expect } from '@open-wc/testing';
import { buildConsentRecord, consentText, parseSellers, sha256Hex } from '../../src/consent/record.js';

describe('consent record', () => {
  it('hashes with SHA-256 over UTF-8 (the FIPS 180-2 "abc" vector)', async () => {
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('folds white space so layout cannot change the evidence', () => {
    expect(consentText('  By clicking\n   Submit,\tI agree. ')).to.equal('By clicking Submit, I agree.');
  });

  it('splits sellers on ; and |, keeping commas inside names', () => {
    expect(parseSellers('ACME Insurance; Best Rates, LLC | Zeta')).to.deep.equal(['ACME Insurance', 'Best Rates, LLC', 'Zeta']);
  });

  it('records the text, its hash, the sellers, both times, the page without its fragment, and the version', async () => {
    const record = await buildConsentRecord({
      rendered: 'I agree  that ACME may call me.',
      sellers: ['ACME'],
      checkedAt: new Date('2026-11-23T12:00:00.000Z'),
      submittedAt: new Date('2026-11-23T12:00:09.500Z'),
      pageUrl: 'https://lp.example.com/quote?utm_source=g#form',
      version: 'tcpa-2026-03',
    });
    expect(record).to.deep.equal({
      text: 'I agree that ACME may call me.',
      sha256: await sha256Hex('I agree that ACME may call me.'),
      sellers: ['ACME'],
      checkedAt: '2026-11-23T12:00:00.000Z',
      submittedAt: '2026-11-23T12:00:09.500Z',
      pageUrl: 'https://lp.example.com/quote?utm_source=g',
      version: 'tcpa-2026-03',
    });
  });
});
