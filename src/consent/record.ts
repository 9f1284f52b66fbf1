// A type-only import: the record is the lead model's `ConsentEvidence`, defined once for every part.
import type { ConsentEvidence } from '../adapters/lead.js';

/**
 * The consent record that travels with every lead as evidence (DESIGN.md, "Consent and TrustedForm";
 * DESTINATIONS.md, "Capture an evidence bundle"): the exact text the person saw, its SHA-256, the
 * sellers they agreed to, when they checked the box, when they submitted, and where. It is built by
 * build-record.ts, which only a form with a consent disclosure loads.
 */
export type ConsentRecord = ConsentEvidence;

/** Lowercase hex SHA-256 of the text's UTF-8 bytes, by Web Crypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** "ACME Insurance; Best Rates, LLC" → ["ACME Insurance", "Best Rates, LLC"]: names may hold commas. */
export function parseSellers(list: string): string[] {
  return list
    .split(/[;|\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
