import type { UiStrings } from './types.js';

export const en: UiStrings = {
  submit: 'Submit',
  sending: 'Sending…',
  retry: 'Try again',
  requiredMark: '(required)',
  choose: 'Choose…',
  successTitle: 'Thank you!',
  successBody: 'We have your details and will be in touch soon.',
  duplicateBody: 'We already have your details and will be in touch soon.',
  errorSummary: (count) => (count === 1 ? '1 field needs your attention.' : `${count} fields need your attention.`),
  failedRetryable: "We couldn't send your details just now. Your answers are kept: please try again.",
  failedFinal: "We couldn't accept your details. Please check them or contact us another way.",
  invalidAtDestination: 'Some details were not accepted. Please check the fields marked below.',
  notConfigured: 'This form is not set up to send yet (no endpoint).',
};
