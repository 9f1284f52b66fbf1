import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { FieldKey } from '../fields/keys.js';
import { checkPhone, type PhoneCountry } from '../fields/phone.js';

/**
 * Keyed hashes of a person's email and phone numbers (issue 20): the duplicate window and the
 * suppression lists compare these, never the plain values, so the ledger's match tables reveal no
 * one's address to whoever reads the database without the relay's `matchKeySecret`.
 */

/** What a value is compared as: an email address or a phone number, whatever field it came in. */
export type MatchKind = 'email' | 'phone';

/** The fields a duplicate window may compare: those that name one person. */
export const MATCH_FIELDS: Readonly<Partial<Record<FieldKey, MatchKind>>> = {
  email: 'email',
  mobile: 'phone',
  home_phone: 'phone',
  business_phone: 'phone',
};

export function matchKindOf(field: string): MatchKind | undefined {
  return (MATCH_FIELDS as Readonly<Record<string, MatchKind>>)[field];
}

/**
 * The one written form of a value: an email trimmed and lowercased; a phone number in E.164
 * (`+12125550123`, however it was typed), or undefined when it is no phone number at all.
 */
export function normaliseMatchValue(kind: MatchKind, value: string, country: PhoneCountry = 'US'): string | undefined {
  if (kind === 'email') {
    const email = value.trim().toLowerCase();
    return /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
  }
  const phone = checkPhone(value, country);
  return phone.ok ? phone.e164 : undefined;
}

/** The key the digests are made with, from the secret setting (so the secret itself is never the HMAC key). */
export function matchKey(secret: string): Uint8Array {
  return sha256(utf8ToBytes(`lead-capture match keys v1\u0000${secret}`));
}

/** HMAC-SHA-256 of the kind and the normalised value: the same person's email is the same digest in every lead. */
export function matchDigest(key: Uint8Array, kind: MatchKind, normalised: string): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(`${kind}:${normalised}`)));
}

/** The digests of the listed fields a lead carries (each field's own value, normalised). */
export function leadDigests(lead: Readonly<Record<string, unknown>>, fields: readonly FieldKey[], key: Uint8Array, country: PhoneCountry = 'US'): string[] {
  const digests = new Set<string>();
  for (const field of fields) {
    const kind = matchKindOf(field);
    const value = lead[field];
    if (kind === undefined || typeof value !== 'string' || value === '') continue;
    const normalised = normaliseMatchValue(kind, value, country);
    if (normalised !== undefined) digests.add(matchDigest(key, kind, normalised));
  }
  return [...digests];
}

/** Every email and phone number a lead carries, as suppression digests. */
export function contactDigests(lead: Readonly<Record<string, unknown>>, key: Uint8Array, country: PhoneCountry = 'US'): string[] {
  return leadDigests(lead, Object.keys(MATCH_FIELDS) as FieldKey[], key, country);
}

/** A line of a suppression list (an email or a phone number, as people write them), or why not. */
export function parseSuppressionEntry(line: string, country: PhoneCountry = 'US'): { kind: MatchKind; normalised: string } | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  const kind: MatchKind = text.includes('@') ? 'email' : 'phone';
  const normalised = normaliseMatchValue(kind, text, country);
  return normalised === undefined ? undefined : { kind, normalised };
}
