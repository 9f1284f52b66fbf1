import type { UiStrings } from './types.js';

export const en: UiStrings = {
  submit: 'Submit',
  sending: 'Sending…',
  retry: 'Try again',
  choose: 'Choose…',
  successTitle: 'Thank you',
  successBody: 'We have your details and will be in touch soon.',
  duplicateBody: 'We already have your details and will be in touch soon.',
  queuedBody: 'We have your details and will pass them on shortly. There is no need to send them again.',
  errorSummaryTitle: 'There is a problem',
  failedOffline:
    'You seem to be offline. Your details are saved on this device and will be sent when you are back online. You can also press Try again.',
  failedServer:
    "Our system isn't responding. Your details are saved on this device and we'll keep trying when you come back to this page. You can also press Try again.",
  failedOfflineUnsaved:
    'You seem to be offline. Keep this page open: your details will be sent when you are back online. You can also press Try again.',
  failedServerUnsaved:
    "Our system isn't responding. Your details have not been sent yet: keep this page open and press Try again.",
  retryingOffline: (attempt, of) => `You seem to be offline; we'll keep trying (attempt ${attempt} of ${of})…`,
  retryingServer: (attempt, of) => `Our system isn't responding; we'll keep trying (attempt ${attempt} of ${of})…`,
  resumePending: 'We are still sending an earlier request from this device.',
  failedFinal: "We couldn't accept your details. Please check them or contact us another way.",
  invalidAtDestination: 'Some details were not accepted. Check the fields marked below.',
  notConfigured: 'This form is not set up to send yet (no endpoint).',
  consentRequired: 'Check the box to agree before you submit',
  consentRequiredSellers: 'Check at least one box to agree before you submit',
  sellersAnd: 'and',
  consentWithdrawn: 'You unchecked the box, so your request has not been sent. To send it, check the box and press Try again.',
  consentNotShown: "We couldn't show you the consent text properly on this page, so we can't send your details. Please contact us another way.",
  consentStepTitle: 'One last step',
  consentStepIntro: 'Please confirm your mobile number and how we may contact you.',
  agree: 'I agree',
  trustedformRequired: "We couldn't record your consent yet. Please wait a moment and press I agree again.",
  trustedformFailed: "We couldn't verify your consent. Please contact us another way.",
  didYouMean: (email) => `Did you mean ${email}?`,
  useSuggestion: (email) => `Use ${email}`,
  next: 'Next',
  back: 'Back',
  stepOf: (step, total) => `Step ${step} of ${total}`,
};
