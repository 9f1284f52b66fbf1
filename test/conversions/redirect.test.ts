import { expect } from '@open-wc/testing';
import { landingKind, outcomeUrl } from '../../src/conversions/redirect.js';
import { OUTCOME_STATUSES } from '../../src/adapters/lead.js';

const values = { event_id: '5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73', status: 'accepted', destination: 'pingtree' } as const;
const page = 'https://lp.example.com/lp?utm_source=google';

describe('thank-you and rejection pages', () => {
  it('fills {event_id}, {status} and {destination}', () => {
    expect(outcomeUrl('https://example.com/thanks?lead={event_id}&s={status}&d={destination}', values, page)).to.equal(
      'https://example.com/thanks?lead=5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73&s=accepted&d=pingtree',
    );
  });

  it('URL-encodes what it fills in', () => {
    expect(outcomeUrl('https://example.com/thanks/{destination}?d={destination}', { ...values, destination: 'a b&c=d/e' }, page)).to.equal(
      'https://example.com/thanks/a%20b%26c%3Dd%2Fe?d=a%20b%26c%3Dd%2Fe',
    );
  });

  it('fills nothing else: no other placeholder can carry personal data', () => {
    expect(outcomeUrl('https://example.com/thanks?e={email}&k={event_id}', values, page)).to.equal(
      'https://example.com/thanks?e={email}&k=5f0c6a8e-3b7d-4c1e-9a2f-0d4b8e6c1a73',
    );
  });

  it('resolves a path against the page', () => {
    expect(outcomeUrl('/thanks?s={status}', values, page)).to.equal('https://lp.example.com/thanks?s=accepted');
  });

  it('never goes to a script or anything else that is not http(s)', () => {
    expect(outcomeUrl('javascript:alert({event_id})', values, page)).to.equal(undefined);
    expect(outcomeUrl('data:text/html,hi', values, page)).to.equal(undefined);
    expect(outcomeUrl('  ', values, page)).to.equal(undefined);
  });

  it('sends a delivered lead, or a duplicate, to the thank-you page and a rejection to the rejection page', () => {
    const kinds = Object.fromEntries(OUTCOME_STATUSES.map((status) => [status, landingKind(status) ?? 'stay']));
    expect(kinds).to.deep.equal({
      accepted: 'success',
      qualified: 'success',
      duplicate: 'success',
      invalid: 'stay',
      rejected: 'rejected',
      failed: 'stay',
      queued: 'success',
      uncertain: 'stay',
    });
  });
});
