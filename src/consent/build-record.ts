import { sha256Hex, type ConsentRecord } from './record.js';

/*
 * Building the consent record (record.ts) from what the person saw. Apart from record.ts, whose type,
 * hash and sellers list the first chunk and the enhanced conversions' chunk use, so that this part
 * comes only with the consent chunk (src/element/consent-record.ts), which only a form with a
 * disclosure loads.
 */

/** Rendered text as evidence: white space folded, so layout cannot change the hash. */
export function consentText(rendered: string): string {
  return rendered.replace(/\s+/g, ' ').trim();
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

/** The record: the text folded, its hash, the sellers agreed to, both times, and the page without its fragment. */
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

