import { expect } from '@open-wc/testing';
import { parseQuestions } from '../../src/fields/questions.js';
import { RelayConfigError, resolveRelayConfig, type DestinationConfigFile, type RelayConfigFile } from '../../src/relay/config.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';

const FILE = standinRelayConfig('http://localhost/standins', 'config-test', ['https://lp.example.com']);

function refusal(file: RelayConfigFile, env: Record<string, string | undefined> = STANDIN_ENV): string {
  try {
    resolveRelayConfig(file, env);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

function withPingtreeSettings(settings: Record<string, unknown>): RelayConfigFile {
  return { ...FILE, destinations: { pingtree: { adapter: 'pingtree', settings: settings as never } } };
}

describe('resolveRelayConfig', () => {
  it('builds every destination of a sound file, with secrets from the environment', () => {
    const config = resolveRelayConfig(FILE, STANDIN_ENV);
    expect([...config.destinations.keys()]).to.deep.equal(['webhook', 'mlas', 'ivvy', 'pingtree', 'trackerrms', 'crmcom']);
    expect(config.destinations.get('pingtree')?.required).to.deep.equal(['first_name', 'last_name', 'email', 'mobile']);
  });

  it('refuses a secret written in the file', () => {
    expect(refusal(withPingtreeSettings({ baseUrl: 'https://x', sourceId: 'a', apiKey: 'pt-live-123' }))).to.equal(
      'destinations.pingtree.settings.apiKey: a secret must be { "env": "NAME" }, never a literal',
    );
  });

  it('names the environment variable that is missing', () => {
    expect(refusal(FILE, { ...STANDIN_ENV, PINGTREE_API_KEY: undefined })).to.equal(
      'destinations.pingtree.settings.apiKey: environment variable PINGTREE_API_KEY is not set',
    );
  });

  it('names a missing required setting and an unknown adapter', () => {
    expect(refusal(withPingtreeSettings({ baseUrl: 'https://x', apiKey: { env: 'PINGTREE_API_KEY' } }))).to.equal(
      'destinations.pingtree.settings.sourceId is required for pingtree',
    );
    expect(refusal({ ...FILE, destinations: { x: { adapter: 'salesforce', settings: {} } } })).to.contain('"salesforce" is not one of');
  });

  it('refuses a short or literal lead-id secret', () => {
    expect(refusal({ ...FILE, leadIdSecret: 'literal' })).to.contain('never a literal');
    expect(refusal(FILE, { ...STANDIN_ENV, RELAY_SECRET: 'short' })).to.equal('leadIdSecret: use at least 32 characters');
  });

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

  it('requires the bot signals by default, and gives lead ids an hour', () => {
    const config = resolveRelayConfig(FILE, STANDIN_ENV);
    expect(config.botProtection.requireSignals).to.equal(true);
    expect(config.leadIdTtlSeconds).to.equal(3600);
    expect(resolveRelayConfig({ ...FILE, leadIdTtlSeconds: 600 }, STANDIN_ENV).leadIdTtlSeconds).to.equal(600);
    expect(refusal({ ...FILE, leadIdTtlSeconds: 0 })).to.equal('leadIdTtlSeconds: a whole number of 1 or more is required');
  });

  describe('the client address (issue 11)', () => {
    it('is the socket peer without a header; behind one proxy, its entry from private networks by default', () => {
      expect(resolveRelayConfig(FILE, STANDIN_ENV).clientAddress.header).to.equal(undefined);
      const proxied = resolveRelayConfig({ ...FILE, clientIpHeader: 'X-Forwarded-For' }, STANDIN_ENV).clientAddress;
      expect(proxied).to.deep.include({ header: 'x-forwarded-for', trustedProxies: 1 });
      expect(proxied.proxyAddresses).to.have.length(6);
    });

    it('believes a CDN’s header only when the deployment lists where the CDN connects from', () => {
      expect(refusal({ ...FILE, clientIpHeader: 'cf-connecting-ip' })).to.contain('cf-connecting-ip is believable only from the CDN itself');
      const config = resolveRelayConfig({ ...FILE, clientIpHeader: 'cf-connecting-ip', trustedProxyAddresses: ['173.245.48.0/20', '2400:cb00::/32'] }, STANDIN_ENV);
      expect(config.clientAddress.proxyAddresses).to.have.length(2);
    });

    it('refuses a proxy count or address it cannot read', () => {
      expect(refusal({ ...FILE, clientIpHeader: 'x-forwarded-for', trustedProxies: 0 })).to.equal('trustedProxies: a whole number of 1 or more is required');
      expect(refusal({ ...FILE, trustedProxyAddresses: ['my-proxy.internal'] })).to.equal('trustedProxyAddresses: "my-proxy.internal" is not an IP address or CIDR range');
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
