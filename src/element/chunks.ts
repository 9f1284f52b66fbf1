/**
 * The module build's lazily loaded chunks (vite.config.ts names each file `lead-capture.<name>.js`,
 * beside `lead-capture.js`, and resolves it relative to it). The classic build inlines them all.
 *
 * One object, so a test can hold a chunk back (replace a loader with a slower one) and see the form
 * behave as it does on a slow network: nothing typed is lost, a field left early is checked when the
 * rules arrive, a Submit waits for delivery.
 */
export const chunks = {
  validation: () => import('../chunks/validation.js'),
  delivery: () => import('../chunks/delivery.js'),
  es: () => import('../chunks/es.js'),
  emailTypos: () => import('../chunks/email-typos.js'),
  consentVisibility: () => import('../chunks/consent-visibility.js'),
  questions: () => import('../chunks/questions.js'),
  dateOfBirth: () => import('../chunks/date-of-birth.js'),
  usStates: () => import('../chunks/us-states.js'),
  consent: () => import('../chunks/consent.js'),
  recorders: () => import('../chunks/recorders.js'),
  enhancedConversions: () => import('../chunks/enhanced-conversions.js'),
  prerendered: () => import('../chunks/prerendered.js'),
};

export type ValidationChunk = Awaited<ReturnType<typeof chunks.validation>>;
export type DeliveryChunk = Awaited<ReturnType<typeof chunks.delivery>>;
export type ConsentVisibilityChunk = Awaited<ReturnType<typeof chunks.consentVisibility>>;
export type QuestionsChunk = Awaited<ReturnType<typeof chunks.questions>>;
export type DateOfBirthChunk = Awaited<ReturnType<typeof chunks.dateOfBirth>>;
export type UsStatesChunk = Awaited<ReturnType<typeof chunks.usStates>>;
export type ConsentChunk = Awaited<ReturnType<typeof chunks.consent>>;
export type PrerenderedChunk = Awaited<ReturnType<typeof chunks.prerendered>>;
