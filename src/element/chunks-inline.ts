/**
 * The classic build's stand-in for chunks.ts (vite.config.ts swaps it in): one file, so every "chunk"
 * is already here and is handed over at once. Static imports, so the bundler need not wrap each
 * lazily imported module in an initialiser, which cost the one-file build about 3 KB gzip.
 */
import * as consent from '../chunks/consent.js';
import * as consentVisibility from '../chunks/consent-visibility.js';
import * as dateOfBirth from '../chunks/date-of-birth.js';
import * as delivery from '../chunks/delivery.js';
import * as emailTypos from '../chunks/email-typos.js';
import * as enhancedConversions from '../chunks/enhanced-conversions.js';
import * as es from '../chunks/es.js';
import * as prerendered from '../chunks/prerendered.js';
import * as questions from '../chunks/questions.js';
import * as recorders from '../chunks/recorders.js';
import * as usStates from '../chunks/us-states.js';
import * as validation from '../chunks/validation.js';
import type { chunks as lazy } from './chunks.js';

export const chunks: typeof lazy = {
  validation: async () => validation,
  delivery: async () => delivery,
  es: async () => es,
  emailTypos: async () => emailTypos,
  consentVisibility: async () => consentVisibility,
  questions: async () => questions,
  dateOfBirth: async () => dateOfBirth,
  usStates: async () => usStates,
  consent: async () => consent,
  recorders: async () => recorders,
  enhancedConversions: async () => enhancedConversions,
  prerendered: async () => prerendered,
};
