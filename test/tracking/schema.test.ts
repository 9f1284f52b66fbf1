import { expect } from '@open-wc/testing';
import { checkTouch } from '../../src/tracking/schema.js';

describe('the relay’s check of tracking and first_touch', () => {
  const touch = {
    utm_source: 'google',
    gclid: 'Cj0KCQ',
    landing_page: 'https://lp.example.com/lp?utm_source=google',
    referrer: 'https://www.google.com/',
    touched_at: '2026-05-04T09:30:00.000Z',
  };

  it('accepts the sets the widget sends', () => {
    expect(checkTouch({ ...touch, page_url: 'https://lp.example.com/quote' }, 'tracking')).to.deep.equal({
      ok: true,
      value: { ...touch, page_url: 'https://lp.example.com/quote' },
      dropped: [],
    });
    expect(checkTouch(touch, 'first_touch')).to.deep.equal({ ok: true, value: touch, dropped: [] });
  });

  it('keeps the destination’s configured extras and drops keys it was not told about, naming them', () => {
    const result = checkTouch({ ...touch, promo_code: 'A1', campaign_ref: 'c9', 'Not A Key': 'x' }, 'tracking', ['promo_code']);
    expect(result).to.deep.equal({ ok: true, value: { ...touch, promo_code: 'A1' }, dropped: ['campaign_ref'] });
  });

  it('has no page_url in a first touch', () => {
    expect(checkTouch({ ...touch, page_url: 'https://lp.example.com/' }, 'first_touch')).to.deep.equal({ ok: true, value: touch, dropped: ['page_url'] });
  });

  it('refuses values that are not short printable strings, URLs that are not http(s), and times that are not times', () => {
    const result = checkTouch(
      { utm_source: 'x'.repeat(501), utm_medium: 3, utm_term: 'a\u0000b', landing_page: 'javascript:alert(1)', referrer: `https://a.example/${'p'.repeat(2000)}`, touched_at: 'yesterday' },
      'tracking',
    );
    expect(result).to.deep.equal({
      ok: false,
      errors: {
        'tracking.utm_source': 'too_long',
        'tracking.utm_medium': 'characters',
        'tracking.utm_term': 'characters',
        'tracking.landing_page': 'characters',
        'tracking.referrer': 'too_long',
        'tracking.touched_at': 'date',
      },
    });
  });

  it('refuses what is not a record, and a record with absurdly many keys', () => {
    expect(checkTouch(['utm_source'], 'tracking')).to.deep.equal({ ok: false, errors: { tracking: 'characters' } });
    expect(checkTouch('google', 'first_touch')).to.deep.equal({ ok: false, errors: { first_touch: 'characters' } });
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`k${index}`, 'v']));
    expect(checkTouch(many, 'tracking')).to.deep.equal({ ok: false, errors: { tracking: 'too_long' } });
  });
});
