import { expect } from '@open-wc/testing';
import { resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import { configRefusal as refusal } from '../helpers/relay.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';

const FILE = standinRelayConfig('http://localhost/standins', 'config-test', ['https://lp.example.com']);

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

});
