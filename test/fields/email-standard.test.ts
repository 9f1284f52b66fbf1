import { expect } from '@open-wc/testing';
import { refusedByBrowser, wrongBeforeRules } from '../../src/element/browser-email-check.js';
import { createLeadValidator } from '../../src/fields/validate.js';
import { CASE_RULES } from './cases.js';

/**
 * Our email rule held to an outside reference: the HTML standard's own check, as Chromium runs it for
 * `<input type="email">` (https://html.spec.whatwg.org/#valid-e-mail-address). We may be stricter
 * (a dot and a letters-only top-level domain, no quoted local parts); we must never accept an address
 * the browser refuses.
 */
const ADDRESSES = [
  // ordinary addresses
  'jane@example.com', 'Jane.Doe@Example.COM', ' jane@example.com ', 'jane+tag@example.co.uk', "o'brien@example.com",
  'jane_doe@example.com', 'jane-doe@example.com', 'j@x.io', '123@example.com', 'jane@123.example.com', 'jane@mail.example.museum',
  // spaces inside (typed on a phone, pasted): refused, never rewritten
  'jane doe@example.com', 'jane@example .com', 'jane @example.com', 'jane@ example.com', 'jane@exa mple.com', 'jane\t@example.com',
  'jane\u00a0doe@example.com', 'jane@example.com\u3000x',
  // domain labels
  'a@b-.com', 'a@-b.com', 'a@b-c.com', 'a@b--c.com', `a@${'b'.repeat(63)}.com`, `a@${'b'.repeat(64)}.com`,
  `a@x.${'b'.repeat(64)}.com`, 'a@b_c.com', 'a@b.c-.com', 'a@b.-c.com', 'a@b..com', 'a@.b.com', 'a@b.com.', 'a@b.com-',
  // top-level domains
  'jane@example', 'jane@example.c', 'jane@example.c0m', 'jane@example.123', 'jane@localhost', 'jane@[192.168.0.1]',
  `a@b.${'c'.repeat(63)}`, `a@b.${'c'.repeat(64)}`,
  // local parts
  'jane..doe@example.com', '.jane@example.com', 'jane.@example.com', '"jane doe"@example.com', 'jane!#$%&*/=?^`{|}~@example.com',
  'jané@example.com', 'jane@bücher.de', 'jane@xn--bcher-kva.de', '@example.com', 'jane@', 'jane', 'jane@@example.com',
  'jane@example@example.com', '<script>@x.com', 'jane(comment)@example.com', 'jane@example.com,bob@example.com',
  // width and invisible characters
  'ｊａｎｅ@example.com', 'jane\u200b@example.com', 'jane@exam\u00adple.com',
  // a letter whose lowercase is ASCII (the Kelvin sign), and white space the browser keeps
  '\u212aate@example.com', '\u3000', '\u00a0', '\ufeff',
];

/** What `<input type="email">` says of a value, exactly as a person would have typed it. */
function browserAccepts(value: string): boolean {
  const input = document.createElement('input');
  input.type = 'email';
  input.value = value;
  return input.checkValidity();
}

describe('email: never looser than the HTML standard (Chromium\'s input type=email)', () => {
  const validator = createLeadValidator({ ...CASE_RULES, fields: ['email'], required: ['email'] });

  it('accepts no address, as typed or as we would send it, that the browser refuses', () => {
    const looser = ADDRESSES.flatMap((typed) => {
      const ours = validator.field('email', typed);
      if (!ours.ok || ours.value === undefined) return [];
      return browserAccepts(typed) && browserAccepts(ours.value) ? [] : [`${JSON.stringify(typed)} → ${JSON.stringify(ours.value)}`];
    });
    expect(looser, 'accepted by us, refused by the browser').to.deep.equal([]);
  });

  it('refuses every address the browser refuses (white space only aside) with the code `email`, which the form says before the rules arrive', () => {
    // White space only is an empty field to the rules (and to the form's early check).
    const otherwise = ADDRESSES.filter((typed) => wrongBeforeRules(typed)).flatMap((typed) => {
      const ours = validator.field('email', typed);
      return !ours.ok && ours.error === 'email' ? [] : [`${JSON.stringify(typed)}: ${JSON.stringify(ours)}`];
    });
    expect(otherwise).to.deep.equal([]);
    expect(ADDRESSES.filter((typed) => refusedByBrowser(typed))).to.include.members(['jane@', 'jane', 'jane doe@example.com']);
  });

  it('the list holds both kinds: addresses both accept, and addresses the browser refuses', () => {
    const browserRefuses = ADDRESSES.filter((typed) => !browserAccepts(typed));
    const bothAccept = ADDRESSES.filter((typed) => browserAccepts(typed) && validator.field('email', typed).ok);
    expect(browserRefuses).to.include.members(['a@b-.com', `a@${'b'.repeat(64)}.com`, 'jane doe@example.com', 'jane@example .com']);
    expect(bothAccept).to.include.members(['jane@example.com', 'jane+tag@example.co.uk', `a@${'b'.repeat(63)}.com`, 'a@b--c.com']);
  });

  it('refuses an address with a space inside rather than sending another address', () => {
    for (const typed of ['jane doe@example.com', 'jane@example .com', 'jane @example.com']) {
      expect(validator.field('email', typed), typed).to.deep.equal({ ok: false, error: 'email' });
    }
  });
});
