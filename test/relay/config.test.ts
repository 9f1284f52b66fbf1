import { expect } from '@open-wc/testing';
import { RelayConfigError, resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
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
});
