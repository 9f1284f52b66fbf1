import { expect } from '@open-wc/testing';
import { signLeadId, verifyLeadId } from '../../src/relay/lead-id.js';

describe('lead ids (issue 11)', () => {
  const SECRET = 'a-secret-long-enough-for-hmac-0123456789';
  const claims = { destination: 'mlas', reference: 'r-1', idempotencyKey: 'key-0001', issuedAt: 1000, expiresAt: 4600 };

  it('carry their issue time and expiry, signed, and stop working when they expire', async () => {
    const id = await signLeadId(claims, SECRET);
    expect(await verifyLeadId(id, SECRET, 4599)).to.deep.equal(claims);
    expect(await verifyLeadId(id, SECRET, 4600)).to.equal(undefined);
  });

  it('cannot be given a longer life: any edit breaks the signature', async () => {
    const [, signature] = (await signLeadId(claims, SECRET)).split('.');
    const longer = btoa(JSON.stringify(['mlas', 'r-1', 'key-0001', 1000, 999_999])).replace(/=+$/, '');
    expect(await verifyLeadId(`${longer}.${signature}`, SECRET, 5000)).to.equal(undefined);
  });
});
