import { expect } from '@open-wc/testing';
import { DESTINATION_CHOICES, type DestinationChoice } from '../../src/builder/destinations.js';
import { addQuestion, updateQuestion } from '../../src/builder/questions.js';
import { relayFragment } from '../../src/builder/relay-fragment.js';
import { DEFAULT_STATE } from '../../src/builder/state.js';
import { resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import { checkEnvelope } from '../../src/relay/envelope.js';
import { ADAPTER_KINDS, type AdapterName } from '../../src/relay/registry.js';

const RELAY_DESTINATIONS = (Object.keys(DESTINATION_CHOICES) as DestinationChoice[]).filter((name) => !DESTINATION_CHOICES[name].direct);

describe('the relay config fragment', () => {
  for (const destination of RELAY_DESTINATIONS) {
    it(`for ${destination}: the relay starts with it once its secrets are in the environment`, () => {
      const fragment = relayFragment({ ...DEFAULT_STATE, destination })!;
      const { destinations } = JSON.parse(fragment.json) as Pick<RelayConfigFile, 'destinations'>;
      const env = Object.fromEntries([['RELAY_SECRET', 'r'.repeat(32)], ...fragment.secrets.map((name) => [name, 'a-secret'])]);
      const config = resolveRelayConfig({ allowedOrigins: ['https://lp.example.com'], leadIdSecret: { env: 'RELAY_SECRET' }, destinations }, env);
      expect(config.destinations.get(destination)?.required).to.deep.equal(DESTINATION_CHOICES[destination].needs);
      expect(config.destinations.get(destination)?.fields).to.include.members(DEFAULT_STATE.included);
      // Every secret the adapter has is an environment reference, and each one is named for the person to set.
      const kind = ADAPTER_KINDS[destinations[destination]!.adapter as AdapterName];
      for (const [key, value] of Object.entries(destinations[destination]!.settings)) {
        if (kind.secrets.includes(key)) expect(value, key).to.have.property('env').that.is.oneOf(fragment.secrets);
      }
    });
  }

  it('declares the fields the form sends, so the relay refuses any other', () => {
    const state = { ...DEFAULT_STATE, destination: 'ivvy' as const, included: ['email', 'company'] };
    expect(JSON.parse(relayFragment(state)!.json).destinations.ivvy.fields).to.deep.equal(['email', 'company', 'first_name', 'last_name']);
  });

  it('requires consent when the form asks it before sending', () => {
    const asked = JSON.parse(relayFragment({ ...DEFAULT_STATE, consent: 'I agree.' })!.json);
    const afterCreate = JSON.parse(relayFragment({ ...DEFAULT_STATE, consent: 'I agree.', consentTiming: 'submit' })!.json);
    expect(asked.destinations.webhook.requireConsent).to.equal(true);
    expect(afterCreate.destinations.webhook).not.to.have.property('requireConsent');
  });

  it('lists the page’s questions for the relay to validate answers from', () => {
    const state = updateQuestion(addQuestion(DEFAULT_STATE), '#1', { name: 'coverage', label: 'Coverage', type: 'select', options: ['Basic', 'Full'] });
    expect(JSON.parse(relayFragment(state)!.json).destinations.webhook.questions).to.deep.equal([
      { name: 'coverage', label: 'Coverage', type: 'select', options: ['Basic', 'Full'] },
    ]);
  });

  it('starts a relay that checks the answers from those questions', () => {
    const state = updateQuestion(addQuestion(DEFAULT_STATE), '#1', { name: 'coverage', label: 'Coverage', type: 'select', options: ['Basic', 'Full'] });
    const { destinations } = JSON.parse(relayFragment(state)!.json) as Pick<RelayConfigFile, 'destinations'>;
    const config = resolveRelayConfig({ allowedOrigins: [], leadIdSecret: { env: 'RELAY_SECRET' }, destinations }, { RELAY_SECRET: 'r'.repeat(32) });
    const rules = { ...config.destinations.get('webhook')!, requireConsent: false, today: '2026-05-07' };
    const codes = (answer: string) => {
      const result = checkEnvelope({ lead: { coverage: answer } }, rules);
      return result.ok ? {} : result.codes;
    };
    expect(codes('Full')).to.not.have.property('coverage');
    expect(codes('Gold')).to.deep.include({ coverage: 'option' });
  });

  it('is not needed for a webhook the browser posts to', () => {
    expect(relayFragment({ ...DEFAULT_STATE, destination: 'webhook-url' })).to.equal(undefined);
  });
});
