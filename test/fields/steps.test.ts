import { expect } from '@open-wc/testing';
import { parseSteps } from '../../src/fields/steps.js';

const FIELDS = ['zip_code', 'debt_amount', 'first_name', 'last_name', 'email', 'mobile'];

describe('parseSteps', () => {
  it('splits groups on |, ZIP first', () => {
    expect(parseSteps('zip_code debt_amount | first_name last_name | email mobile', FIELDS)).to.deep.equal({
      steps: [['zip_code', 'debt_amount'], ['first_name', 'last_name'], ['email', 'mobile']],
      warnings: [],
    });
  });

  it('is one step of every field when there are no steps', () => {
    expect(parseSteps('', FIELDS).steps).to.deep.equal([FIELDS]);
    expect(parseSteps(' | ', FIELDS).steps).to.deep.equal([FIELDS]);
  });

  it('puts fields named in no step into the last one, in the order of fields', () => {
    expect(parseSteps('zip_code | mobile', FIELDS).steps).to.deep.equal([['zip_code'], ['mobile', 'debt_amount', 'first_name', 'last_name', 'email']]);
  });

  it('keeps a step in its own order', () => {
    expect(parseSteps('debt_amount zip_code | email', FIELDS).steps[0]).to.deep.equal(['debt_amount', 'zip_code']);
  });

  it('ignores names the form does not ask, with a warning, and drops a step left empty', () => {
    const parsed = parseSteps('zip_code | shoe_size | email', FIELDS);
    expect(parsed.steps).to.deep.equal([['zip_code'], ['email', 'debt_amount', 'first_name', 'last_name', 'mobile']]);
    expect(parsed.warnings).to.deep.equal(['step field "shoe_size" is not in fields; ignored']);
  });

  it('keeps a name given in two steps in the first, with a warning', () => {
    const parsed = parseSteps('zip_code email | email mobile', ['zip_code', 'email', 'mobile']);
    expect(parsed.steps).to.deep.equal([['zip_code', 'email'], ['mobile']]);
    expect(parsed.warnings).to.deep.equal(['step field "email" is in more than one step; kept in the first']);
  });

  it('accepts commas and extra spaces between names', () => {
    expect(parseSteps('  zip_code,debt_amount|first_name ,last_name ', FIELDS).steps.slice(0, 1)).to.deep.equal([['zip_code', 'debt_amount']]);
  });

  it('a form without fields has no steps', () => {
    expect(parseSteps('zip_code', []).steps).to.deep.equal([]);
  });
});
