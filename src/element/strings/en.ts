import type { UiStrings } from './types.js';

export const en: UiStrings = {
  submit: 'Submit',
  sending: 'Sending…',
  retry: 'Try again',
  choose: 'Choose…',
  successTitle: 'Thank you!',
  successBody: 'We have your details and will be in touch soon.',
  duplicateBody: 'We already have your details and will be in touch soon.',
  errorSummary: (count) => (count === 1 ? '1 field needs your attention.' : `${count} fields need your attention.`),
  failedRetryable:
    "We couldn't send your details just now. They are saved on this device and will be sent when you are back online or return to this page, or press Try again.",
  retrying: (attempt, of) => `The connection is slow. Still trying (attempt ${attempt} of ${of})…`,
  resumed: 'We have now sent the details you entered earlier.',
  failedFinal: "We couldn't accept your details. Please check them or contact us another way.",
  invalidAtDestination: 'Some details were not accepted. Please check the fields marked below.',
  notConfigured: 'This form is not set up to send yet (no endpoint).',
  consentRequired: 'Check the box to agree before you submit.',
  consentRequiredSellers: 'Check at least one box to agree before you submit.',
  consentStepTitle: 'One last step',
  consentStepIntro: 'Please confirm your mobile number and how we may contact you.',
  agree: 'I agree',
  trustedformRequired: "We couldn't record your consent yet. Please wait a moment and press I agree again.",
  trustedformFailed: "We couldn't verify your consent. Please contact us another way.",
  didYouMean: (suggestion) => `Did you mean ${suggestion}?`,
  useSuggestion: 'Use it',
};
