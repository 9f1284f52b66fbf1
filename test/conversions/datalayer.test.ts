import { expect } from '@open-wc/testing';
import { countsAsLead, invalidEvent, leadEvent, pushEvent, stepEvent } from '../../src/conversions/datalayer.js';
import { OUTCOME_STATUSES } from '../../src/adapters/lead.js';

const KEY = '5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73';

describe('dataLayer events', () => {
  it('generate_lead names the lead by its idempotency key, the destination and the status', () => {
    expect(leadEvent({ eventId: KEY, destination: 'pingtree', status: 'accepted' })).to.deep.equal({
      event: 'generate_lead',
      lead_capture: { event_id: KEY, destination: 'pingtree', status: 'accepted' },
    });
  });

  it('carries user_data only when given (enhanced conversions)', () => {
    const userData = { sha256_email_address: 'a'.repeat(64) };
    expect(leadEvent({ eventId: KEY, destination: 'mlas', status: 'queued' }, userData).user_data).to.deep.equal(userData);
  });

  it('counts a lead the destination took or the relay will deliver; nothing else', () => {
    expect(OUTCOME_STATUSES.filter(countsAsLead)).to.deep.equal(['accepted', 'qualified', 'queued']);
  });

  it('lead_capture_step gives the step and the number of steps', () => {
    expect(stepEvent({ step: 2, total: 3, destination: 'ivvy' })).to.deep.equal({ event: 'lead_capture_step', lead_capture: { step: 2, total: 3, destination: 'ivvy' } });
  });

  it('lead_capture_invalid gives the names of the bad fields, nothing typed', () => {
    expect(invalidEvent({ fields: ['email', 'mobile'], destination: 'ivvy' })).to.deep.equal({
      event: 'lead_capture_invalid',
      lead_capture: { fields: ['email', 'mobile'], destination: 'ivvy' },
    });
  });
});

describe('pushing to the page’s dataLayer', () => {
  const page = (dataLayer: unknown) => ({ dataLayer }) as unknown as Window;
  const event = leadEvent({ eventId: KEY, destination: 'pingtree', status: 'accepted' });

  it('clears lead_capture and user_data first, so one lead’s values never ride with another’s event', () => {
    const dataLayer: unknown[] = [];
    expect(pushEvent(page(dataLayer), event)).to.equal(true);
    expect(dataLayer).to.deep.equal([{ lead_capture: null, user_data: null }, event]);
  });

  it('never creates a dataLayer the page does not have', () => {
    const window = {} as Window;
    expect(pushEvent(window, event)).to.equal(false);
    expect(window).to.deep.equal({});
    expect(pushEvent(page('not a data layer'), event)).to.equal(false);
  });

  it('survives a dataLayer whose push throws (a broken tag must not break the form)', () => {
    const broken = { push: () => { throw new Error('tag error'); } };
    expect(pushEvent(page(broken), event)).to.equal(false);
  });
});
