import { DEFAULT_FIELDS } from '../element/config.js';
import { FIELD_KEYS } from '../fields/keys.js';
import type { QuestionType } from '../fields/questions.js';
import { DESTINATION_CHOICES, type DestinationChoice } from './destinations.js';


/** A page's own question, as the builder edits it (options one per entry, strings only). */
export interface BuilderQuestion {
  /** Its place in `order` (`#1`, `#2`…), which stays while its name is being typed. */
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly type: QuestionType;
  readonly options: readonly string[];
  readonly required: boolean;
}

/** Everything a marketer chooses in the builder; the URL and the snippet are both made from it. */
export interface BuilderState {
  readonly destination: DestinationChoice;
  /** The relay's base URL, or the webhook URL for `webhook-url`. */
  readonly endpoint: string;
  /** Every catalogue field's key and every question's id, in the order the list shows them. */
  readonly order: readonly string[];
  /** The entries asked for (a subset of `order`; the form asks them in `order`'s order). */
  readonly included: readonly string[];
  /** Catalogue fields that must be filled (questions carry their own `required`). */
  readonly required: readonly string[];
  readonly questions: readonly BuilderQuestion[];
  /** How many steps the form has (1: one page). */
  readonly stepCount: number;
  /** The step (1-based) each entry is on; an entry not named here is on the last step. */
  readonly stepOf: Readonly<Record<string, number>>;
  readonly consent: string;
  readonly sellers: string;
  readonly consentTiming: 'create' | 'submit';
  readonly trustedform: boolean;
  /** A Jornaya LeadiD campaign key; empty for none. */
  readonly jornaya: string;
  readonly successUrl: string;
  readonly rejectedUrl: string;
  readonly datalayer: boolean;
  readonly enhancedConversions: boolean;
  readonly locale: 'en' | 'es';
  readonly theme: 'light' | 'dark' | 'auto';
  readonly layout: 'grid' | 'stacked' | 'inline';
  /** `#rrggbb`, or empty for the theme's own accent. */
  readonly accent: string;
  /** The widget's corner radius in px (inputs and button get three quarters of it, as by default). */
  readonly radius: number;
  readonly submitLabel: string;
  /** Where the page loads the widget from. */
  readonly scriptUrl: string;
  readonly scriptType: 'module' | 'classic';
  /** The embed code carries the form's first screen as markup, painted before the script arrives. */
  readonly prerender: boolean;
}

export const MAX_STEPS = 4;
export const DEFAULT_RADIUS = 8;
export const RELAY_EXAMPLE = 'https://relay.example.com/v1';
export const WEBHOOK_EXAMPLE = 'https://hooks.example.com/leads';

/**
 * The contact fields a form requires unless told otherwise. The widget requires nothing by default,
 * so a form with nothing required sends `"lead": {}` on a bare Submit; a lead needs a way to reach
 * the person.
 */
const CONTACT_REQUIRED = ['email', 'mobile'] as const;

/** What a form asking `included` requires when nothing says otherwise: the contact fields it asks. */
export function defaultRequired(included: readonly string[]): string[] {
  return CONTACT_REQUIRED.filter((key) => included.includes(key));
}

/** A new form: the widget's own defaults but its contact fields required, delivered through the relay to a webhook. */
export const DEFAULT_STATE: BuilderState = {
  destination: 'webhook',
  endpoint: RELAY_EXAMPLE,
  order: orderWith(DEFAULT_FIELDS),
  included: [...DEFAULT_FIELDS],
  required: defaultRequired(DEFAULT_FIELDS),
  questions: [],
  stepCount: 1,
  stepOf: {},
  consent: '',
  sellers: '',
  consentTiming: 'create',
  trustedform: false,
  jornaya: '',
  successUrl: '',
  rejectedUrl: '',
  datalayer: true,
  enhancedConversions: false,
  locale: 'en',
  theme: 'light',
  layout: 'grid',
  accent: '',
  radius: DEFAULT_RADIUS,
  submitLabel: '',
  scriptUrl: 'https://cdn.example.com/lead-capture.js',
  scriptType: 'module',
  prerender: true,
};

/** `first` in its order, then every other catalogue field in the catalogue's order. */
export function orderWith(first: readonly string[]): string[] {
  return [...first, ...FIELD_KEYS.filter((key) => !first.includes(key))];
}

/** The entries the form asks for, in order. */
export function askedEntries(state: BuilderState): string[] {
  return state.order.filter((entry) => state.included.includes(entry));
}

/** The groups of `steps`, each the asked entries on that step in form order; empty groups dropped. */
export function stepGroups(state: BuilderState, asked = askedEntries(state)): string[][] {
  if (state.stepCount <= 1) return [];
  const groups: string[][] = [];
  for (let step = 1; step <= state.stepCount; step++) {
    groups.push(asked.filter((name) => Math.min(state.stepOf[name] ?? state.stepCount, state.stepCount) === step));
  }
  const filled = groups.filter((group) => group.length > 0);
  return filled.length > 1 ? filled : [];
}

/** The endpoint example follows a switch between a relay and a direct webhook; what the person typed stays. */
export function withDestination(state: BuilderState, destination: DestinationChoice): BuilderState {
  const choice = DESTINATION_CHOICES[destination];
  const wasDirect = DESTINATION_CHOICES[state.destination].direct;
  const example = state.endpoint === RELAY_EXAMPLE || state.endpoint === WEBHOOK_EXAMPLE || state.endpoint.trim() === '';
  const endpoint = wasDirect === choice.direct || !example ? state.endpoint : choice.direct ? WEBHOOK_EXAMPLE : RELAY_EXAMPLE;
  return { ...state, destination, endpoint };
}

/** The fields the destination's API insists on that the form does not ask, or does not require. */
export function missingNeeds(state: BuilderState): string[] {
  return DESTINATION_CHOICES[state.destination].needs.filter((key) => !state.included.includes(key) || !state.required.includes(key));
}

/** Asks and requires every field the destination needs. */
export function withNeeds(state: BuilderState): BuilderState {
  const needs = DESTINATION_CHOICES[state.destination].needs;
  return {
    ...state,
    included: [...state.included, ...needs.filter((key) => !state.included.includes(key))],
    required: [...state.required, ...needs.filter((key) => !state.required.includes(key))],
  };
}
