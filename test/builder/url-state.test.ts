import { expect } from '@open-wc/testing';
import { embedAttributes } from '../../src/builder/attributes.js';
import { addQuestion, updateQuestion } from '../../src/builder/questions.js';
import { DEFAULT_STATE, stepGroups, type BuilderState } from '../../src/builder/state.js';
import { stateFromQuery, stateToQuery } from '../../src/builder/url-state.js';

function richState(): BuilderState {
  let state: BuilderState = {
    ...DEFAULT_STATE,
    destination: 'trackerrms',
    endpoint: 'https://relay.acme.example/v1',
    order: ['zip_code', ...DEFAULT_STATE.order.filter((key) => key !== 'zip_code')],
    included: [...DEFAULT_STATE.included, 'company'],
    required: ['zip_code', 'email'],
    stepCount: 3,
    stepOf: { zip_code: 1, company: 2 },
    consent: 'I agree & consent to "{sellers}"',
    sellers: 'ACME; Best Rates',
    trustedform: true,
    datalayer: false,
    theme: 'dark',
    accent: '#c2410c',
    radius: 0,
    scriptType: 'classic',
  };
  state = addQuestion(state);
  state = updateQuestion(state, '#1', { name: 'household', label: 'Household size', type: 'number', required: true });
  return { ...state, stepOf: { ...state.stepOf, '#1': 1 } };
}

describe('the settings in the URL', () => {
  it('are empty for a new form', () => {
    expect(stateToQuery(DEFAULT_STATE)).to.equal('');
    expect(stateFromQuery('')).to.deep.equal(DEFAULT_STATE);
  });

  it('reopen the same embed code', () => {
    const state = richState();
    const reopened = stateFromQuery(stateToQuery(state));
    expect(embedAttributes(reopened)).to.deep.equal(embedAttributes(state));
    expect(stateToQuery(reopened)).to.equal(stateToQuery(state));
    expect(reopened.scriptType).to.equal('classic');
  });

  it('ask a new form’s contact fields required, and a link that says nothing of `required` gets the same', () => {
    expect(DEFAULT_STATE.required).to.deep.equal(['email', 'mobile']);
    // Links made before the builder required anything wrote no `required`: they open with the contact fields they ask required.
    expect(stateFromQuery('destination=crmcom').required).to.deep.equal(['email', 'mobile']);
    expect(stateFromQuery('fields=zip_code+first_name+email').required).to.deep.equal(['email']);
    expect(stateFromQuery('fields=zip_code+first_name').required).to.deep.equal([]);
  });

  it('keep a link’s own `required`, nothing required included', () => {
    expect(stateFromQuery('required=zip_code+email').required).to.deep.equal(['zip_code', 'email']);
    expect(stateFromQuery('required=').required).to.deep.equal([]);
    const none = { ...DEFAULT_STATE, required: [] };
    expect(stateToQuery(none)).to.equal('required=');
    expect(stateFromQuery(stateToQuery(none))).to.deep.equal(none);
    const reordered = { ...DEFAULT_STATE, required: ['mobile', 'email'] };
    expect(stateToQuery(reordered), 'the same fields in another order are the default').to.equal('');
  });

  it('leave fields on the steps the default split gives them to it, so they follow it when the number of steps changes', () => {
    const query = stateToQuery({ ...DEFAULT_STATE, stepCount: 2 });
    expect(new URLSearchParams(query).get('steps')).to.equal('zip_code | first_name last_name email mobile');
    const reopened = stateFromQuery(query);
    expect(reopened.stepOf).to.deep.equal({});
    expect(stepGroups({ ...reopened, stepCount: 3 })).to.deep.equal([['zip_code'], ['first_name', 'last_name'], ['email', 'mobile']]);
  });

  it('keep the steps of a link as it wrote them, a field placed elsewhere than the default split included', () => {
    const placed = stateFromQuery(`steps=${encodeURIComponent('first_name zip_code | last_name email mobile')}`);
    expect(placed.stepOf).to.deep.equal({ first_name: 1 });
    expect(stepGroups(placed)).to.deep.equal([['first_name', 'zip_code'], ['last_name', 'email', 'mobile']]);
    // A link from before the default split, every field on its last step, still opens as the one page it made.
    const older = stateFromQuery(`steps=${encodeURIComponent(' |  |  | first_name last_name email mobile zip_code')}`);
    expect(older.stepCount).to.equal(4);
    expect(stepGroups(older)).to.deep.equal([]);
    expect(embedAttributes(older).map(([name]) => name)).not.to.include('steps');
  });

  it('fall back to defaults for anything unreadable, never an error', () => {
    const state = stateFromQuery('destination=nope&theme=pink&radius=-3&accent=red&questions=%5Bnot-json&fields=bogus+email&steps=%7C%7C%7C%7C%7C%7C');
    expect(state).to.deep.include({ destination: 'webhook', theme: 'light', radius: 8, accent: '', questions: [], stepCount: 4 });
    expect(state.included).to.deep.equal(['email']);
  });
});
