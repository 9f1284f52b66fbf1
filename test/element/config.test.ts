import { expect } from '@open-wc/testing';
import { DEFAULT_FIELDS, resolveConfig, type LeadCaptureAttributes } from '../../src/element/config.js';

const DEFAULTS: LeadCaptureAttributes = {
  endpoint: '',
  adapter: 'relay',
  destination: '',
  fields: '',
  required: '',
  locale: 'en',
  country: 'US',
  minAge: 18,
  submitLabel: undefined,
  messages: undefined,
  consent: '',
  sellers: '',
  consentVersion: undefined,
  consentOptional: false,
  consentTiming: '',
  trustedform: false,
  trustedformSrc: undefined,
  trustedformTimeout: 3000,
  jornaya: '',
  jornayaSrc: undefined,
};

describe('resolveConfig', () => {
  it('asks for the default fields when the page names none', () => {
    expect(resolveConfig(DEFAULTS).config.fields).to.deep.equal(DEFAULT_FIELDS);
  });

  it('keeps the order of `fields`, drops unknown names and says so', () => {
    const { config, warnings } = resolveConfig({ ...DEFAULTS, fields: 'email, first_name shoe_size email' });
    expect(config.fields).to.deep.equal(['email', 'first_name']);
    expect(warnings).to.deep.equal(['unknown field "shoe_size" in fields']);
  });

  it('requires only fields the form shows', () => {
    const { config, warnings } = resolveConfig({ ...DEFAULTS, fields: 'email', required: 'email mobile' });
    expect(config.required).to.deep.equal(['email']);
    expect(warnings).to.deep.equal(['required field "mobile" is not in fields']);
  });

  it('accepts regional locale tags and falls back to English for unknown ones', () => {
    expect(resolveConfig({ ...DEFAULTS, locale: 'es-MX' }).config.locale).to.equal('es');
    const { config, warnings } = resolveConfig({ ...DEFAULTS, locale: 'fr' });
    expect(config.locale).to.equal('en');
    expect(warnings[0]).to.contain('locale "fr"');
  });

  it('falls back to US phone numbers for a country without shipped metadata', () => {
    expect(resolveConfig({ ...DEFAULTS, country: 'ca' }).config.country).to.equal('CA');
    expect(resolveConfig({ ...DEFAULTS, country: 'GB' }).config.country).to.equal('US');
  });

  it('uses the relay adapter unless told webhook, and takes an adapter object as it is', () => {
    expect(resolveConfig(DEFAULTS).config.adapter).to.equal('relay');
    expect(resolveConfig({ ...DEFAULTS, adapter: 'webhook' }).config.adapter).to.equal('webhook');
    const custom = { name: 'mine', create: async () => ({ outcome: { status: 'accepted' as const, retryable: false }, next: null }) };
    expect(resolveConfig({ ...DEFAULTS, adapter: custom }).config.adapter).to.equal(custom);
  });

  it('warns when a relay endpoint names no destination', () => {
    const { warnings } = resolveConfig({ ...DEFAULTS, endpoint: 'https://relay.example/v1' });
    expect(warnings).to.deep.equal(['endpoint is a relay but no destination is named: the relay will refuse every lead']);
    expect(resolveConfig({ ...DEFAULTS, endpoint: 'https://hooks.example', adapter: 'webhook' }).warnings).to.deep.equal([]);
  });
});
