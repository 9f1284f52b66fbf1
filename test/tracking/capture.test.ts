import { expect } from '@open-wc/testing';
import { FIRST_TOUCH_TTL_MS, fromUrl, nextFirstTouch, trackingFor } from '../../src/tracking/capture.js';

describe('tracking capture', () => {
  it('reads UTM tags, ad click ids and partner sub-ids from the URL, and extra names a page asks for', () => {
    const url = 'https://lp.example.com/?utm_source=google&utm_campaign=spring&gclid=Cj0K&sub1=aff-9&promo=x&other=y';
    expect(fromUrl(url, ['promo'])).to.deep.equal({ utm_source: 'google', utm_campaign: 'spring', gclid: 'Cj0K', sub1: 'aff-9', promo: 'x' });
  });

  it('drops control characters and cuts absurd lengths', () => {
    expect(fromUrl(`https://x.example/?utm_term=a%00b&utm_content=${'z'.repeat(900)}`)).to.deep.equal({ utm_term: 'ab', utm_content: 'z'.repeat(500) });
  });

  it('lets this visit’s tags win over the first touch, keeping the first landing page and referrer', () => {
    const firstTouch = { tracking: { utm_source: 'facebook', fbclid: 'F1' }, landingPage: 'https://lp.example.com/?utm_source=facebook', referrer: 'https://m.facebook.com/', at: 0 };
    const tracking = trackingFor({ url: 'https://lp.example.com/quote?utm_source=newsletter', referrer: 'https://lp.example.com/' }, firstTouch);
    expect(tracking).to.deep.equal({
      utm_source: 'newsletter',
      fbclid: 'F1',
      landing_page: 'https://lp.example.com/?utm_source=facebook',
      referrer: 'https://m.facebook.com/',
    });
  });

  it('remembers the first touch for 30 days, then the next visit is the first again', () => {
    const first = nextFirstTouch(undefined, { url: 'https://a.example/?utm_source=g', referrer: '' }, 1000);
    expect(nextFirstTouch(first, { url: 'https://a.example/?utm_source=b', referrer: '' }, 2000)).to.equal(first);
    const later = nextFirstTouch(first, { url: 'https://a.example/?utm_source=b', referrer: '' }, 1000 + FIRST_TOUCH_TTL_MS);
    expect(later.tracking).to.deep.equal({ utm_source: 'b' });
  });
});
