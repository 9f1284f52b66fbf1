import { expect, fixture, html } from '@open-wc/testing';
import { embedAttributes } from '../../src/builder/attributes.js';
import { addQuestion, updateQuestion } from '../../src/builder/questions.js';
import { DEFAULT_STATE, RELAY_EXAMPLE, stepGroups, type BuilderState } from '../../src/builder/state.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import '../../src/define.js';

const names = (state: BuilderState) => embedAttributes(state).map(([name]) => name);

describe('the embed’s attributes', () => {
  it('name only the endpoint, the destination and the contact fields required for a new form', () => {
    expect(embedAttributes(DEFAULT_STATE)).to.deep.equal([['endpoint', RELAY_EXAMPLE], ['destination', 'webhook'], ['required', 'email mobile']]);
  });

  it('leave out exactly the widget’s own defaults', async () => {
    // A bare element, as the snippet of a new form leaves it: each setting the builder omits must be the widget's default.
    const element = await fixture<LeadCapture>(html`<lead-capture></lead-capture>`);
    const { config } = element;
    expect(config.fields.join(' ')).to.equal(DEFAULT_STATE.included.join(' '));
    // The widget requires nothing; the builder writes `required` whenever anything is (a new form's email and mobile).
    expect(config.required).to.deep.equal([]);
    expect(config.locale).to.equal(DEFAULT_STATE.locale);
    expect(config.consent).to.equal(DEFAULT_STATE.consent);
    expect(config.sellers).to.deep.equal([]);
    expect(config.consentTiming).to.equal(DEFAULT_STATE.consentTiming);
    expect(config.trustedform).to.equal(DEFAULT_STATE.trustedform);
    expect(config.jornaya).to.equal(DEFAULT_STATE.jornaya);
    expect(config.submitLabel).to.equal(undefined);
    expect(element.theme).to.equal(DEFAULT_STATE.theme);
    expect(element.layout).to.equal(DEFAULT_STATE.layout);
    expect(element.datalayer).to.equal(DEFAULT_STATE.datalayer ? 'on' : 'off');
    expect(element.enhancedConversions).to.equal(DEFAULT_STATE.enhancedConversions);
    expect(element.successUrl).to.equal(DEFAULT_STATE.successUrl);
    expect(element.rejectedUrl).to.equal(DEFAULT_STATE.rejectedUrl);
    const styles = getComputedStyle(element);
    expect(styles.borderTopLeftRadius).to.equal(`${DEFAULT_STATE.radius}px`);
  });

  it('write each choice under its attribute, in one fixed order', () => {
    const state: BuilderState = {
      ...DEFAULT_STATE,
      destination: 'pingtree',
      included: [...DEFAULT_STATE.included, 'city'],
      required: ['email', 'city'],
      stepCount: 2,
      stepOf: { zip_code: 1 },
      consent: '  I agree that {sellers} may call me.  ',
      sellers: 'ACME',
      consentTiming: 'submit',
      trustedform: true,
      jornaya: 'KEY-1',
      successUrl: 'https://example.com/thanks',
      rejectedUrl: 'https://example.com/offers',
      datalayer: false,
      enhancedConversions: true,
      locale: 'es',
      theme: 'auto',
      layout: 'stacked',
      accent: '#1a7f37',
      submitLabel: 'Go',
    };
    expect(embedAttributes(state)).to.deep.equal([
      ['endpoint', RELAY_EXAMPLE],
      ['destination', 'pingtree'],
      ['fields', 'first_name last_name email mobile zip_code city'],
      ['required', 'email city'],
      ['steps', 'zip_code city | first_name last_name email mobile'],
      ['locale', 'es'],
      ['consent', 'I agree that {sellers} may call me.'],
      ['sellers', 'ACME'],
      ['consent-timing', 'submit'],
      ['trustedform', true],
      ['jornaya', 'KEY-1'],
      ['success-url', 'https://example.com/thanks'],
      ['rejected-url', 'https://example.com/offers'],
      ['datalayer', 'off'],
      ['enhanced-conversions', true],
      ['theme', 'auto'],
      ['layout', 'stacked'],
      ['submit-label', 'Go'],
      ['style', '--lead-capture-accent: #1a7f37; --lead-capture-accent-text: #ffffff'],
    ]);
  });

  it('give questions as valid JSON, placed where they stand in the order', () => {
    let state = addQuestion(DEFAULT_STATE);
    state = updateQuestion(state, '#1', { name: 'owns_home', label: 'Do you own your home?', type: 'radio', options: ['Yes', '', ' No '], required: true });
    const attributes = Object.fromEntries(embedAttributes(state));
    expect(attributes['fields']).to.equal('first_name last_name email mobile zip_code owns_home');
    expect(JSON.parse(attributes['questions'] as string)).to.deep.equal([
      { name: 'owns_home', label: 'Do you own your home?', type: 'radio', options: ['Yes', 'No'], required: true },
    ]);
  });

  it('leave out a question that cannot work, and steps that leave one group', () => {
    let state = addQuestion({ ...DEFAULT_STATE, included: ['email'], stepCount: 3, stepOf: { '#1': 1 } });
    state = updateQuestion(state, '#1', { type: 'select', options: [] });
    expect(stepGroups(state)).to.deep.equal([['#1'], ['email']]);
    expect(names(state)).to.deep.equal(['endpoint', 'destination', 'fields', 'required']);
  });

  it('write adapter="webhook" and no destination for a direct webhook', () => {
    expect(embedAttributes({ ...DEFAULT_STATE, destination: 'webhook-url', endpoint: 'https://hooks.example.com/x' })).to.deep.equal([
      ['endpoint', 'https://hooks.example.com/x'],
      ['adapter', 'webhook'],
      ['required', 'email mobile'],
    ]);
  });
});
