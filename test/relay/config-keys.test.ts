import { expect } from '@open-wc/testing';
import { CHALLENGE_KEYS } from '../../src/relay/challenge.js';
import {
  CHALLENGE_SHAPE,
  configKeyProblems,
  TRUSTEDFORM_SHAPE,
} from '../../src/relay/config-keys.js';
import { TRUSTEDFORM_KEYS, TRUSTEDFORM_SCAN_KEYS } from '../../src/relay/trustedform-settings.js';
import { standinRelayConfig } from '../standins/relay-config.js';

const FILE = standinRelayConfig('http://localhost/standins', 'config-keys', ['https://lp.example.com']) as unknown as Record<string, unknown>;
const DESTINATIONS = FILE['destinations'] as Record<string, Record<string, unknown>>;

function withDestination(name: string, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...FILE, destinations: { ...DESTINATIONS, [name]: { ...DESTINATIONS[name], ...changes } } };
}

describe('configKeyProblems', () => {
  it('finds nothing in the stand-in configuration or in relay.config.example.json', async () => {
    expect(configKeyProblems(FILE)).to.deep.equal([]);
    const example = (await (await fetch('/relay.config.example.json')).json()) as unknown;
    expect(configKeyProblems(example)).to.deep.equal([]);
  });

  it('names a misspelt key with the key it resembles', () => {
    expect(configKeyProblems(withDestination('trackerrms', { requireConsnet: true }))).to.deep.equal([
      'destinations.trackerrms.requireConsnet: unknown key "requireConsnet" (did you mean "requireConsent"?)',
    ]);
    expect(configKeyProblems({ ...FILE, leadIdTTLSeconds: 600 })).to.deep.equal(['leadIdTTLSeconds: unknown key "leadIdTTLSeconds" (did you mean "leadIdTtlSeconds"?)']);
  });

  it('names a misspelt dedupe instead of forwarding every duplicate', () => {
    const file = withDestination('trackerrms', { dedpue: { fields: ['email'], days: 30 } });
    expect(configKeyProblems(file)).to.deep.equal(['destinations.trackerrms.dedpue: unknown key "dedpue" (did you mean "dedupe"?)']);
    expect(configKeyProblems(withDestination('trackerrms', { dedupe: { fields: ['email'], days: 30 }, suppression: true }))).to.deep.equal([]);
    expect(configKeyProblems(withDestination('trackerrms', { dedupe: { fields: ['email'], days: '30' } }))).to.deep.equal([
      'destinations.trackerrms.dedupe.days: must be a whole number, not a string',
    ]);
  });

  it('knows a destination’s questions, questionFields and trackingParams (issues 16 and 17), and their types', () => {
    const questions = [{ name: 'debt_amount', label: 'Total debt', type: 'number' }];
    expect(configKeyProblems(withDestination('ivvy', { questions, questionFields: { debt_amount: '12' }, trackingParams: ['promoCode'] }))).to.deep.equal([]);
    expect(configKeyProblems(withDestination('ivvy', { questions, questionFeilds: { debt_amount: '12' } }))).to.deep.equal([
      'destinations.ivvy.questionFeilds: unknown key "questionFeilds" (did you mean "questionFields"?)',
    ]);
    expect(configKeyProblems(withDestination('ivvy', { trackingParams: 'promoCode' }))).to.have.length(1);
  });

  it('lists keys without any close match with the keys it knows', () => {
    expect(configKeyProblems({ ...FILE, rateLimit: { windowSeconds: 60, max: 30, burst: 5 } })).to.deep.equal([
      'rateLimit.burst: unknown key "burst" (known: windowSeconds, max)',
    ]);
  });

  it("checks a destination's settings against the names its adapter reads", () => {
    const pingtree = DESTINATIONS['pingtree']!;
    const file = withDestination('pingtree', { settings: { ...(pingtree['settings'] as object), dedup: true, sourceID: 'x' } });
    expect(configKeyProblems(file)).to.deep.equal([
      'destinations.pingtree.settings.dedup: unknown key "dedup" (did you mean "dedupe"?)',
      'destinations.pingtree.settings.sourceID: unknown key "sourceID" (did you mean "sourceId"?)',
    ]);
  });

  it('names wrong types and missing required keys, every one in file order', () => {
    const file = {
      ...FILE,
      allowedOrigins: 'https://lp.example.com',
      rateLimit: { windowSeconds: 60 },
      trustedProxyAddresses: ['10.0.0.0/8', 8],
      botProtection: { minFillMs: 1.5, requireSignals: 'yes' },
      delivery: { retryDelaysSeconds: [60, '300'] },
      destinations: { ...DESTINATIONS, extra: { settings: {} } },
    };
    expect(configKeyProblems(file)).to.deep.equal([
      'allowedOrigins: must be a list, not a string',
      'rateLimit.max: is required',
      'botProtection.minFillMs: must be a whole number, not 1.5',
      'botProtection.requireSignals: must be true or false, not a string',
      'destinations.extra.adapter: is required',
      'trustedProxyAddresses[1]: must be a string, not 8',
      'delivery.retryDelaysSeconds[1]: must be a number, not a string',
    ]);
  });

  it('never repeats a value given as text: a secret written in the wrong place stays out of the log', () => {
    const problems = configKeyProblems({ ...FILE, leadIdSecret: 'correct-horse-battery-staple', clientIpHeader: ['x-real-ip'] });
    expect(problems).to.deep.equal(['leadIdSecret: must be { "env": "NAME" }, never a literal', 'clientIpHeader: must be a string, not a list']);
    expect(problems.join(' ')).to.not.contain('correct-horse');
  });

  it('refuses a file that is not an object', () => {
    expect(configKeyProblems([FILE])).to.deep.equal(['the configuration must be a JSON object, not a list']);
  });

  it("keeps the issue 20 shapes in step with their parsers' keys", () => {
    expect(Object.keys(CHALLENGE_SHAPE.keys)).to.deep.equal([...CHALLENGE_KEYS]);
    expect(Object.keys(TRUSTEDFORM_SHAPE.keys)).to.deep.equal([...TRUSTEDFORM_KEYS]);
    expect(Object.keys(TRUSTEDFORM_SHAPE.keys.scans.keys)).to.deep.equal([...TRUSTEDFORM_SCAN_KEYS]);
    const file = {
      ...FILE,
      botProtection: { minFillMs: 0, challenge: { provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minScore: '0.5' } },
    };
    expect(configKeyProblems(file)).to.deep.equal(['botProtection.challenge.minScore: must be a number, not a string']);
    expect(configKeyProblems(withDestination('webhook', { trustedform: { apiKey: { env: 'TRUSTEDFORM_API_KEY' }, requireClaim: 'yes' } }))).to.deep.equal([
      'destinations.webhook.trustedform.requireClaim: must be true or false, not a string',
    ]);
  });
});
