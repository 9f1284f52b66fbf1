import { expect } from '@open-wc/testing';
import { fillTemplate } from '../../src/adapters/lead-mapping.js';
import type { LeadEnvelope } from '../../src/adapters/lead.js';

const envelope = (tracking: Record<string, string>): LeadEnvelope => ({
  lead: { first_name: 'Jane', last_name: 'Doe' },
  tracking,
});

describe('fillTemplate', () => {
  it('keeps the person\'s name when a tracking value has the same key', () => {
    expect(fillTemplate('{source}: {full_name}', envelope({ full_name: 'Mallory', first_name: 'X' }), { source: 'Web' })).to.equal('Web: Jane Doe');
    expect(fillTemplate('{first_name}', envelope({ first_name: 'X' }))).to.equal('Jane');
  });

  it('reads tracking values from their own namespace, and bare where no lead value has the name', () => {
    const withSource = envelope({ utm_source: 'google', full_name: 'Mallory' });
    expect(fillTemplate('{tracking.utm_source}', withSource)).to.equal('google');
    expect(fillTemplate('{utm_source}', withSource)).to.equal('google');
    expect(fillTemplate('{tracking.full_name}', withSource)).to.equal('Mallory');
  });

  it('leaves unknown placeholders and inherited names empty', () => {
    expect(fillTemplate('{nothing} {constructor} {tracking.toString}', envelope({}))).to.equal('');
  });
});
