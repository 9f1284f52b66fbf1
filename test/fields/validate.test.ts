import { expect } from '@open-wc/testing';
import { FIELD_KEYS } from '../../src/fields/keys.js';
import { createLeadValidator } from '../../src/fields/validate.js';
import { CASE_RULES, FIELD_CASES } from './cases.js';

const validator = createLeadValidator({ ...CASE_RULES, fields: FIELD_KEYS, required: ['email'] });

describe('createLeadValidator: the field table', () => {
  for (const row of FIELD_CASES) {
    const expected = 'value' in row ? `accepts as ${JSON.stringify(row.value)}` : `refuses with ${row.error}`;
    it(`${row.field}: ${row.why} → ${expected}`, () => {
      const result = validator.field(row.field, row.input);
      expect(result).to.deep.equal('value' in row ? { ok: true, value: row.value } : { ok: false, error: row.error });
    });
  }
});

describe('createLeadValidator: whole leads', () => {
  it('needs the required fields and leaves empty optional ones out', () => {
    expect(validator.lead({ email: '', first_name: '' })).to.deep.equal({ ok: false, errors: { email: 'required' } });
    expect(validator.lead({ email: 'a@b.co', first_name: '  ' })).to.deep.equal({ ok: true, lead: { email: 'a@b.co' } });
  });

  it('refuses fields the form does not have, and values that are not text', () => {
    const narrow = createLeadValidator({ ...CASE_RULES, fields: ['email'], required: [] });
    expect(narrow.lead({ email: 'a@b.co', shoe_size: '9' })).to.deep.equal({ ok: false, errors: { shoe_size: 'unknown_field' } });
    expect(narrow.lead({ email: 42 })).to.deep.equal({ ok: false, errors: { email: 'characters' } });
  });

  it('normalises idempotently: a normalised lead passes unchanged', () => {
    for (const row of FIELD_CASES) {
      if (!('value' in row)) continue;
      expect(validator.field(row.field, row.value), row.why).to.deep.equal({ ok: true, value: row.value });
    }
  });
});
