import { buildConsentRecord } from '../consent/build-record.js';
import type { ConsentRecord } from '../consent/record.js';

/** What a consent record needs besides the form: the page's sellers and version, the page, the moment. */
export interface ConsentRecordOptions {
  readonly sellers: readonly string[];
  readonly version: string | undefined;
  readonly pageUrl: string;
  readonly now: Date;
}

/**
 * The record of the consent given in `host`'s form, from the disclosure as it is rendered now and
 * the boxes ticked (`checkedAt`, by seller index). In the consent chunk, beside the disclosure it
 * reads: only a form that shows one ever builds a record (consent-controller.ts asks).
 */
export function recordConsent(host: HTMLElement, checkedAt: ReadonlyMap<number, Date>, options: ConsentRecordOptions): Promise<ConsentRecord> {
  const block = host.querySelector(':scope > form.lc-form .lc-consent');
  const rendered = [...(block?.querySelectorAll<HTMLElement>('.lc-consent-text, .lc-seller') ?? [])].map((part) => part.innerText).join(' ');
  const agreedTo = options.sellers.length > 1 ? options.sellers.filter((_, index) => checkedAt.has(index)) : [...options.sellers];
  const times = [...checkedAt.values()].map((time) => time.getTime());
  return buildConsentRecord({
    rendered,
    sellers: agreedTo,
    checkedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    submittedAt: options.now,
    pageUrl: options.pageUrl,
    ...(options.version === undefined ? {} : { version: options.version }),
  });
}
