import { expect } from '@open-wc/testing';
import { captureAttribution, readTouches } from '../../src/tracking/storage.js';

const KEY = 'lead-capture:touches';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 4, 4, 9, 30);

/** One page load as the widget sees it: this page's real localStorage, a chosen address and referrer. */
function pageAt(url: string, referrer: string, storage: Storage = localStorage): Window {
  return { location: { href: url }, document: { referrer }, localStorage: storage } as unknown as Window;
}

describe('remembering touches on this device', () => {
  beforeEach(() => localStorage.clear());
  after(() => localStorage.clear());

  it('the two-visit story: a Google ad, then a newsletter on another site; each lead carries its own visit whole', () => {
    const ad = 'https://lp.example.com/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ&email=jane%40example.com&token=t0k';
    const first = captureAttribution(pageAt(ad, 'https://www.google.com/'), { extras: [], persist: true, now: T0 });
    const googleTouch = {
      utm_source: 'google',
      utm_medium: 'cpc',
      utm_campaign: 'spring_sale',
      gclid: 'Cj0KCQ',
      landing_page: 'https://lp.example.com/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ',
      referrer: 'https://www.google.com/',
      touched_at: '2026-05-04T09:30:00.000Z',
    };
    expect(first.tracking).to.deep.equal({ ...googleTouch, page_url: googleTouch.landing_page });
    expect(first.first_touch).to.deep.equal(googleTouch);

    const newsletter = 'https://lp.example.com/lp?utm_source=newsletter&utm_medium=email';
    const second = captureAttribution(pageAt(newsletter, 'https://news.example.org/issues/may'), { extras: [], persist: true, now: T0 + 3 * DAY });
    expect(second.tracking).to.deep.equal({
      utm_source: 'newsletter',
      utm_medium: 'email',
      landing_page: newsletter,
      referrer: 'https://news.example.org/issues/may',
      touched_at: '2026-05-07T09:30:00.000Z',
      page_url: newsletter,
    });
    expect(second.first_touch).to.deep.equal(googleTouch);
    expect(localStorage.getItem(KEY)).to.not.match(/email=|jane|token/);
  });

  it('persist="none" keeps nothing: both sets are this visit, and what an earlier setting stored is removed', () => {
    captureAttribution(pageAt('https://lp.example.com/?utm_source=google', 'https://www.google.com/'), { extras: [], persist: true, now: T0 });
    const page = 'https://lp.example.com/?utm_source=newsletter';
    const result = captureAttribution(pageAt(page, ''), { extras: [], persist: false, now: T0 + DAY });
    const visit = { utm_source: 'newsletter', landing_page: page, touched_at: '2026-05-05T09:30:00.000Z' };
    expect(result.first_touch).to.deep.equal(visit);
    expect(result.tracking).to.deep.equal({ ...visit, page_url: page });
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('removes the full URLs earlier versions kept', () => {
    localStorage.setItem('lead-capture:first-touch', JSON.stringify({ landingPage: 'https://lp.example.com/?email=jane%40example.com' }));
    captureAttribution(pageAt('https://lp.example.com/', ''), { extras: [], persist: true, now: T0 });
    expect(localStorage.getItem('lead-capture:first-touch')).to.equal(null);
  });

  it('storage that throws costs only the history: the lead still carries this visit', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    const result = captureAttribution(pageAt('https://lp.example.com/?utm_source=x', '', broken as unknown as Storage), { extras: [], persist: true, now: T0 });
    expect(result.first_touch).to.deep.equal({ utm_source: 'x', landing_page: 'https://lp.example.com/?utm_source=x', touched_at: '2026-05-04T09:30:00.000Z' });
  });

  it('ignores stored entries of another shape', () => {
    const good = { params: { utm_source: 'g' }, landing_page: 'https://lp.example.com/', at: T0 };
    const raw = JSON.stringify([good, { params: { utm_source: 7 }, landing_page: '', at: 1 }, null, 'x', { params: [], landing_page: '', at: 1 }]);
    expect(readTouches(raw)).to.deep.equal([good]);
    expect(readTouches('{not json')).to.deep.equal([]);
    expect(readTouches(JSON.stringify({ a: 1 }))).to.deep.equal([]);
  });
});
