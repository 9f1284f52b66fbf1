/** The words of the widget itself (buttons, states), one module per locale like the field messages. */
export interface UiStrings {
  readonly submit: string;
  readonly sending: string;
  readonly retry: string;
  readonly choose: string;
  readonly successTitle: string;
  readonly successBody: string;
  readonly duplicateBody: string;
  readonly errorSummary: (count: number) => string;
  readonly failedRetryable: string;
  readonly retrying: (attempt: number, of: number) => string;
  readonly resumed: string;
  readonly failedFinal: string;
  readonly invalidAtDestination: string;
  readonly notConfigured: string;
  readonly consentRequired: string;
  readonly consentRequiredSellers: string;
  readonly consentStepTitle: string;
  readonly consentStepIntro: string;
  readonly agree: string;
  readonly trustedformRequired: string;
  readonly trustedformFailed: string;
  readonly didYouMean: (suggestion: string) => string;
  readonly useSuggestion: string;
}
