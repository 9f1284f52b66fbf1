import { expect } from '@open-wc/testing';
import { FIELD_KEYS } from '../../src/fields/keys.js';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import { createLeadValidator, leadValidatorWith } from '../../src/fields/validate.js';
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

describe('leadValidatorWith: the states’ table handed in (the widget’s rules take it from its chunk)', () => {
  it('reads a state with the table it is given, and knows none without one', () => {
    const given = leadValidatorWith((value) => (value.toUpperCase() === 'CALIFORNIA' ? 'CA' : undefined), { ...CASE_RULES, fields: ['state'], required: [] });
    expect(given.field('state', 'California')).to.deep.equal({ ok: true, value: 'CA' });
    const none = leadValidatorWith(() => undefined, { ...CASE_RULES, fields: ['state'], required: [] });
    expect(none.field('state', 'CA')).to.deep.equal({ ok: false, error: 'state' });
  });
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

describe('createLeadValidator: the page\'s own questions', () => {
  const { questions } = parseQuestions([
    { name: 'debt_amount', label: 'Total debt', type: 'number', min: 1000, required: true },
    { name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', 'No'] },
    { name: 'hardship', label: 'Facing a hardship?', type: 'checkbox' },
  ]);
  const withQuestions = createLeadValidator({ ...CASE_RULES, fields: ['zip_code'], required: ['owns_home'], questions });

  it('takes each answer under its question\'s name, normalised by its own rule', () => {
    expect(withQuestions.lead({ zip_code: '10001', debt_amount: '25,000', owns_home: 'No', hardship: 'yes' })).to.deep.equal({
      ok: true,
      lead: { zip_code: '10001', debt_amount: '25000', owns_home: 'No', hardship: 'yes' },
    });
  });

  it('needs a question required by its own flag or by the form\'s required, and leaves an unticked checkbox out', () => {
    expect(withQuestions.lead({ zip_code: '10001', hardship: '' })).to.deep.equal({ ok: false, errors: { debt_amount: 'required', owns_home: 'required' } });
    expect(withQuestions.lead({ debt_amount: '5000', owns_home: 'Yes', hardship: '' })).to.deep.equal({
      ok: true,
      lead: { debt_amount: '5000', owns_home: 'Yes' },
    });
  });

  it('refuses an answer out of range or not among the options with its own code', () => {
    expect(withQuestions.lead({ debt_amount: '999', owns_home: 'Maybe' })).to.deep.equal({ ok: false, errors: { debt_amount: 'range', owns_home: 'option' } });
  });

  it('still refuses keys that are neither a field nor a question', () => {
    expect(withQuestions.lead({ debt_amount: '5000', owns_home: 'Yes', shoe_size: '9' })).to.deep.equal({ ok: false, errors: { shoe_size: 'unknown_field' } });
    expect(withQuestions.field('shoe_size', '9')).to.deep.equal({ ok: false, error: 'unknown_field' });
  });
});
