import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { tenDigits } from '../adapters/lead-mapping.js';

/**
 * Whether a later lead is the same person as an earlier one by their mobile numbers (the takeover of
 * an earlier lead's second step, `DeliveryContext.ownLead`). The relay's memory without a ledger
 * keeps no number for it: only a keyed hash of the number, made with a key that never leaves the
 * process (or, where the relay has one, `matchKeySecret`'s, so instances sharing a store agree).
 */

/** A mobile number as compared: its 10 digits (as MLAS takes it, a leading US 1 dropped), or undefined when it has not 10. */
export function comparableMobile(value: string | undefined): string | undefined {
  const digits = tenDigits(value);
  return digits !== undefined && /^\d{10}$/.test(digits) ? digits : undefined;
}

/** This process's own key: random at start, never written anywhere, so its digests mean nothing outside it. */
const PROCESS_KEY = crypto.getRandomValues(new Uint8Array(32));

/** HMAC-SHA-256 of a comparable mobile number, with `key` (the configured match key) or this process's own. */
export function mobileDigest(mobile: string, key: Uint8Array = PROCESS_KEY): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(`lead-capture same person v1\u0000mobile:${mobile}`)));
}

/** Whether two numbers, as leads carry them, are one comparable mobile; false when either has none. */
export function sameMobile(earlier: string | undefined, later: string | undefined): boolean {
  const a = comparableMobile(earlier);
  return a !== undefined && a === comparableMobile(later);
}
