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
  /** The step (1-based) the person put each entry on; an entry not named here follows the default split (`defaultSteps`). */
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

/** Who the person is: asked with the contact details, after the rest. */
const NAME_FIELDS: readonly string[] = ['first_name', 'last_name', 'full_name'];
/** How to reach the person: on the last step, with the consent. */
const CONTACT_FIELDS: readonly string[] = ['email', 'mobile', 'home_phone', 'business_phone'];

/** `entries` in `count` runs, in order, none empty while there are entries enough; the shorter runs first. */
function runs(entries: readonly string[], count: number): string[][] {
  const short = Math.floor(entries.length / count);
  const longer = entries.length % count;
  const out: string[][] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const size = short + (i >= count - longer ? 1 : 0);
    out.push(entries.slice(at, at + size));
    at += size;
  }
  return out.filter((run) => run.length > 0);
}

/**
 * The step (1-based) of each entry in a form split into `count` steps that nobody has placed
 * anything in, as the builder's hint advises ("short first steps convert best: ZIP code first,
 * contact details last"): the ZIP code, the address and the page's questions on the earlier steps,
 * the shortest first; the name and the contact details on the last. Where there are too few of
 * the rest to fill the earlier steps, the name gets a step of its own, then every entry one run of
 * the form; no step is left empty (fewer entries than steps give a step each).
 */
export function defaultSteps(asked: readonly string[], count: number): Record<string, number> {
  const contact = asked.filter((entry) => CONTACT_FIELDS.includes(entry));
  const names = asked.filter((entry) => NAME_FIELDS.includes(entry));
  const rest = asked.filter((entry) => !CONTACT_FIELDS.includes(entry) && !NAME_FIELDS.includes(entry));
  const last = [...names, ...contact];
  const groups =
    count <= 1 ? [[...asked]]
    : rest.length >= count - 1 && last.length > 0 ? [...runs(rest, count - 1), last]
    : rest.length === count - 2 && names.length > 0 && contact.length > 0 ? [...runs(rest, count - 2), names, contact]
    : runs([...rest, ...last], count);
  const steps: Record<string, number> = {};
  groups.forEach((group, i) => group.forEach((entry) => (steps[entry] = i + 1)));
  return steps;
}

/** The step each asked entry is on: where the person put it, or else where the default split puts it. */
export function stepsOf(state: BuilderState, asked = askedEntries(state)): Record<string, number> {
  const steps = defaultSteps(asked, state.stepCount);
  for (const entry of asked) {
    const placed = state.stepOf[entry];
    if (placed !== undefined) steps[entry] = Math.min(Math.max(placed, 1), state.stepCount);
  }
  return steps;
}

/** Each of the `stepCount` steps' asked entries, in form order; a step nobody's entry is on is empty. */
export function entriesByStep(state: BuilderState, asked = askedEntries(state)): string[][] {
  const steps = stepsOf(state, asked);
  return Array.from({ length: state.stepCount }, (_, i) => asked.filter((entry) => steps[entry] === i + 1));
}

/** The groups of `steps`, each the asked entries on that step in form order; empty groups dropped. */
export function stepGroups(state: BuilderState, asked = askedEntries(state)): string[][] {
  if (state.stepCount <= 1) return [];
  const filled = entriesByStep(state, asked).filter((group) => group.length > 0);
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
