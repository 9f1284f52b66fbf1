/**
 * The words of the widget itself (buttons, states, the error summary, the thank-you), one module per
 * locale like the field messages. Every one can be replaced by a page through `messages.ui`.
 */
export interface UiStrings {
  readonly submit: string;
  readonly sending: string;
  readonly retry: string;
  readonly choose: string;
  readonly successTitle: string;
  readonly successBody: string;
  readonly duplicateBody: string;
  /** The thank-you when the relay's ledger holds the lead and will pass it on once the destination takes it. */
  readonly queuedBody: string;
  /** The error summary's heading (GOV.UK: "There is a problem"). */
  readonly errorSummaryTitle: string;
  /** A send that failed while the browser is offline, saved for later. */
  readonly failedOffline: string;
  /** A send the server did not answer (a 500, a timeout) while the browser is online, saved for later. */
  readonly failedServer: string;
  /** As failedOffline, for a form that keeps nothing on the device (`persist="none"`): only this page holds the lead. */
  readonly failedOfflineUnsaved: string;
  /** As failedServer, for a form that keeps nothing on the device (`persist="none"`). */
  readonly failedServerUnsaved: string;
  readonly retryingOffline: (attempt: number, of: number) => string;
  readonly retryingServer: (attempt: number, of: number) => string;
  /** A lead left on this device by an earlier visit is still waiting: neutral, whoever is here now. */
  readonly resumePending: string;
  readonly failedFinal: string;
  readonly invalidAtDestination: string;
  readonly notConfigured: string;
  readonly consentRequired: string;
  readonly consentRequiredSellers: string;
  /** The person unticked the consent the form requires while their lead waited to be sent again: it will not be. */
  readonly consentWithdrawn: string;
  /** The word before the last seller in `{sellers}` ("A, B and C"). */
  readonly sellersAnd: string;
  /** The consent could not have been seen (hidden or faint on this page), so nothing is sent. */
  readonly consentNotShown: string;
  readonly consentStepTitle: string;
  readonly consentStepIntro: string;
  readonly agree: string;
  readonly trustedformRequired: string;
  readonly trustedformFailed: string;
  readonly didYouMean: (email: string) => string;
  /** The button that takes the suggested address: "Use jane@yahoo.com". */
  readonly useSuggestion: (email: string) => string;
  /** The one submit button's words before the last step of a multi-step form. */
  readonly next: string;
  readonly back: string;
  /** "Step 2 of 3", shown and announced as a multi-step form moves. */
  readonly stepOf: (step: number, total: number) => string;
}

/**
 * The two sentences said when a chunk could not be loaded (strings/unavailable.ts): `formUnavailable`
 * above a form that cannot show itself as configured, `sendUnavailable` when what Submit needs did not
 * come. In the first chunk in every language, not among a language's words, but a page may give its own.
 */
export type UnavailableKey = 'formUnavailable' | 'sendUnavailable';

/** The words a page may give instead of ours: plain text, with `{attempt}`, `{of}`, `{email}`, `{step}` or `{total}` where ours have them. */
export type UiOverrides = Readonly<Partial<Record<keyof UiStrings | UnavailableKey, string>>>;
