import { expect } from '@open-wc/testing';
import type { RelayConfigFile } from '../../src/relay/config.js';
import type { RecordedRequest } from '../standins/index.js';
import { GOOD_LEAD, testRelay } from '../helpers/relay.js';

/**
 * The page's own questions at the relay (issue 16), end to end against the stand-ins: answers are
 * checked from the destination's own definitions in the relay's config, and each adapter puts them
 * where its system keeps them (DESIGN.md, "Questions and steps").
 */

/** The destination's questions as its entry in relay.config.json lists them: the widget's JSON. */
const QUESTIONS = [
  { name: 'debt_amount', label: { en: 'Total debt', es: 'Deuda total' }, type: 'number', min: 1000, max: 1000000, required: true },
  { name: 'debt_type', label: 'Main kind of debt', type: 'select', options: [{ value: 'credit_cards', label: 'Credit cards' }, 'Medical bills'] },
  { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['yes', 'no'] },
];
/** As the widget sends them: the number as typed digits go through the same normaliser at the relay. */
const ANSWERS = { debt_amount: '25,000', debt_type: 'credit_cards', owns_home: 'no' } as const;
const LEAD = { ...GOOD_LEAD, ...ANSWERS };

function withQuestions(destination: string, questionFields?: Record<string, string>): (file: RelayConfigFile) => RelayConfigFile {
  return (file) => ({
    ...file,
    destinations: {
      ...file.destinations,
      [destination]: { ...file.destinations[destination]!, questions: QUESTIONS, ...(questionFields ? { questionFields } : {}) },
    },
  });
}

const bodyOf = (requests: readonly RecordedRequest[], path: string) =>
  requests.find((request) => request.path.includes(path))?.body as Record<string, any> | undefined;

describe('answers through the relay: checked from the destination’s own questions', () => {
  it('delivers the answers a destination declares, normalised as the widget normalises them', async () => {
    const relay = testRelay(withQuestions('webhook'));
    const answer = await relay.create('webhook', { lead: LEAD });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    const [request] = await relay.received();
    expect((request?.body as { lead: unknown }).lead).to.deep.equal({ ...GOOD_LEAD, ...ANSWERS, debt_amount: '25000' });
  });

  it('answers 422 unknown_field for an answer the destination does not declare, and sends nothing', async () => {
    const relay = testRelay(withQuestions('webhook'));
    const answer = await relay.create('webhook', { lead: { ...LEAD, credit_score: 'excellent' } });
    expect(answer.status).to.equal(422);
    expect(answer.body).to.deep.equal({ errors: { credit_score: 'This form does not ask for this field' }, codes: { credit_score: 'unknown_field' } });
    expect(await relay.received()).to.deep.equal([]);
  });

  it('answers 422 unknown_field for every answer when the destination’s config lists no questions', async () => {
    const relay = testRelay();
    const answer = await relay.create('webhook', { lead: LEAD });
    expect(answer.status).to.equal(422);
    expect(answer.body['codes']).to.deep.equal({ debt_amount: 'unknown_field', debt_type: 'unknown_field', owns_home: 'unknown_field' });
  });

  it('answers 422 with the field-level code and the widget’s words for an answer that breaks its question’s rules', async () => {
    const relay = testRelay(withQuestions('webhook'));
    const { debt_amount: _skipped, ...withoutAmount } = LEAD;
    const answer = await relay.create('webhook', { lead: { ...withoutAmount, owns_home: 'maybe' } }, { headers: { 'accept-language': 'es' } });
    expect(answer.status).to.equal(422);
    expect(answer.body['codes']).to.deep.equal({ debt_amount: 'required', owns_home: 'option' });
    expect(answer.body['errors']).to.deep.equal({ debt_amount: 'Escriba una respuesta para “Deuda total”', owns_home: 'Elija una de las respuestas ofrecidas' });
    const low = await relay.create('webhook', { lead: { ...LEAD, debt_amount: '500' } });
    expect(low.body).to.deep.equal({ errors: { debt_amount: 'Total debt must be between 1,000 and 1,000,000' }, codes: { debt_amount: 'range' } });
    expect(await relay.received()).to.deep.equal([]);
  });
});

describe('answers at each destination’s stand-in: where its system keeps them', () => {
  it('Pingtree: keys of their own, or the source field the config maps one to', async () => {
    const relay = testRelay(withQuestions('pingtree', { debt_type: 'debt_category' }));
    const answer = await relay.create('pingtree', { lead: LEAD });
    expect(answer.body['outcome']?.status, JSON.stringify(answer.body)).to.equal('accepted');
    const sent = bodyOf(await relay.received(), '/api/lead/create/');
    expect(sent).to.include({ debt_amount: '25000', owns_home: 'no', debt_category: 'credit_cards', first_name: 'Jane', mobile: '2125550123' });
    expect(sent).to.not.have.property('debt_type');
  });

  it('iVvy: Label: answer lines appended to the description, or the custom field the config maps one to', async () => {
    const relay = testRelay(withQuestions('ivvy', { debt_amount: '12' }));
    const answer = await relay.create('ivvy', { lead: { ...LEAD, description: 'Call after 5' } });
    expect(answer.body['outcome']?.status, JSON.stringify(answer.body)).to.equal('accepted');
    const sent = bodyOf(await relay.received(), '/api/1.0/contact');
    expect(sent?.['customFields']).to.deep.equal([{ fieldId: 12, fieldValue: '25000' }]);
    expect(sent?.['description']).to.match(/^Call after 5\n\n/);
    expect(sent?.['description']).to.match(/\nMain kind of debt: credit_cards\nDo you own a home\?: no$/);
    expect(sent?.['description']).to.not.contain('Total debt');
  });

  it('TrackerRMS: Label: answer lines in the description, or the free lead field the config maps one to', async () => {
    const relay = testRelay(withQuestions('trackerrms', { owns_home: 'website' }));
    const answer = await relay.create('trackerrms', { lead: LEAD });
    expect(answer.body['outcome']?.status, JSON.stringify(answer.body)).to.equal('accepted');
    const lead = bodyOf(await relay.received(), 'createLead')?.['trackerrms']?.['createLead']?.['lead'] as Record<string, unknown>;
    // English labels whatever the visitor's language: the destination's staff read them.
    expect(lead['description']).to.equal('Total debt: 25000\nMain kind of debt: credit_cards');
    expect(lead['website']).to.equal('no');
  });

  it('CRM.COM: Label: answer lines in the description, or the udf_string the config maps one to, never a parameter it does not have', async () => {
    const relay = testRelay(withQuestions('crmcom', { debt_amount: 'udf_string_3' }));
    const answer = await relay.create('crmcom', { lead: LEAD });
    expect(answer.body['outcome']?.status, JSON.stringify(answer.body)).to.equal('accepted');
    const sent = bodyOf(await relay.received(), '/leads/create');
    expect(sent?.['udf_string_3']).to.equal('25000');
    expect(sent?.['description']).to.match(/\nMain kind of debt: credit_cards\nDo you own a home\?: no$/);
    expect(sent).to.not.have.any.keys('debt_amount', 'debt_type', 'owns_home');
  });

  it('MLAS: a lead with answers is delivered; LeadInput has no place for them, so they stay with the relay', async () => {
    const relay = testRelay(withQuestions('mlas'));
    const answer = await relay.create('mlas', { lead: LEAD });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(JSON.stringify(bodyOf(await relay.received(), 'graphql'))).to.not.contain('credit_cards');
  });
});

describe('the page’s own tracking parameters at the relay (issue 17)', () => {
  const TOUCH = { utm_source: 'newsletter', promo_code: 'SPRING', landing_page: 'https://lp.example.com/lp?promoCode=SPRING' };
  const withParams = (file: RelayConfigFile): RelayConfigFile => ({
    ...file,
    destinations: { ...file.destinations, webhook: { ...file.destinations['webhook']!, trackingParams: ['promoCode'] } },
  });

  it('keeps a parameter the destination lists, in both touches, and drops it where none is listed', async () => {
    const listed = testRelay(withParams);
    await listed.create('webhook', { lead: GOOD_LEAD, tracking: TOUCH, first_touch: TOUCH });
    const [kept] = await listed.received();
    expect(kept?.body).to.deep.include({ tracking: TOUCH, first_touch: TOUCH });
    const unlisted = testRelay();
    await unlisted.create('webhook', { lead: GOOD_LEAD, tracking: TOUCH });
    const [dropped] = await unlisted.received();
    expect((dropped?.body as { tracking: unknown }).tracking).to.deep.equal({ utm_source: 'newsletter', landing_page: TOUCH.landing_page });
  });
});
