import { expect } from '@open-wc/testing';
import { addQuestion, updateQuestion } from '../../src/builder/questions.js';
import { DEFAULT_STATE, stepGroups, type BuilderState } from '../../src/builder/state.js';

const split = (stepCount: number, settings: Partial<BuilderState> = {}) => stepGroups({ ...DEFAULT_STATE, ...settings, stepCount });

describe('a form split into steps the person has not placed fields on', () => {
  it('asks the ZIP code first and the name and contact details last, in two steps', () => {
    expect(split(2)).to.deep.equal([['zip_code'], ['first_name', 'last_name', 'email', 'mobile']]);
  });

  it('gives the name a step of its own in three, and leaves no step empty in four', () => {
    expect(split(3)).to.deep.equal([['zip_code'], ['first_name', 'last_name'], ['email', 'mobile']]);
    expect(split(4)).to.deep.equal([['zip_code'], ['first_name'], ['last_name'], ['email', 'mobile']]);
  });

  it('spreads the address and the page’s questions over the earlier steps, the shortest first, and keeps the contact details last', () => {
    let state: BuilderState = { ...DEFAULT_STATE, included: [...DEFAULT_STATE.included, 'home_phone', 'address', 'city', 'state'] };
    state = addQuestion(state);
    state = updateQuestion(state, '#1', { name: 'debt_amount', label: 'Total debt' });
    expect(stepGroups({ ...state, stepCount: 2 })).to.deep.equal([
      ['zip_code', 'address', 'city', 'state', '#1'],
      ['first_name', 'last_name', 'email', 'mobile', 'home_phone'],
    ]);
    expect(stepGroups({ ...state, stepCount: 3 })).to.deep.equal([
      ['zip_code', 'address'],
      ['city', 'state', '#1'],
      ['first_name', 'last_name', 'email', 'mobile', 'home_phone'],
    ]);
  });

  it('keeps a field the person placed on the step they chose, the rest split as before', () => {
    expect(split(2, { stepOf: { email: 1 } })).to.deep.equal([['email', 'zip_code'], ['first_name', 'last_name', 'mobile']]);
    expect(split(3, { stepOf: { zip_code: 3 } })).to.deep.equal([['first_name', 'last_name'], ['email', 'mobile', 'zip_code']]);
  });

  it('has as many steps as fields when there are fewer fields than steps', () => {
    expect(split(4, { included: ['email', 'zip_code'] })).to.deep.equal([['zip_code'], ['email']]);
  });

  it('is one page for one step', () => {
    expect(split(1)).to.deep.equal([]);
  });
});
