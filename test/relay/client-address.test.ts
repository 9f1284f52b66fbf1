import { expect } from '@open-wc/testing';
import { PRIVATE_NETWORKS, parseRanges, rateLimitKey, resolveClientAddress, type ClientAddressRules } from '../../src/relay/client-address.js';
import { formatIp, inRange, parseIp, parseIpRange } from '../../src/relay/ip.js';

const text = (address: ReturnType<typeof parseIp>) => (address ? formatIp(address) : undefined);

describe('IP addresses', () => {
  const cases: [raw: string, expected: string | undefined][] = [
    ['192.0.2.1', '192.0.2.1'],
    [' 192.0.2.1 ', '192.0.2.1'],
    ['192.0.2.1:51234', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8::1', '2001:db8:0:0:0:0:0:1'],
    ['[2001:db8::1]:443', '2001:db8:0:0:0:0:0:1'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ['unknown', undefined],
    ['', undefined],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['2001:db8::1::2', undefined],
    ['evil.example', undefined],
  ];
  for (const [raw, expected] of cases) {
    it(`reads ${JSON.stringify(raw)} as ${expected ?? 'no address'}`, () => {
      expect(text(parseIp(raw))).to.equal(expected);
    });
  }

  it('matches ranges of either family, and never across families', () => {
    const inside = (address: string, range: string) => inRange(parseIp(address)!, parseIpRange(range)!);
    expect(inside('10.1.2.3', '10.0.0.0/8')).to.equal(true);
    expect(inside('11.1.2.3', '10.0.0.0/8')).to.equal(false);
    expect(inside('172.31.255.1', '172.16.0.0/12')).to.equal(true);
    expect(inside('172.32.0.1', '172.16.0.0/12')).to.equal(false);
    expect(inside('fd12::1', 'fc00::/7')).to.equal(true);
    expect(inside('127.0.0.1', '::1')).to.equal(false);
    expect(inside('203.0.113.9', '0.0.0.0/0')).to.equal(true);
    expect(parseRanges(['10.0.0.0/33'], 'trustedProxyAddresses')).to.equal('trustedProxyAddresses: "10.0.0.0/33" is not an IP address or CIDR range');
  });
});

describe('resolveClientAddress', () => {
  const proxies = parseRanges(PRIVATE_NETWORKS, 'test') as Exclude<ReturnType<typeof parseRanges>, string>;
  const behind = (trustedProxies: number): ClientAddressRules => ({ header: 'x-forwarded-for', trustedProxies, proxyAddresses: proxies });
  const resolve = (rules: ClientAddressRules, peer: string | undefined, header: string | undefined) => text(resolveClientAddress(rules, peer, header));

  it('is the socket peer when no header is configured, whatever the request says', () => {
    expect(resolve({ header: undefined, trustedProxies: 1, proxyAddresses: proxies }, '198.51.100.4', '1.1.1.1')).to.equal('198.51.100.4');
  });

  it('is the entry the trusted proxies wrote, counted from the right, never the left-most', () => {
    expect(resolve(behind(1), '10.0.0.2', '6.6.6.6, 203.0.113.7')).to.equal('203.0.113.7');
    expect(resolve(behind(2), '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.9')).to.equal('203.0.113.7');
  });

  it('ignores the header from a peer that is not a trusted proxy', () => {
    expect(resolve(behind(1), '198.51.100.4', '203.0.113.7')).to.equal('198.51.100.4');
  });

  it('is the socket address for an empty, unreadable or too short header', () => {
    expect(resolve(behind(1), '10.0.0.2', undefined)).to.equal('10.0.0.2');
    expect(resolve(behind(1), '10.0.0.2', '')).to.equal('10.0.0.2');
    expect(resolve(behind(1), '10.0.0.2', '203.0.113.7, unknown')).to.equal('10.0.0.2');
    expect(resolve(behind(2), '10.0.0.2', '203.0.113.7')).to.equal('10.0.0.2');
  });

  it('believes the platform’s header where no socket is known (serverless), and knows nothing without it', () => {
    expect(resolve(behind(1), undefined, '203.0.113.7')).to.equal('203.0.113.7');
    expect(resolve(behind(1), undefined, undefined)).to.equal(undefined);
  });

  it('counts an IPv6 client by its /64 and an IPv4 client by its address', () => {
    expect(rateLimitKey(parseIp('2001:db8:1:2:aaaa::1')!)).to.equal(rateLimitKey(parseIp('2001:db8:1:2:bbbb::9')!));
    expect(rateLimitKey(parseIp('2001:db8:1:2::1')!)).to.not.equal(rateLimitKey(parseIp('2001:db8:1:3::1')!));
    expect(rateLimitKey(parseIp('192.0.2.1')!)).to.equal('192.0.2.1');
  });
});
