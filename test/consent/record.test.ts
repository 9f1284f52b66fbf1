import { expect } from '@open-wc/testing';
import { parseSellers, sha256Hex } from '../../src/consent/record.js';

describe('consent record', () => {
  it('hashes with SHA-256 over UTF-8 (the FIPS 180-2 "abc" vector)', async () => {
    expect(await sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('splits sellers on ; and |, keeping commas inside names', () => {
    expect(parseSellers('ACME Insurance; Best Rates, LLC | Zeta')).to.deep.equal(['ACME Insurance', 'Best Rates, LLC', 'Zeta']);
  });
});
