import { expect } from '@open-wc/testing';
import { hashedUserData } from '../../src/conversions/enhanced.js';
import { ConversionReporter, type ConversionSettings } from '../../src/conversions/reporter.js';

const KEY = '5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73';
const LEAD = { first_name: 'Jane', email: 'jane.oneil@example.com', mobile: '+12125550123' };
const SETTINGS: ConversionSettings = {
  dataLayer: true,
  enhancedConversions: false,
  successUrl: 'https://example.com/thanks?lead={event_id}&s={status}',
  rejectedUrl: 'https://offers.example.com/?d={destination}&s={status}',
  destination: 'pingtree',
};

type Page = Window & { dataLayer?: unknown[]; google_tag_manager?: unknown };

describe('reporting an outcome to the page’s tags and pages', () => {
  const page = window as Page;
  let visited: string[];
  let reporter: ConversionReporter;
  beforeEach(() => {
    page.dataLayer = [];
    visited = [];
    reporter = new ConversionReporter(window, (url) => visited.push(url), hashedUserData);
  });
  afterEach(() => {
    delete page.dataLayer;
    delete page.google_tag_manager;
  });
  const events = () => (page.dataLayer ?? []).filter((entry) => (entry as { event?: string }).event !== undefined);

  it('a delivered lead: generate_lead with its key, then the thank-you page with the placeholders filled', async () => {
    const url = await reporter.outcome(SETTINGS, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    expect(events()).to.deep.equal([{ event: 'generate_lead', lead_capture: { event_id: KEY, destination: 'pingtree', status: 'accepted' } }]);
    expect(url).to.equal(`https://example.com/thanks?lead=${KEY}&s=accepted`);
    expect(visited).to.deep.equal([url]);
    expect(JSON.stringify(page.dataLayer)).to.not.match(/jane|2125550123/i);
  });

  it('enhanced conversions add the hashes, never the email or phone', async () => {
    await reporter.outcome({ ...SETTINGS, enhancedConversions: true }, { eventId: KEY, status: 'queued', fields: LEAD, leave: false });
    const [event] = events() as { user_data?: Record<string, string> }[];
    expect(Object.keys(event?.user_data ?? {})).to.deep.equal(['sha256_email_address', 'sha256_phone_number', 'em', 'ph']);
    expect(Object.values(event?.user_data ?? {}).every((hash) => /^[0-9a-f]{64}$/.test(hash))).to.equal(true);
    expect(JSON.stringify(page.dataLayer)).to.not.match(/jane|2125550123/i);
  });

  it('a duplicate goes to the thank-you page but is not a new lead for the ad platforms', async () => {
    await reporter.outcome(SETTINGS, { eventId: KEY, status: 'duplicate', fields: LEAD, leave: true });
    expect(events()).to.deep.equal([]);
    expect(visited).to.deep.equal([`https://example.com/thanks?lead=${KEY}&s=duplicate`]);
  });

  it('a buyer’s rejection goes to the rejection page, with no generate_lead', async () => {
    await reporter.outcome(SETTINGS, { eventId: KEY, status: 'rejected', fields: LEAD, leave: true });
    expect(events()).to.deep.equal([]);
    expect(visited).to.deep.equal(['https://offers.example.com/?d=pingtree&s=rejected']);
  });

  it('invalid, failed and uncertain outcomes push nothing and stay', async () => {
    for (const status of ['invalid', 'failed', 'uncertain'] as const) await reporter.outcome(SETTINGS, { eventId: KEY, status, fields: LEAD, leave: true });
    expect(page.dataLayer).to.deep.equal([]);
    expect(visited).to.deep.equal([]);
  });

  it('without a success-url, or when the person is not waiting for this answer, the page stays', async () => {
    await reporter.outcome({ ...SETTINGS, successUrl: '' }, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    await reporter.outcome(SETTINGS, { eventId: KEY, status: 'accepted', fields: LEAD, leave: false });
    expect(events()).to.have.length(2);
    expect(visited).to.deep.equal([]);
  });

  it('datalayer="off" pushes nothing, and the thank-you page still follows', async () => {
    await reporter.outcome({ ...SETTINGS, dataLayer: false }, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    expect(page.dataLayer).to.deep.equal([]);
    expect(visited).to.have.length(1);
  });

  it('hashes that never come (their chunk stalled): generate_lead goes without user_data, and the thank-you page follows', async () => {
    const stalled = new ConversionReporter(window, (url) => visited.push(url), () => new Promise(() => undefined));
    await stalled.outcome({ ...SETTINGS, enhancedConversions: true }, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    expect(events()).to.have.length(1);
    expect(events()[0]).to.have.property('event', 'generate_lead');
    expect(events()[0]).not.to.have.property('user_data');
    expect(visited).to.have.length(1);
  });

  it('with Google Tag Manager loaded, leaves only once its tags for generate_lead have run', async () => {
    let callback: (() => void) | undefined;
    page.google_tag_manager = {};
    page.dataLayer = Object.assign([], { push: (entry: { eventCallback?: () => void; eventTimeout?: number }) => { callback ??= entry.eventCallback; return 0; } });
    await reporter.outcome(SETTINGS, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    expect(visited).to.deep.equal([]);
    callback?.();
    callback?.();
    expect(visited).to.deep.equal([`https://example.com/thanks?lead=${KEY}&s=accepted`]);
  });

  it('stays on the page when the template is not an http(s) URL', async () => {
    const url = await reporter.outcome({ ...SETTINGS, successUrl: 'javascript:alert(1)' }, { eventId: KEY, status: 'accepted', fields: LEAD, leave: true });
    expect(url).to.equal(undefined);
    expect(visited).to.deep.equal([]);
  });

  it('reports bad fields by name and steps by number', () => {
    reporter.invalid(SETTINGS, ['email']);
    reporter.step(SETTINGS, 2, 3);
    expect(events()).to.deep.equal([
      { event: 'lead_capture_invalid', lead_capture: { fields: ['email'], destination: 'pingtree' } },
      { event: 'lead_capture_step', lead_capture: { step: 2, total: 3, destination: 'pingtree' } },
    ]);
  });
});
