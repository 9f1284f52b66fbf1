import { expect } from '@open-wc/testing';
import { requiredValue, withDateProblem } from '../../src/element/field-errors.js';
import type { DateProblem } from '../../src/fields/memorable-date.js';

const twoDigitYear = { code: 'date', message: 'Year must include 4 numbers', parts: ['year'] } as unknown as DateProblem;

describe('withDateProblem: the lead’s check with the date boxes’ own problem', () => {
  it('keeps the rules’ verdict when the boxes show no problem', () => {
    const valid = { ok: true, lead: { email: 'jane@example.com' } } as const;
    expect(withDateProblem(valid, undefined)).to.equal(valid);
  });

  it('refuses a lead the rules passed when the boxes show a problem', () => {
    expect(withDateProblem({ ok: true, lead: {} }, twoDigitYear)).to.deep.equal({ ok: false, errors: { date_of_birth: 'date' } });
  });

  it('adds the boxes’ problem beside the other fields’ errors', () => {
    const invalid = { ok: false, errors: { email: 'email' } } as const;
    expect(withDateProblem(invalid, twoDigitYear)).to.deep.equal({ ok: false, errors: { email: 'email', date_of_birth: 'date' } });
  });

  it('judges nothing before the rules arrive', () => {
    expect(withDateProblem(undefined, twoDigitYear)).to.equal(undefined);
  });
});

describe('requiredValue: a field that must be filled', () => {
  it('gives the normalised value of a valid field', () => {
    expect(requiredValue({ ok: true, value: '2015550123' })).to.deep.equal({ ok: true, value: '2015550123' });
  });

  it('calls an empty valid field required', () => {
    expect(requiredValue({ ok: true, value: undefined })).to.deep.equal({ ok: false, error: 'required' });
  });

  it('gives the rules’ problem with the value', () => {
    expect(requiredValue({ ok: false, error: 'phone' })).to.deep.equal({ ok: false, error: 'phone' });
  });

  it('calls the field required before the rules arrive', () => {
    expect(requiredValue(undefined)).to.deep.equal({ ok: false, error: 'required' });
  });
});
