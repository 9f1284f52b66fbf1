import { expect } from '@open-wc/testing';
import { googleEmail, googlePhone, hashedUserData, metaEmail, metaPhone } from '../../src/conversions/enhanced.js';

/**
 * Known vectors: SHA-256 hex of the normalised value, computed with Node's crypto, independently of
 * the Web Crypto the widget uses. `person@example.com` and `448444124653` are the published examples
 * of the ad platforms' hashing guides (Snap's Conversions API page prints both hashes).
 */
const SHA256 = {
  'person@example.com': '542d240129883c019e106e3b1b2d3f3cb3537c43c425364de8e951d5a3083345',
  '448444124653': 'dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383',
  '+448444124653': '11f9231a47ccfd680a60606f73702bc2c0fb065a7f55c482269e51d9f9e868ae',
  'jane.oneil@example.com': '1db48e04dac21949223cebd4196df5307e6a37b4d56398c87a4421e612a2eebd',
  'janeoneil@gmail.com': '494ea16fe6eafc06bc8868c39f9e0726109cd0a9021044deca1f077b701270c0',
  'jane.oneil@gmail.com': '7c871845851ac7267a0100bed99633d1ae2cf1ab2cef4b222ce17f67caa52053',
  '+12125550123': '27e0fa5123e83b8d78af1156024ff01694f7ccf420aa0a3b0b1cbd2f0c40a33d',
  '12125550123': '53ed517fa8e01227bd3ebdc60c78b3f7a7f3a199decdf492af61584ed4ac608d',
} as const;

describe('enhanced conversions', () => {
  it('normalises an email as both platforms say: trimmed and lowercased', () => {
    expect(metaEmail('  Person@Example.COM ')).to.equal('person@example.com');
    expect(googleEmail('  Person@Example.COM ')).to.equal('person@example.com');
  });

  it('drops the periods of a Gmail address’s local part for Google only', () => {
    expect(googleEmail('Jane.ONeil@GMail.com')).to.equal('janeoneil@gmail.com');
    expect(googleEmail('j.a.n.e@googlemail.com')).to.equal('jane@googlemail.com');
    expect(googleEmail('jane.oneil@example.com')).to.equal('jane.oneil@example.com');
    expect(metaEmail('Jane.ONeil@GMail.com')).to.equal('jane.oneil@gmail.com');
  });

  it('writes a phone as E.164 for Google and as digits with the country code for Meta', () => {
    expect(googlePhone('+1 (212) 555-0123')).to.equal('+12125550123');
    expect(metaPhone('+1 (212) 555-0123')).to.equal('12125550123');
    expect(metaPhone('+44 844 412 4653')).to.equal('448444124653');
  });

  it('hashes to the published vectors', async () => {
    const data = await hashedUserData({ email: ' Person@Example.com ', mobile: '+448444124653' });
    expect(data).to.deep.equal({
      sha256_email_address: SHA256['person@example.com'],
      sha256_phone_number: SHA256['+448444124653'],
      em: SHA256['person@example.com'],
      ph: SHA256['448444124653'],
    });
  });

  it('hashes a lead’s email and mobile for each platform, never carrying the plain values', async () => {
    const data = await hashedUserData({ first_name: 'Jane', email: 'jane.oneil@gmail.com', mobile: '+12125550123' });
    expect(data).to.deep.equal({
      sha256_email_address: SHA256['janeoneil@gmail.com'],
      sha256_phone_number: SHA256['+12125550123'],
      em: SHA256['jane.oneil@gmail.com'],
      ph: SHA256['12125550123'],
    });
    expect(JSON.stringify(data)).to.not.match(/jane|2125550123"/i);
  });

  it('uses the home or business phone when there is no mobile, and gives nothing without email or phone', async () => {
    const data = await hashedUserData({ email: 'jane.oneil@example.com', home_phone: '+12125550123' });
    expect(data).to.deep.equal({
      sha256_email_address: SHA256['jane.oneil@example.com'],
      sha256_phone_number: SHA256['+12125550123'],
      em: SHA256['jane.oneil@example.com'],
      ph: SHA256['12125550123'],
    });
    expect(await hashedUserData({ first_name: 'Jane', zip_code: '10001' })).to.equal(undefined);
  });
});
