import { expect } from '@open-wc/testing';
import { cleanUrl, extraParameters, fromUrl, sameSite, trackingKey } from '../../src/tracking/capture.js';

describe('reading a URL for attribution', () => {
  it('reads UTM tags, ad click ids and partner sub-ids, and the extra names a page asks for', () => {
    const { extras } = extraParameters(['promo']);
    const url = 'https://lp.example.com/?utm_source=google&utm_campaign=spring&gclid=Cj0K&sub1=aff-9&promo=x&other=y';
    expect(fromUrl(url, extras)).to.deep.equal({ utm_source: 'google', utm_campaign: 'spring', gclid: 'Cj0K', sub1: 'aff-9', promo: 'x' });
  });

  it('drops control characters and cuts absurd lengths', () => {
    expect(fromUrl(`https://x.example/?utm_term=a%00b&utm_content=${'z'.repeat(900)}`)).to.deep.equal({ utm_term: 'ab', utm_content: 'z'.repeat(500) });
  });

  it('sends a page’s own parameter names as snake_case keys, so the relay never meets a name it must refuse', () => {
    expect(trackingKey('promoCode')).to.equal('promo_code');
    expect(trackingKey('campaign-ref')).to.equal('campaign_ref');
    expect(trackingKey('AffID')).to.equal('aff_id');
    const { extras } = extraParameters(['promoCode']);
    expect(fromUrl('https://lp.example.com/?promoCode=SPRING10', extras)).to.deep.equal({ promo_code: 'SPRING10' });
  });

  it('refuses names that cannot be keys or would overwrite where and when, and ignores known ones', () => {
    expect(extraParameters(['9lives', '---', 'landing_page', 'pageUrl', 'utm_source', 'ref'])).to.deep.equal({
      extras: [{ name: 'ref', key: 'ref' }],
      refused: ['9lives', '---', 'landing_page', 'pageUrl'],
    });
  });

  it('keeps of a URL only its origin, path and tracking parameters: an email link’s address and token never leave the address bar', () => {
    const { extras } = extraParameters(['promoCode']);
    const url = 'https://user:pw@lp.example.com/offer?email=jane%40example.com&utm_source=mail&token=s3cr3t&promoCode=A1#access_token=xyz';
    expect(cleanUrl(url, extras)).to.equal('https://lp.example.com/offer?utm_source=mail&promoCode=A1');
    expect(cleanUrl('https://lp.example.com/?email=jane%40example.com')).to.equal('https://lp.example.com/');
    expect(cleanUrl('javascript:alert(1)')).to.equal('');
    expect(cleanUrl('not a url')).to.equal('');
  });

  it('counts a site’s own hosts as one site, and another domain as another', () => {
    expect(sameSite('https://www.example.com/a', 'https://example.com/b')).to.equal(true);
    expect(sameSite('https://lp.example.com/', 'https://www.example.com/')).to.equal(true);
    expect(sameSite('https://lp.example.com/', 'https://example.com/')).to.equal(true);
    expect(sameSite('https://notexample.com/', 'https://example.com/')).to.equal(false);
    expect(sameSite('https://news.example.org/', 'https://lp.example.com/')).to.equal(false);
  });
});
