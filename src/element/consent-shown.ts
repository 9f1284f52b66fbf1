import type { Outcome } from '../adapters/lead.js';
import { consentVisibilityProblems, describeProblems } from '../consent/visibility.js';

/**
 * Consent that was never visible is not consent: a box the person checked beside a disclosure the
 * page's CSS hid, shrank or faded is refused, with the rule named for the page's developers. The
 * refusal of the element's consent block as the page shows it, or undefined when it was clear and
 * conspicuous.
 */
export function unseenConsentRefusal(root: ParentNode): Outcome | undefined {
  const block = root.querySelector('.lc-consent');
  const problems = consentVisibilityProblems({
    disclosure: [...(block?.querySelectorAll('.lc-consent-text, .lc-seller') ?? [])],
    boxes: [...(block?.querySelectorAll<HTMLInputElement>('input[name="consent"]') ?? [])],
  });
  if (problems.length === 0) return undefined;
  return { status: 'rejected', retryable: false, code: 'consent_not_visible', message: describeProblems(problems) };
}
