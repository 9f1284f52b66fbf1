import { expect } from '@open-wc/testing';
import { buildConsentRecord, consentText } from '../../src/consent/build-record.js';
import { sha256Hex } from '../../src/consent/record.js';

describe('building the consent record', () => {
  it('folds white space so layout cannot change the evidence', () => {
    expect(consentText('  By clicking\n   Submit,\tI agree. ')).to.equal('By clicking Submit, I agree.');
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
