import { formatIp, inRange, parseIp, parseIpRange, type IpAddress, type IpRange } from './ip.js';

/**
 * Who is calling: the address the rate limit counts and the consent evidence records (issue 11).
 *
 * The socket peer is the only address nobody can write. Behind proxies it is the proxy's, and the
 * client's is in a header: but each proxy *appends* the address it saw to `X-Forwarded-For`, so only
 * the entries the deployment's own proxies wrote can be believed — the one `trustedProxies` places
 * from the right. Everything to the left of it was sent by the client and proves nothing: a new
 * left-most value per request once meant no rate limit at all. And the header counts only when it
 * came from a proxy (the socket peer is in `trustedProxyAddresses`); anyone reaching the relay
 * directly gets their own socket address.
 */
export interface ClientAddressRules {
  /** The header a trusted proxy writes (`x-forwarded-for`, `cf-connecting-ip`); undefined: the socket peer alone. */
  readonly header: string | undefined;
  /** How many proxies of the deployment's own append to the header (1: one load balancer). */
  readonly trustedProxies: number;
  /** The socket peers whose header is believed. */
  readonly proxyAddresses: readonly IpRange[];
}

/** Loopback and private networks: where a deployment's own proxies usually sit. */
export const PRIVATE_NETWORKS: readonly string[] = ['127.0.0.0/8', '::1', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

/** Headers a CDN sets to one value of its own; believable only when the CDN is the only way in. */
export const CDN_HEADERS: readonly string[] = ['cf-connecting-ip', 'true-client-ip'];

export function parseRanges(list: readonly string[], where: string): IpRange[] | string {
  const ranges: IpRange[] = [];
  for (const text of list) {
    const range = typeof text === 'string' ? parseIpRange(text) : undefined;
    if (!range) return `${where}: "${String(text)}" is not an IP address or CIDR range`;
    ranges.push(range);
  }
  return ranges;
}

/**
 * The client's address, or undefined when none can be known (no socket peer, and no believable
 * header entry). `peer` is the socket's remote address when the runtime knows it; on serverless and
 * edge platforms there is none, and the platform's own header is the only source.
 */
export function resolveClientAddress(rules: ClientAddressRules, peer: string | undefined, header: string | undefined): IpAddress | undefined {
  const socket = peer === undefined ? undefined : parseIp(peer);
  if (rules.header === undefined) return socket;
  if (socket && !rules.proxyAddresses.some((range) => inRange(socket, range))) return socket;
  const entries = (header ?? '').split(',');
  const index = entries.length - rules.trustedProxies;
  const entry = index >= 0 ? entries[index]?.trim() : undefined;
  // An empty or unreadable entry (no header, fewer hops than configured) is the socket address.
  return (entry ? parseIp(entry) : undefined) ?? socket;
}

/**
 * The rate limit's bucket: an IPv4 address, or an IPv6 address's /64 network. One IPv6 host is
 * handed a whole /64, so counting single addresses would let it rotate through 2^64 of them.
 */
export function rateLimitKey(address: IpAddress): string {
  if (address.bytes.length === 4) return formatIp(address);
  return `${formatIp({ bytes: [...address.bytes.slice(0, 8), ...Array<number>(8).fill(0)] })}/64`;
}
