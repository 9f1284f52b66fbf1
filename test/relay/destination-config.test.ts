import { expect } from '@open-wc/testing';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import { resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import type { DestinationConfigFile } from '../../src/relay/destination-config.js';
import { configRefusal as refusal } from '../helpers/relay.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';

const FILE = standinRelayConfig('http://localhost/standins', 'config-test', ['https://lp.example.com']);

describe('a destination of the configuration file', () => {
  it('takes every catalogue field by default, or the fields a destination lists', () => {
    const config = resolveRelayConfig(FILE, STANDIN_ENV);
    expect(config.destinations.get('webhook')?.fields).to.have.length(17);
    const listed = { ...FILE, destinations: { pingtree: { ...FILE.destinations['pingtree']!, fields: ['first_name', 'last_name', 'email', 'mobile'] } } };
    expect(resolveRelayConfig(listed, STANDIN_ENV).destinations.get('pingtree')?.fields).to.deep.equal(['first_name', 'last_name', 'email', 'mobile']);
  });

  it('refuses a required field the destination does not list among its fields', () => {
    const file = { ...FILE, destinations: { pingtree: { ...FILE.destinations['pingtree']!, fields: ['email'] } } };
    expect(refusal(file)).to.equal('destinations.pingtree.required: first_name, last_name, mobile not in its fields');
  });

  it('refuses unknown field names in required', () => {
    const file = { ...FILE, destinations: { pingtree: { ...FILE.destinations['pingtree']!, required: ['email', 'shoe_size'] } } };
    expect(refusal(file)).to.contain('unknown fields shoe_size');
  });

  describe('what a destination’s API requires of every lead (issue 12)', () => {
    const MLAS = FILE.destinations['mlas']!;
    const { required: _standinRequired, ...MLAS_WITHOUT_REQUIRED } = MLAS;
    const mlasRequiring = (required: readonly string[] | undefined): RelayConfigFile => ({
      ...FILE,
      destinations: { mlas: required === undefined ? MLAS_WITHOUT_REQUIRED : { ...MLAS, required } },
    });
    const LEAD_INPUT = ['first_name', 'last_name', 'email', 'mobile', 'address', 'city', 'state', 'zip_code', 'date_of_birth'];

    it('refuses an MLAS destination whose required list lacks what LeadInput requires, naming each and the seed', () => {
      expect(refusal(mlasRequiring(['email']))).to.equal(
        'destinations.mlas.required: mlas requires first_name or full_name, last_name or full_name, home_phone or mobile, address, city, state, zip_code, date_of_birth of every lead (seed 000); add them',
      );
    });

    it('names only what is missing, and refuses a destination with no required list at all', () => {
      expect(refusal(mlasRequiring(LEAD_INPUT.filter((key) => key !== 'date_of_birth')))).to.equal(
        'destinations.mlas.required: mlas requires date_of_birth of every lead (seed 000); add it',
      );
      expect(refusal(mlasRequiring(undefined))).to.match(/^destinations\.mlas\.required: mlas requires first_name or full_name, .* of every lead \(seed 000\); add them$/);
    });

    it('takes any one of the fields the adapter fills a requirement from: a home phone or a mobile, a full name for both names', () => {
      const withHomePhone = LEAD_INPUT.map((key) => (key === 'mobile' ? 'home_phone' : key));
      expect(resolveRelayConfig(mlasRequiring(withHomePhone), STANDIN_ENV).destinations.get('mlas')?.required).to.deep.equal(withHomePhone);
      const withFullName = ['full_name', ...LEAD_INPUT.filter((key) => key !== 'first_name' && key !== 'last_name')];
      expect(refusal(mlasRequiring(withFullName))).to.equal('accepted');
      expect(refusal(mlasRequiring(LEAD_INPUT.filter((key) => key !== 'mobile')))).to.equal(
        'destinations.mlas.required: mlas requires home_phone or mobile of every lead (seed 000); add it',
      );
    });

    it('does not take a business phone for the phone MLAS requires: the adapter never fills homePhone from it', () => {
      expect(refusal(mlasRequiring(LEAD_INPUT.map((key) => (key === 'mobile' ? 'business_phone' : key))))).to.contain('mlas requires home_phone or mobile of every lead');
    });

    it('starts every other kind with nothing required: their documents fix no lead field (the account decides)', () => {
      for (const name of ['webhook', 'ivvy', 'pingtree', 'trackerrms', 'crmcom']) {
        const file = { ...FILE, destinations: { [name]: { ...FILE.destinations[name]!, required: [] } } };
        expect(refusal(file), name).to.equal('accepted');
      }
    });
  });

  describe('credentials in webhook headers (issue 11)', () => {
    const withHeaders = (headers: Record<string, unknown>): RelayConfigFile => ({
      ...FILE,
      destinations: { webhook: { adapter: 'webhook', settings: { url: 'https://hooks.example.com/leads', headers: headers as never } } },
    });

    it('reads a header’s value from the environment, and sends it', async () => {
      const config = resolveRelayConfig(withHeaders({ authorization: { env: 'HOOK_TOKEN' }, 'x-source': 'lp' }), { ...STANDIN_ENV, HOOK_TOKEN: 'Bearer s3cret' });
      const sent: Headers[] = [];
      const capture = async (_url: RequestInfo | URL, init?: RequestInit) => {
        sent.push(new Headers(init?.headers));
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      };
      await config.destinations.get('webhook')!.adapter.create({ lead: {} }, { fetch: capture as typeof fetch, now: () => new Date(), idempotencyKey: 'key-00000001' });
      expect(sent[0]?.get('authorization')).to.equal('Bearer s3cret');
      expect(sent[0]?.get('x-source')).to.equal('lp');
    });

    it('refuses a credential header written in the file', () => {
      expect(refusal(withHeaders({ authorization: 'Bearer s3cret' }))).to.equal(
        'destinations.webhook.settings.headers.authorization: a credential must be { "env": "NAME" }, never a literal',
      );
      expect(refusal(withHeaders({ 'X-Api-Key': 'k' }))).to.contain('headers.X-Api-Key: a credential');
      expect(refusal(withHeaders({ authorization: { env: 'MISSING_TOKEN' } }))).to.equal(
        'destinations.webhook.settings.headers.authorization: environment variable MISSING_TOKEN is not set',
      );
    });
  });

  it('pins a destination’s accepted disclosures, which makes consent required there', () => {
    const hash = 'A'.repeat(64);
    const file = { ...FILE, destinations: { webhook: { ...FILE.destinations['webhook']!, consent: { accept: [hash, 'tcpa-v3'] } } } };
    const destination = resolveRelayConfig(file, STANDIN_ENV).destinations.get('webhook');
    expect(destination).to.deep.include({ requireConsent: true, acceptConsent: ['a'.repeat(64), 'tcpa-v3'] });
    expect(refusal({ ...FILE, destinations: { webhook: { ...FILE.destinations['webhook']!, consent: { accept: [] } } } })).to.contain('consent.accept');
  });

  describe('a destination’s questions (issue 16)', () => {
    const DEBT = [
      { name: 'debt_amount', label: { en: 'Total debt', es: 'Deuda total' }, type: 'number', min: 1000, required: true },
      { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['yes', 'no'] },
    ];
    const withDestination = (name: string, entry: Partial<DestinationConfigFile>): RelayConfigFile => ({
      ...FILE,
      destinations: { [name]: { ...FILE.destinations[name]!, ...entry } },
    });

    it('reads the same definitions the widget takes, and a question named in fields or required as in the widget', () => {
      const file = withDestination('webhook', { questions: DEBT, fields: ['email', 'debt_amount', 'owns_home'], required: ['email', 'owns_home'] });
      const destination = resolveRelayConfig(file, STANDIN_ENV).destinations.get('webhook')!;
      expect(destination.questions).to.deep.equal(parseQuestions(DEBT).questions);
      expect(destination.fields).to.deep.equal(['email']);
      expect(destination.required).to.deep.equal(['email', 'owns_home']);
      expect(resolveRelayConfig(FILE, STANDIN_ENV).destinations.get('webhook')!.questions).to.deep.equal([]);
    });

    it('refuses to start with a definition that cannot work, naming it, where the widget would skip it', () => {
      expect(refusal(withDestination('webhook', { questions: [{ name: 'email', label: 'Email', type: 'text' }] }))).to.contain(
        'destinations.webhook.questions: questions[0] (email): "email" is a catalogue field',
      );
      expect(refusal(withDestination('webhook', { questions: [{ name: 'debt_type', label: 'Kind', type: 'select' }] }))).to.contain('needs a non-empty list of options');
      expect(refusal(withDestination('webhook', { questions: '[{' }))).to.contain('destinations.webhook.questions: questions is not valid JSON');
      expect(refusal(withDestination('webhook', { questions: DEBT, required: ['credit_score'] }))).to.contain('unknown fields credit_score');
    });

    it('maps a question to a field of the destination’s own only where its system has one the adapter leaves free', () => {
      const mapped = (name: string, field: string, entry: Partial<DestinationConfigFile> = {}) =>
        refusal(withDestination(name, { questions: DEBT, questionFields: { debt_amount: field }, ...entry }));
      expect(mapped('ivvy', '12')).to.equal('accepted');
      expect(mapped('ivvy', 'debt')).to.equal('destinations.ivvy.questionFields.debt_amount: "debt" must be an iVvy custom field id (a whole number), as in customFields');
      expect(mapped('ivvy', '12', { settings: { ...FILE.destinations['ivvy']!.settings, customFields: { '12': '{utm_campaign}' } } })).to.contain('is filled by customFields already');
      expect(mapped('trackerrms', 'website')).to.equal('accepted');
      expect(mapped('trackerrms', 'company')).to.contain('must be a createLead lead field the adapter leaves free (linkedin, website, image, seed 003)');
      expect(mapped('crmcom', 'udf_string_3')).to.equal('accepted');
      expect(mapped('crmcom', 'udf_float_1')).to.contain('must be one of udf_string_1 … udf_string_8');
      expect(mapped('crmcom', 'udf_string_1', { settings: { ...FILE.destinations['crmcom']!.settings, udfStrings: { udf_string_1: '{utm_source}' } } })).to.contain(
        'is filled by udfStrings already',
      );
      expect(mapped('pingtree', 'debt_total')).to.equal('accepted');
      expect(mapped('pingtree', 'mobile')).to.contain('is a field the adapter fills from the lead itself');
      expect(mapped('pingtree', 'Debt Total')).to.contain('must be a snake_case field name');
      expect(mapped('webhook', 'debt')).to.contain('the webhook receives answers under their own names in lead');
      expect(mapped('mlas', 'estimatedDebt')).to.contain('has no field for a page’s own answers');
    });

    it('refuses a mapping of a question it does not declare, and two questions mapped to one field', () => {
      expect(refusal(withDestination('ivvy', { questions: DEBT, questionFields: { credit_score: '12' } }))).to.equal(
        'destinations.ivvy.questionFields.credit_score: not one of this destination\'s questions',
      );
      expect(refusal(withDestination('ivvy', { questions: DEBT, questionFields: { debt_amount: '12', owns_home: '12' } }))).to.contain(
        '"12" is mapped from two questions',
      );
    });
  });

  it('keeps the page’s own tracking parameters a destination lists, under the keys the widget sends them as', () => {
    const file = { ...FILE, destinations: { webhook: { ...FILE.destinations['webhook']!, trackingParams: ['promoCode', 'partner_ref'] } } };
    expect(resolveRelayConfig(file, STANDIN_ENV).destinations.get('webhook')!.trackingParams).to.deep.equal(['promo_code', 'partner_ref']);
    expect(resolveRelayConfig(FILE, STANDIN_ENV).destinations.get('webhook')!.trackingParams).to.deep.equal([]);
    const bad = { ...FILE, destinations: { webhook: { ...FILE.destinations['webhook']!, trackingParams: ['***'] } } };
    expect(refusal(bad)).to.equal('destinations.webhook.trackingParams: *** cannot be a tracking key (letters, digits and _, 40 at most)');
  });
});
