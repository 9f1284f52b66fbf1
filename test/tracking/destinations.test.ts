import { expect } from '@open-wc/testing';
import type { LeadEnvelope } from '../../src/adapters/lead.js';
import { crmComLeadBody, type CrmComSettings } from '../../src/adapters/crmcom.js';
import { ivvyLeadBody, type IvvySettings } from '../../src/adapters/ivvy.js';
import { mlasLeadInput } from '../../src/adapters/mlas-graphql.js';
import { pingtreeLeadBody } from '../../src/adapters/pingtree.js';
import { trackerRmsBody, type TrackerRmsSettings } from '../../src/adapters/trackerrms.js';
import { buildWebhookRequest } from '../../src/adapters/webhook.js';

const KEY = '5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73';
const NOW = new Date('2026-05-07T09:31:00Z');

/** The second lead of the README's worked example: a newsletter visit after a Google ad, with partner sub-ids on the newsletter link. */
const SECOND_LEAD: LeadEnvelope = {
  destination: 'any',
  lead: { first_name: 'Jane', last_name: "O'Neil", email: 'jane.oneil@example.com', mobile: '+12125550123', zip_code: '10001' },
  tracking: {
    utm_source: 'newsletter',
    utm_medium: 'email',
    sub1: 'may-issue',
    click_id: 'NL-77',
    landing_page: 'https://lp.example.com/lp?utm_source=newsletter&utm_medium=email&sub1=may-issue&click_id=NL-77',
    referrer: 'https://news.example.org/issues/may',
    touched_at: '2026-05-07T09:30:00.000Z',
    page_url: 'https://lp.example.com/quote',
  },
  first_touch: {
    utm_source: 'google',
    utm_medium: 'cpc',
    utm_campaign: 'spring_sale',
    gclid: 'Cj0KCQ',
    landing_page: 'https://lp.example.com/lp?utm_source=google&utm_medium=cpc&utm_campaign=spring_sale&gclid=Cj0KCQ',
    referrer: 'https://www.google.com/',
    touched_at: '2026-05-04T09:30:00.000Z',
  },
};
const DIRECT_LEAD: LeadEnvelope = { ...SECOND_LEAD, tracking: { landing_page: 'https://lp.example.com/', page_url: 'https://lp.example.com/' } };

describe('each destination gets the touches where it has a place for them', () => {
  it('webhook: both sets, as they are', () => {
    const body = JSON.parse(buildWebhookRequest(SECOND_LEAD, { url: 'https://hooks.example.com/lead' }, KEY).body ?? '{}') as LeadEnvelope;
    expect(body.tracking).to.deep.equal(SECOND_LEAD.tracking);
    expect(body.first_touch).to.deep.equal(SECOND_LEAD.first_touch);
  });

  it('Pingtree: the last touch’s click id and sub-ids, never the first touch’s', () => {
    const body = pingtreeLeadBody(SECOND_LEAD, KEY);
    expect(body).to.include({ click_id: 'NL-77', sub1: 'may-issue' });
    expect(body).to.not.have.any.keys('gclid', 'utm_campaign', 'sub2');
  });

  it('Pingtree: an ad click id when the touch has no partner click id', () => {
    const body = pingtreeLeadBody({ ...SECOND_LEAD, tracking: { utm_source: 'google', gclid: 'Cj0KCQ', aff_id: 'A9' } }, KEY);
    expect(body).to.include({ click_id: 'Cj0KCQ', aff_id: 'A9' });
  });

  it('MLAS: siteURL is the page the form is on', () => {
    expect(mlasLeadInput(SECOND_LEAD, KEY)['siteURL']).to.equal('https://lp.example.com/quote');
  });

  it('TrackerRMS: source from the last touch’s utm_source when the config asks for it, else its own', () => {
    const settings: TrackerRmsSettings = { baseUrl: 'https://evoapius.tracker-rms.com', apiKey: 'k' };
    const lead = (body: Record<string, unknown>) => (body['trackerrms'] as { createLead: { lead: Record<string, unknown> } }).createLead.lead;
    expect(lead(trackerRmsBody(SECOND_LEAD, { ...settings, source: '{utm_source}' }))['source']).to.equal('newsletter');
    expect(lead(trackerRmsBody(DIRECT_LEAD, { ...settings, source: '{utm_source}' }))['source']).to.equal('Website');
    expect(lead(trackerRmsBody(SECOND_LEAD, settings))['source']).to.equal('Website');
  });

  it('iVvy: the lead name’s source from the last touch’s utm_source when the config asks for it', () => {
    const settings = { baseUrl: 'https://api.ivvy.example', apiKey: 'k', apiSecret: 's', sourceId: 1, typeId: 2, stageId: 3, qualityId: 4, industryId: 5 } as IvvySettings;
    expect(ivvyLeadBody(SECOND_LEAD, { ...settings, sourceName: '{utm_source}' })['name']).to.equal("newsletter: Jane O'Neil");
    expect(ivvyLeadBody(DIRECT_LEAD, { ...settings, sourceName: '{utm_source}' })['name']).to.equal("Web lead: Jane O'Neil");
    expect(ivvyLeadBody(SECOND_LEAD, settings)['name']).to.equal("Web lead: Jane O'Neil");
  });

  it('CRM.COM: the source name from the last touch’s utm_source when the config asks for it', () => {
    const settings = { baseUrl: 'https://crm.example.com', username: 'u', password: 'p', organisation: 'o', typeIdentifier: { name: 'Web Lead' }, importance: 'IMPORTANCE1', priority: '1' } as CrmComSettings;
    const source = (envelope: LeadEnvelope, extra: Partial<CrmComSettings> = {}) => crmComLeadBody(envelope, { ...settings, ...extra }, 'token', NOW)['source'];
    expect(source(SECOND_LEAD, { sourceName: '{utm_source}' })).to.deep.equal({ type: 'WEBSITE', name: 'newsletter' });
    expect(source(DIRECT_LEAD, { sourceName: '{utm_source}' })).to.deep.equal({ type: 'WEBSITE', name: 'Web form' });
  });
});
