import { expect } from '@open-wc/testing';
import { extraParameters } from '../../src/tracking/capture.js';
import { attribute, MAX_TOUCHES, remember, TOUCH_TTL_MS, type Touch, type Visit } from '../../src/tracking/touch.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 4, 4, 9, 30);
const iso = (time: number) => new Date(time).toISOString();

/** A person's visits, one after another, each remembered as the widget does on load. */
function visits(...steps: Visit[]): { history: Touch[]; last: ReturnType<typeof attribute> } {
  let history: Touch[] = [];
  for (const step of steps) history = remember(history, step);
  const final = steps.at(-1) as Visit;
  return { history, last: attribute(history, final) };
}

const googleAd: Visit = {
  url: 'https://lp.example.com/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ',
  referrer: 'https://www.google.com/',
  now: T0,
};
const googleTouch = {
  utm_source: 'google',
  utm_medium: 'cpc',
  utm_campaign: 'spring_sale',
  gclid: 'Cj0KCQ',
  landing_page: 'https://lp.example.com/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ',
  referrer: 'https://www.google.com/',
  touched_at: iso(T0),
};

describe('the touch model', () => {
  it('first visit: both touches are this visit, and page_url is this page', () => {
    const { last } = visits(googleAd);
    expect(last.tracking).to.deep.equal({ ...googleTouch, page_url: googleAd.url });
    expect(last.first_touch).to.deep.equal(googleTouch);
  });

  it('return with a new campaign: the last touch is the new visit’s whole set, nothing borrowed from the first', () => {
    const newsletter = { url: 'https://lp.example.com/lp?utm_source=newsletter&utm_medium=email', referrer: 'https://news.example.org/may', now: T0 + 3 * DAY };
    const { last } = visits(googleAd, newsletter);
    expect(last.tracking).to.deep.equal({
      utm_source: 'newsletter',
      utm_medium: 'email',
      landing_page: newsletter.url,
      referrer: 'https://news.example.org/may',
      touched_at: iso(newsletter.now),
      page_url: newsletter.url,
    });
    expect(last.first_touch).to.deep.equal(googleTouch);
  });

  it('return direct: the last non-direct touch is credited, with its own landing page; page_url is where the form is now', () => {
    const direct = { url: 'https://lp.example.com/quote', referrer: '', now: T0 + 10 * DAY };
    const { history, last } = visits(googleAd, direct);
    expect(last.tracking).to.deep.equal({ ...googleTouch, page_url: 'https://lp.example.com/quote' });
    expect(last.first_touch).to.deep.equal(googleTouch);
    expect(history).to.have.length(1);
  });

  it('return after 30 days: what came before has expired, and this visit is both touches', () => {
    const later = { url: 'https://lp.example.com/lp?utm_source=bing&msclkid=M1', referrer: 'https://www.bing.com/', now: T0 + TOUCH_TTL_MS };
    const { history, last } = visits(googleAd, later);
    const bing = { utm_source: 'bing', msclkid: 'M1', landing_page: later.url, referrer: 'https://www.bing.com/', touched_at: iso(later.now) };
    expect(last.tracking).to.deep.equal({ ...bing, page_url: later.url });
    expect(last.first_touch).to.deep.equal(bing);
    expect(history).to.have.length(1);
  });

  it('return direct after 30 days: this visit, direct, is both touches', () => {
    const later = { url: 'https://lp.example.com/', referrer: '', now: T0 + 31 * DAY };
    const { last } = visits(googleAd, later);
    const direct = { landing_page: 'https://lp.example.com/', touched_at: iso(later.now) };
    expect(last.tracking).to.deep.equal({ ...direct, page_url: 'https://lp.example.com/' });
    expect(last.first_touch).to.deep.equal(direct);
  });

  it('same-site navigation is not a touch: the landing visit stays the last touch', () => {
    const next = { url: 'https://lp.example.com/quote?step=2', referrer: googleAd.url, now: T0 + 60_000 };
    const { history, last } = visits(googleAd, next);
    expect(history).to.have.length(1);
    expect(last.tracking).to.deep.equal({ ...googleTouch, page_url: 'https://lp.example.com/quote' });
  });

  it('a referrer from another site is a touch even without campaign parameters', () => {
    const referral = { url: 'https://lp.example.com/', referrer: 'https://forum.example.net/thread/9?session=abc', now: T0 + DAY };
    const { last } = visits(googleAd, referral);
    expect(last.tracking).to.deep.equal({ landing_page: 'https://lp.example.com/', referrer: 'https://forum.example.net/thread/9', touched_at: iso(referral.now), page_url: 'https://lp.example.com/' });
    expect(last.first_touch).to.deep.equal(googleTouch);
  });

  it('a first visit that came straight to the site is the first touch; a later campaign is the last', () => {
    const direct = { url: 'https://lp.example.com/', referrer: '', now: T0 - DAY };
    const { last } = visits(direct, googleAd);
    expect(last.first_touch).to.deep.equal({ landing_page: 'https://lp.example.com/', touched_at: iso(direct.now) });
    expect(last.tracking).to.deep.equal({ ...googleTouch, page_url: googleAd.url });
  });

  it('a reload, or a second widget on the page, is the same visit, not a second touch', () => {
    const { history } = visits(googleAd, { ...googleAd, now: T0 + 1000 });
    expect(history).to.have.length(1);
  });

  it('when the first touch expires, the first of those still within 30 days takes its place', () => {
    const facebook = { url: 'https://lp.example.com/?utm_source=facebook&fbclid=F1', referrer: 'https://m.facebook.com/', now: T0 + 20 * DAY };
    const now = { url: 'https://lp.example.com/', referrer: '', now: T0 + 35 * DAY };
    const { last } = visits(googleAd, facebook, now);
    expect(last.first_touch['utm_source']).to.equal('facebook');
    expect(last.tracking['utm_source']).to.equal('facebook');
  });

  it('keeps the first touch and the most recent ones, never more than a bound', () => {
    const steps = Array.from({ length: 25 }, (_, index) => ({ url: `https://lp.example.com/?utm_source=s${index}`, referrer: '', now: T0 + index * DAY }));
    const { history, last } = visits(...steps);
    expect(history).to.have.length(MAX_TOUCHES);
    expect(last.first_touch['utm_source']).to.equal('s0');
    expect(last.tracking['utm_source']).to.equal('s24');
  });

  it('distrusts touches dated in the future (a clock set wrong)', () => {
    const future: Touch = { params: { utm_source: 'future' }, landing_page: 'https://lp.example.com/', at: T0 + DAY };
    const history = remember([future], googleAd);
    expect(attribute(history, googleAd).first_touch).to.deep.equal(googleTouch);
  });

  it('keeps a page’s own parameters in both sets, and in the landing page', () => {
    const { extras } = extraParameters(['promoCode']);
    const visit = { url: 'https://lp.example.com/?promoCode=A1&email=jane%40example.com', referrer: '', now: T0 };
    const result = attribute(remember([], visit, extras), visit, extras);
    expect(result.first_touch).to.deep.equal({ promo_code: 'A1', landing_page: 'https://lp.example.com/?promoCode=A1', touched_at: iso(T0) });
  });
});
