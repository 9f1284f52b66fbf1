// A type-only import: the record is the lead model's `ConsentEvidence`, defined once for every part.
import type { ConsentEvidence } from '../adapters/lead.js';

/**
 * The consent record that travels with every lead as evidence (DESIGN.md, "Consent and TrustedForm";
 * DESTINATIONS.md, "Capture an evidence bundle"): the exact text the person saw, its SHA-256, the
 * sellers they agreed to, when they checked the box, when they submitted, and where.
 */
export type ConsentRecord = ConsentEvidence;

/** Rendered text as evidence: white space folded, so layout cannot change the hash. */
export function consentText(rendered: string): string {
  return rendered.replace(/\s+/g, ' ').trim();
}

/** Lowercase hex SHA-256 of the text's UTF-8 bytes, by Web Crypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface ConsentInput {
  /** The disclosure's rendered text (`innerText` of the block the person saw). */
  readonly rendered: string;
  readonly sellers: readonly string[];
  readonly checkedAt: Date | null;
  readonly submittedAt: Date;
  readonly pageUrl: string;
  readonly version?: string;
}

export async function buildConsentRecord(input: ConsentInput): Promise<ConsentRecord> {
  const text = consentText(input.rendered);
  return {
    text,
    sha256: await sha256Hex(text),
    sellers: [...input.sellers],
    checkedAt: input.checkedAt?.toISOString() ?? null,
    submittedAt: input.submittedAt.toISOString(),
    // The page URL without its fragment; query strings stay (they carry the campaign).
    pageUrl: input.pageUrl.split('#')[0] ?? input.pageUrl,
    ...(input.version === undefined || input.version === '' ? {} : { version: input.version }),
  };
}

/** "ACME Insurance; Best Rates, LLC" → ["ACME Insurance", "Best Rates, LLC"]: names may hold commas. */
export function parseSellers(list: string): string[] {
  return list
    .split(/[;|\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
