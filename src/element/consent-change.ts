import type { Screen } from './steps-controller.js';

/**
 * The consent shown belongs to the lead on its way (issue 15). When the person ticks or unticks a
 * box while their lead waits (after a failure, between retries), this decides what becomes of it:
 *
 * - `amend`: the lead as it now stands, with the record of what the form shows now, takes its place
 *   under a new key, so no retry, reconnection or later visit sends a consent they withdrew;
 * - `withdraw`: the form requires consent and none is given now, so the lead leaves the outbox unsent
 *   and the person is told; ticking the box and pressing Try again sends it as a new lead;
 * - `withdrawSubmit`: on the deferred consent step (the lead was created without consent, and its
 *   second step carries the certificate), unticked while that step waits: it is not sent until the
 *   person agrees again;
 * - undefined: nothing changes (a box ticked on the consent step, or no consent on this lead).
 *
 * `carried`: the lead on its way carries a consent record; `given`: a box is ticked now; `optional`:
 * the form sends a lead without consent (`consent-optional`). The names are the flow's own methods.
 */
export function consentChangeAction(
  screen: Pick<Screen, 'consent' | 'consentStep'>,
  carried: boolean,
  given: boolean,
  optional: boolean,
): 'amend' | 'withdraw' | 'withdrawSubmit' | undefined {
  if (screen.consentStep) return given ? undefined : 'withdrawSubmit';
  if (!carried || !screen.consent) return undefined;
  return given || optional ? 'amend' : 'withdraw';
}
