import { expect } from '@open-wc/testing';
import { editDistance, suggestEmail } from '../../src/fields/email-typos.js';

describe('suggestEmail', () => {
  const cases: [typed: string, suggestion: string | undefined, why: string][] = [
    ['jane@gmial.com', 'jane@gmail.com', 'two letters swapped'],
    ['jane@gmail.con', 'jane@gmail.com', 'a slip in the top-level domain'],
    ['jane@hotmial.com', 'jane@hotmail.com', 'hotmail, swapped'],
    ['jane@yaho.com', 'jane@yahoo.com', 'a letter missing'],
    ['jane@outlok.com', 'jane@outlook.com', 'outlook, a letter missing'],
    ['jane@comcast.nte', 'jane@comcast.net', 'comcast, swapped TLD'],
    ['jane@acme-insurance.con', 'jane@acme-insurance.com', 'an unknown company domain with a .con slip'],
    ['jane@gmail.com', undefined, 'already right'],
    ['jane@acme-insurance.com', undefined, 'a company domain we do not know: no guess'],
    ['jane@mail.example.org', undefined, 'a sub-domain far from any popular one'],
    ['jane@fe.co', undefined, 'two edits from me.com is too far for a short domain'],
    ['jane@aol.co', 'jane@aol.com', 'one edit from a short domain'],
    ['jane doe@example.com', 'janedoe@example.com', 'a space inside the local part'],
    ['jane@example .com', 'jane@example.com', 'a space inside the domain'],
    [' Jane Doe@Example.com ', 'janedoe@example.com', 'spaces around are no reason, spaces inside are'],
    ['jane @gmial.com', 'jane@gmail.com', 'a space and a domain slip, mended together'],
    ['jane\u200b@example.com', 'jane@example.com', 'an invisible zero-width space'],
    ['ｊａｎｅ@example.com', 'jane@example.com', 'full-width letters'],
    ['Jane@Example.com', undefined, 'capitals alone are no slip'],
  ];
  for (const [typed, suggestion, why] of cases) {
    it(`${typed} → ${suggestion ?? 'no suggestion'} (${why})`, () => {
      expect(suggestEmail(typed)).to.equal(suggestion);
    });
  }

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('gmial', 'gmail')).to.equal(1);
    expect(editDistance('kitten', 'sitting')).to.equal(3);
  });
});
