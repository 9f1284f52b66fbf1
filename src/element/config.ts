import type { Adapter } from '../adapters/adapter.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import type { MessageOverrides } from '../fields/messages/compose.js';
import { isLocale, type Locale } from '../fields/messages/locales.js';
import { isPhoneCountry, type PhoneCountry } from '../fields/phone-countries.js';
import { parseSellers } from '../consent/record.js';
import type { parseQuestions } from '../fields/question-definitions.js';
import { isRequiredQuestion, type Question, type QuestionDefinition } from '../fields/questions.js';
import type { parseSteps } from '../fields/steps.js';
import type { UiOverrides } from './strings/index.js';

/** The fields a form asks for when the page names none. */
export const DEFAULT_FIELDS: readonly FieldKey[] = ['first_name', 'last_name', 'email', 'mobile', 'zip_code'];

/** The element's properties that make up the configuration (`config`); a change to any rebuilds what depends on it. */
export const CONFIG_PROPERTIES: ReadonlySet<string> = new Set([
  'endpoint', 'adapter', 'destination', 'fields', 'required', 'locale', 'country', 'minAge', 'submitLabel', 'messages',
  'consent', 'sellers', 'consentVersion', 'consentOptional', 'consentTiming', 'trustedform', 'trustedformSrc',
  'trustedformTimeout', 'jornaya', 'jornayaSrc', 'persist', 'requestTimeout', 'retryPolicy',
  'tracking', 'trackingParams', 'minFillMs', 'challengeField', 'challenge', 'theme', 'layout', 'styleNonce',
  'datalayer', 'enhancedConversions', 'successUrl', 'rejectedUrl', 'questions', 'steps',
]);

/** A page's own words: any label or field message, and (`ui`) any text of the widget itself. */
export interface WidgetMessages extends MessageOverrides {
  readonly ui?: UiOverrides;
}

/** The whole configuration as one object: the attributes' twin (`element.config`). */
export interface LeadCaptureConfig {
  /** Relay base URL, or the webhook URL with `adapter: 'webhook'`. */
  readonly endpoint: string;
  /** `relay` (default), `webhook`, or a partner's own `Adapter` object. */
  readonly adapter: 'relay' | 'webhook' | Adapter;
  /** Which destination the relay forwards to. */
  readonly destination: string;
  /** Rendered in this order. */
  readonly fields: readonly string[];
  /** What must be filled: named in `required`, or a question whose definition says so. */
  readonly required: readonly string[];
  /** The page's own questions that can work (each is placed where its name stands in `fields`). */
  readonly questions: readonly Question[];
  /** The names of each step, in order; one step when the form is not split. */
  readonly steps: readonly (readonly string[])[];
  readonly locale: Locale;
  readonly country: PhoneCountry;
  readonly minAge: number;
  readonly submitLabel: string | undefined;
  readonly messages: WidgetMessages;
  /** The disclosure text; empty when the page gives a `<template slot="consent">` or asks no consent. */
  readonly consent: string;
  /** The sellers the person may agree to be contacted by; one checkbox each when more than one. */
  readonly sellers: readonly string[];
  readonly consentVersion: string | undefined;
  /** Whether a lead may go without consent (the record then says the box was not checked). */
  readonly consentOptional: boolean;
  /** `create`: consent on the form; `submit`: a consent step after create, for two-step destinations. */
  readonly consentTiming: 'create' | 'submit';
  readonly trustedform: boolean;
  readonly trustedformSrc: string | undefined;
  /** How long Submit waits for TrustedForm's certificate before sending without it. */
  readonly trustedformTimeout: number;
  /** A Jornaya campaign key; empty for none. */
  readonly jornaya: string;
  readonly jornayaSrc: string | undefined;
}

/** What `config` takes: any part of the configuration; questions as the page writes them (a list or JSON). */
export type LeadCaptureConfigInput = Partial<Omit<LeadCaptureConfig, 'questions'>> & {
  readonly questions?: readonly QuestionDefinition[] | string;
};

/** The attributes as the element holds them (strings, as HTML gives them); the element itself is one. */
export interface LeadCaptureAttributes {
  readonly endpoint: string;
  readonly adapter: string | Adapter;
  readonly destination: string;
  readonly fields: string;
  readonly required: string;
  readonly locale: string;
  readonly country: string;
  readonly minAge: number;
  readonly submitLabel: string | undefined;
  readonly messages: WidgetMessages | undefined;
  readonly consent: string;
  readonly sellers: string;
  readonly consentVersion: string | undefined;
  readonly consentOptional: boolean;
  readonly consentTiming: string;
  readonly trustedform: boolean;
  readonly trustedformSrc: string | undefined;
  readonly trustedformTimeout: number;
  readonly jornaya: string;
  readonly jornayaSrc: string | undefined;
  /** The `questions` attribute (JSON) or property (a list). */
  readonly questions?: unknown;
  /** Groups of names separated by `|`. */
  readonly steps?: string;
}

export interface ResolvedConfig {
  readonly config: LeadCaptureConfig;
  /** Problems with the page's configuration, worth a console warning; none stops the form. */
  readonly warnings: readonly string[];
  /**
   * Question definitions that cannot work, each skipped: a console error and a `lead-error`
   * (`stage: "config"`), loud because the page loses a question it meant to ask.
   */
  readonly errors: readonly string[];
}

/**
 * The names a list attribute (`fields`, `required`) gives that the form knows (catalogue keys, the
 * page's questions), in order, once each; any other is said in a warning.
 */
function knownNames(list: string, attribute: string, questions: readonly string[], warnings: string[]): string[] {
  const known: string[] = [];
  for (const name of list.split(/[\s,]+/).filter(Boolean)) {
    if (!isFieldKey(name) && !questions.includes(name)) warnings.push(`unknown field "${name}" in ${attribute}`);
    else if (!known.includes(name)) known.push(name);
  }
  return known;
}

/** The names in `fields` that the form shows: without any named, the default fields, then every question; with them, only what they name. */
function formFields(list: string, questions: readonly string[], warnings: string[]): string[] {
  const shown = knownNames(list, 'fields', questions, warnings);
  if (shown.length === 0) return [...DEFAULT_FIELDS, ...questions];
  for (const name of questions) if (!shown.includes(name)) warnings.push(`question "${name}" is not in fields; not asked`);
  return shown;
}

/** The language a `locale` attribute names (`es-MX`: `es`), when the widget has its words. */
export function localeOf(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split('-')[0] ?? '';
  return isLocale(language) ? language : undefined;
}

/**
 * Settings that load a script into the page: the page's own markup or code sets them (attribute or
 * property), never the `config` object, which pages often fill from data (issue 11).
 */
export const ATTRIBUTE_ONLY: ReadonlySet<string> = new Set(['trustedformSrc', 'jornayaSrc']);

/**
 * A vendor script's URL: `https:`, or a path on the page's own origin (a proxy, a test stand-in).
 * Anything else — `data:`, `javascript:`, plain `http:` elsewhere — is refused with a warning, and
 * the vendor's own script is used.
 */
function scriptSource(value: string | undefined, attribute: string, warnings: string[]): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const page = globalThis.location?.href;
  try {
    const url = page === undefined ? new URL(value) : new URL(value, page);
    if (url.protocol === 'https:' || (page !== undefined && url.origin === new URL(page).origin)) return value.trim();
  } catch {
    // Not a URL at all: refused below.
  }
  warnings.push(`${attribute} must be an https: URL or a path on this site; using the vendor's script`);
  return undefined;
}

/**
 * What reads the page's questions and steps: the questions chunk (src/chunks/questions.ts), which a
 * form without them never loads.
 */
export interface QuestionParsers {
  readonly parseQuestions: typeof parseQuestions;
  readonly parseSteps: typeof parseSteps;
}

/**
 * Turns attribute strings into a typed configuration, falling back to safe defaults with a warning.
 * Questions and steps are read with `parsers`; without them (the chunk not loaded) the form has
 * neither, which is what a form that names none gets anyway.
 */
export function resolveConfig(attributes: LeadCaptureAttributes, parsers?: QuestionParsers): ResolvedConfig {
  const warnings: string[] = [];
  const { questions, problems } = parsers?.parseQuestions(attributes.questions) ?? { questions: [], problems: [] };
  const questionNames = questions.map((question) => question.name);
  const shown = formFields(attributes.fields, questionNames, warnings);
  const named = knownNames(attributes.required, 'required', questionNames, warnings);
  for (const key of named) if (!shown.includes(key)) warnings.push(`required field "${key}" is not in fields`);
  const requiredShown = shown.filter((name) => {
    const question = questions.find((asked) => asked.name === name);
    return question ? isRequiredQuestion(question, named) : named.includes(name);
  });
  const steps = parsers?.parseSteps(attributes.steps ?? '', shown) ?? { steps: shown.length > 0 ? [shown] : [], warnings: [] };
  warnings.push(...steps.warnings);

  const locale = localeOf(attributes.locale);
  if (attributes.locale !== '' && !locale) warnings.push(`locale "${attributes.locale}" is not available; using en`);
  const country = attributes.country.toUpperCase();
  if (!isPhoneCountry(country)) warnings.push(`country "${attributes.country}" is not available; using US`);

  let adapter: LeadCaptureConfig['adapter'] = 'relay';
  if (typeof attributes.adapter === 'object') adapter = attributes.adapter;
  else if (attributes.adapter === 'webhook') adapter = 'webhook';
  else if (attributes.adapter !== '' && attributes.adapter !== 'relay') {
    warnings.push(`adapter "${attributes.adapter}" is not known; using relay`);
  }

  if (adapter === 'relay' && attributes.endpoint.trim() !== '' && attributes.destination.trim() === '') {
    warnings.push('endpoint is a relay but no destination is named: the relay will refuse every lead');
  }
  const minAge = Number.isFinite(attributes.minAge) && attributes.minAge >= 0 ? attributes.minAge : 18;
  const consentTiming = attributes.consentTiming === 'submit' ? 'submit' : 'create';
  if (attributes.consentTiming !== '' && attributes.consentTiming !== consentTiming) {
    warnings.push(`consent-timing "${attributes.consentTiming}" is not create or submit; using create`);
  }
  const trustedformTimeout = Number.isFinite(attributes.trustedformTimeout) && attributes.trustedformTimeout >= 0 ? attributes.trustedformTimeout : 3000;
  return {
    config: {
      endpoint: attributes.endpoint.trim(),
      adapter,
      destination: attributes.destination.trim(),
      fields: shown,
      required: requiredShown,
      questions,
      steps: steps.steps,
      locale: locale ?? 'en',
      country: isPhoneCountry(country) ? country : 'US',
      minAge,
      submitLabel: attributes.submitLabel,
      messages: attributes.messages ?? {},
      consent: attributes.consent.trim(),
      sellers: parseSellers(attributes.sellers),
      consentVersion: attributes.consentVersion,
      consentOptional: attributes.consentOptional,
      consentTiming,
      trustedform: attributes.trustedform,
      trustedformSrc: scriptSource(attributes.trustedformSrc, 'trustedform-src', warnings),
      trustedformTimeout,
      jornaya: attributes.jornaya.trim(),
      jornayaSrc: scriptSource(attributes.jornayaSrc, 'jornaya-src', warnings),
    },
    warnings,
    errors: problems,
  };
}

/** A `config` entry as its property takes it: lists joined as the attribute writes them; questions stay a list. */
export function propertyValue(key: string, entry: unknown): unknown {
  if (!Array.isArray(entry) || key === 'questions') return entry;
  if (key === 'steps') return (entry as readonly (readonly string[])[]).map((step) => step.join(' ')).join(' | ');
  return entry.join(key === 'sellers' ? '; ' : ' ');
}
