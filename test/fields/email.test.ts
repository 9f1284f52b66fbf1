import { expect } from '@open-wc/testing';
import { EMAIL } from '../../src/fields/email.js';
import { email as normaliseEmail } from '../../src/fields/normalise.js';

describe('normalise.email', () => {
  it('trims the ends as a browser does and lowercases', () => {
    expect(normaliseEmail(' \tJane.Doe@Example.COM\n')).to.equal('jane.doe@example.com');
  });

  it('never takes anything out of the middle', () => {
    expect(normaliseEmail('jane doe@example.com')).to.equal('jane doe@example.com');
    expect(normaliseEmail('jane@example .com')).to.equal('jane@example .com');
  });

  it('leaves other white space at the ends, as the browser does (it refuses it)', () => {
    expect(normaliseEmail('jane@example.com\u3000')).to.equal('jane@example.com\u3000');
  });

  it('is idempotent', () => {
    const once = normaliseEmail('  A@B.COM ');
    expect(normaliseEmail(once)).to.equal(once);
  });
});

describe('EMAIL', () => {
  it('takes a domain label of 63 characters and refuses 64', () => {
    expect(EMAIL.test(`a@${'b'.repeat(63)}.com`)).to.equal(true);
    expect(EMAIL.test(`a@${'b'.repeat(64)}.com`)).to.equal(false);
  });

  it('refuses a label that starts or ends with a hyphen, and takes one inside', () => {
    expect(EMAIL.test('a@b-.com')).to.equal(false);
    expect(EMAIL.test('a@-b.com')).to.equal(false);
    expect(EMAIL.test('a@b-c.com')).to.equal(true);
  });

  it('needs a dot and a top-level domain of letters (stricter than the standard, on purpose)', () => {
    expect(EMAIL.test('jane@localhost')).to.equal(false);
    expect(EMAIL.test('jane@example.c0m')).to.equal(false);
  });
});
