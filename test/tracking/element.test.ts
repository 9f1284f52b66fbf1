import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { fill, submitButton } from '../helpers/form.js';

const accept = { name: 'accept', create: async () => ({ outcome: { status: 'accepted' as const, retryable: false }, next: null }) };

/**
 * One page load: the test page's address gets the visit's query, and `document.referrer` says where
 * the visit came from (the test server has one origin; the referrers are other sites').
 */
function arrive(query: string, referrer: string): void {
  history.replaceState(null, '', `${location.pathname}?${query}`);
  Object.defineProperty(document, 'referrer', { configurable: true, get: () => referrer });
}

async function leadFromThisPage(extra: Partial<LeadCapture> = {}) {
  const element = await fixture<LeadCapture>(html`<lead-capture fields="email"></lead-capture>`);
  Object.assign(element, { adapter: accept, minFillMs: 0, ...extra });
  await element.updateComplete;
  await fill(element, { email: 'jane@example.com' });
  const submitting = oneEvent(element, 'lead-submit');
  submitButton(element).click();
  const { detail } = await submitting;
  detail.envelope; // the envelope as it is sent
  return detail.envelope;
}

describe('<lead-capture> attribution across visits', () => {
  const original = location.href;
  beforeEach(() => localStorage.removeItem('lead-capture:touches'));
  afterEach(() => {
    history.replaceState(null, '', original);
    delete (document as { referrer?: string }).referrer;
    localStorage.removeItem('lead-capture:touches');
  });

  it('a Google ad, then a newsletter on another site: the second lead carries each visit whole', async () => {
    const here = `${location.origin}${location.pathname}`;
    arrive('utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ&email=jane%40example.com', 'https://www.google.com/');
    const first = await leadFromThisPage();
    const google = {
      utm_source: 'google',
      utm_medium: 'cpc',
      utm_campaign: 'spring_sale',
      gclid: 'Cj0KCQ',
      landing_page: `${here}?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ`,
      referrer: 'https://www.google.com/',
      touched_at: first.first_touch?.['touched_at'],
    };
    expect(first.first_touch).to.deep.equal(google);
    expect(first.tracking).to.deep.equal({ ...google, page_url: google.landing_page });

    arrive('utm_source=newsletter&utm_medium=email', 'https://news.example.org/issues/may');
    const second = await leadFromThisPage();
    expect(second.tracking).to.deep.equal({
      utm_source: 'newsletter',
      utm_medium: 'email',
      landing_page: `${here}?utm_source=newsletter&utm_medium=email`,
      referrer: 'https://news.example.org/issues/may',
      touched_at: second.tracking?.['touched_at'],
      page_url: `${here}?utm_source=newsletter&utm_medium=email`,
    });
    expect(second.first_touch).to.deep.equal(google);
    expect(Date.parse(second.tracking?.['touched_at'] ?? '')).to.be.at.least(Date.parse(google.touched_at ?? ''));
    expect(JSON.stringify(second)).to.not.contain('email=');
  });

  it('persist="none": both sets are this visit', async () => {
    arrive('utm_source=google&gclid=G1', 'https://www.google.com/');
    await leadFromThisPage();
    arrive('utm_source=newsletter', 'https://news.example.org/');
    const lead = await leadFromThisPage({ persist: 'none' });
    expect(lead.first_touch?.['utm_source']).to.equal('newsletter');
    expect(lead.tracking?.['utm_source']).to.equal('newsletter');
    expect(lead.first_touch).to.not.have.property('gclid');
  });

  it('the consent record’s page URL keeps only tracking parameters', async () => {
    arrive('utm_source=mail&email=jane%40example.com&token=t0k', '');
    const lead = await leadFromThisPage({ consent: 'I agree to be contacted.', consentOptional: true });
    expect(lead.consent?.pageUrl).to.equal(`${location.origin}${location.pathname}?utm_source=mail`);
  });
});
