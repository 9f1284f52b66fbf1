/**
 * IP addresses and ranges, parsed by hand (no regex, no Node `net`), so the relay runs unchanged on
 * edge runtimes. An address is its bytes: 4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, what a dual-stack Node socket reports) is the IPv4 address it carries.
 */
export interface IpAddress {
  readonly bytes: readonly number[];
}

export interface IpRange {
  readonly bytes: readonly number[];
  readonly prefix: number;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || ![...part].every((character) => character >= '0' && character <= '9')) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseGroups(text: string): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      continue;
    }
    if (part.length === 0 || part.length > 4 || !/^[0-9a-f]+$/i.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(text: string): number[] | undefined {
  if (text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * An address as a socket or a proxy header gives it: `192.0.2.1`, `2001:db8::1`, `[2001:db8::1]:443`,
 * `192.0.2.1:51234`, `::ffff:192.0.2.1`. Anything else (`unknown`, a host name, garbage) is undefined.
 */
export function parseIp(raw: string): IpAddress | undefined {
  let text = raw.trim();
  if (text.startsWith('[')) text = text.slice(1, text.indexOf(']') < 0 ? text.length : text.indexOf(']'));
  else if (text.split(':').length === 2) text = text.slice(0, text.indexOf(':'));
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const v4 = parseIpv4(text);
  if (v4) return { bytes: v4 };
  const v6 = parseIpv6(text);
  if (!v6) return undefined;
  const mapped = MAPPED_PREFIX.every((byte, index) => v6[index] === byte);
  return { bytes: mapped ? v6.slice(12) : v6 };
}

/** The canonical text of an address: dotted IPv4, or eight lowercase IPv6 groups without zero-compression. */
export function formatIp(address: IpAddress): string {
  const { bytes } = address;
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let index = 0; index < 16; index += 2) groups.push(((bytes[index]! << 8) | bytes[index + 1]!).toString(16));
  return groups.join(':');
}

/** `10.0.0.0/8`, `fc00::/7`, or one address (`127.0.0.1`: a range of one). */
export function parseIpRange(text: string): IpRange | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const parsed = parseIpv4(address) ?? parseIpv6(address);
  if (!parsed) return undefined;
  const bits = parsed.length * 8;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || prefixText === '') return undefined;
  return { bytes: parsed, prefix };
}

export function inRange(address: IpAddress, range: IpRange): boolean {
  if (address.bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const take = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if ((address.bytes[index]! & mask) !== (range.bytes[index]! & mask)) return false;
  }
  return true;
}
