import { FIELD_KEYS, isFieldKey } from '../fields/keys.js';
import { QUESTION_TYPES, type QuestionType } from '../fields/questions.js';
import { DESTINATION_CHOICES, isDestinationChoice, type DestinationChoice } from './destinations.js';
import { isQuestionId } from './questions.js';
import {
  DEFAULT_STATE, MAX_STEPS, RELAY_EXAMPLE, WEBHOOK_EXAMPLE, askedEntries, defaultRequired, defaultSteps, entriesByStep,
  type BuilderQuestion, type BuilderState,
} from './state.js';

/**
 * The builder's settings in its page URL, so a link reopens them. Parameters are named after the
 * attributes they become; each is written only when it differs from a new form's, and read
 * forgivingly: anything unreadable falls back to the default, never an error.
 */

function endpointExample(destination: DestinationChoice): string {
  return DESTINATION_CHOICES[destination].direct ? WEBHOOK_EXAMPLE : RELAY_EXAMPLE;
}

function nameOf(state: BuilderState, entry: string): string {
  return isQuestionId(entry) ? (state.questions.find((question) => question.id === entry)?.name ?? '') : entry;
}

export function stateToQuery(state: BuilderState): string {
  const query = new URLSearchParams();
  const set = (name: string, value: string, fallback: string) => {
    if (value !== fallback) query.set(name, value);
  };
  set('destination', state.destination, DEFAULT_STATE.destination);
  set('endpoint', state.endpoint, endpointExample(state.destination));
  const asked = askedEntries(state);
  set('fields', asked.map((entry) => nameOf(state, entry)).join(' '), DEFAULT_STATE.included.join(' '));
  // Written only when it differs from what the asked fields require by default (`required=` for none).
  const required = state.required.filter((key) => state.included.includes(key));
  const byDefault = defaultRequired(state.included);
  if (required.length !== byDefault.length || byDefault.some((key) => !required.includes(key))) query.set('required', required.join(' '));
  if (state.questions.length > 0) {
    query.set('questions', JSON.stringify(state.questions.map(({ name, label, type, options, required }) => ({ name, label, type, options, required }))));
  }
  if (state.stepCount > 1) {
    // Every step, empty ones too, so the link keeps the number of steps chosen.
    const groups = entriesByStep(state, asked).map((group) => group.map((entry) => nameOf(state, entry)).join(' '));
    query.set('steps', groups.join(' | '));
  }
  set('consent', state.consent, '');
  set('sellers', state.sellers, '');
  set('consent-timing', state.consentTiming, DEFAULT_STATE.consentTiming);
  set('trustedform', state.trustedform ? 'on' : '', '');
  set('jornaya', state.jornaya, '');
  set('success-url', state.successUrl, '');
  set('rejected-url', state.rejectedUrl, '');
  set('datalayer', state.datalayer ? '' : 'off', '');
  set('enhanced-conversions', state.enhancedConversions ? 'on' : '', '');
  set('locale', state.locale, DEFAULT_STATE.locale);
  set('theme', state.theme, DEFAULT_STATE.theme);
  set('layout', state.layout, DEFAULT_STATE.layout);
  set('accent', state.accent, '');
  set('radius', String(state.radius), String(DEFAULT_STATE.radius));
  set('submit-label', state.submitLabel, '');
  set('script', state.scriptUrl, DEFAULT_STATE.scriptUrl);
  set('script-type', state.scriptType, DEFAULT_STATE.scriptType);
  set('prerender', state.prerender ? '' : 'off', '');
  return query.toString();
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function readQuestions(text: string | null): BuilderQuestion[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item, i) => ({
      id: `#${i + 1}`,
      name: typeof item['name'] === 'string' ? item['name'] : '',
      label: typeof item['label'] === 'string' ? item['label'] : '',
      type: oneOf<QuestionType>(typeof item['type'] === 'string' ? item['type'] : null, QUESTION_TYPES, 'text'),
      options: Array.isArray(item['options']) ? item['options'].filter((option): option is string => typeof option === 'string') : [],
      required: item['required'] === true,
    }));
}

function words(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function stateFromQuery(search: string): BuilderState {
  const query = new URLSearchParams(search);
  const destination = isDestinationChoice(query.get('destination') ?? '') ? (query.get('destination') as DestinationChoice) : DEFAULT_STATE.destination;
  const questions = readQuestions(query.get('questions'));
  // Names in `fields` become entries: a catalogue key as it is, a question's name its id (each once).
  const unplaced = [...questions];
  const toEntry = (name: string): string | undefined => {
    if (isFieldKey(name)) return name;
    const index = unplaced.findIndex((question) => question.name === name);
    return index < 0 ? undefined : unplaced.splice(index, 1)[0]!.id;
  };
  const asked = query.has('fields') ? [...new Set(words(query.get('fields') ?? '').map(toEntry).filter((entry): entry is string => entry !== undefined))] : [...DEFAULT_STATE.included];
  const included = [...asked, ...unplaced.map((question) => question.id)];
  const order = [...included, ...FIELD_KEYS.filter((key) => !included.includes(key))];

  const groups = (query.get('steps') ?? '').split('|').map(words);
  const stepCount = query.has('steps') ? Math.min(Math.max(groups.length, 1), MAX_STEPS) : 1;
  // An entry the link puts where the default split would is left to it (and follows it when the
  // number of steps changes); any other is where the person put it. An entry the link names on no
  // step is split by default too.
  const byDefault = defaultSteps(included, stepCount);
  const stepOf: Record<string, number> = {};
  const named = { ...DEFAULT_STATE, questions };
  for (const [i, group] of groups.entries()) {
    for (const name of group) {
      const entry = included.find((each) => nameOf(named, each) === name);
      const step = Math.min(i + 1, stepCount);
      if (entry !== undefined && byDefault[entry] !== step) stepOf[entry] = step;
    }
  }
  const radius = Number(query.get('radius'));
  const accent = query.get('accent') ?? '';
  return {
    destination,
    endpoint: query.get('endpoint') ?? endpointExample(destination),
    order,
    included,
    // No `required`: the contact fields asked, as for a new form. Links from before the builder required
    // anything have none; they meant "nothing", but mostly because nothing was then the default, and
    // that form sent blank leads.
    required: query.has('required') ? words(query.get('required') ?? '').filter((key) => isFieldKey(key) && included.includes(key)) : defaultRequired(included),
    questions,
    stepCount,
    stepOf,
    consent: query.get('consent') ?? '',
    sellers: query.get('sellers') ?? '',
    consentTiming: oneOf(query.get('consent-timing'), ['create', 'submit'], DEFAULT_STATE.consentTiming),
    trustedform: query.get('trustedform') === 'on',
    jornaya: query.get('jornaya') ?? '',
    successUrl: query.get('success-url') ?? '',
    rejectedUrl: query.get('rejected-url') ?? '',
    datalayer: query.get('datalayer') !== 'off',
    enhancedConversions: query.get('enhanced-conversions') === 'on',
    locale: oneOf(query.get('locale'), ['en', 'es'], DEFAULT_STATE.locale),
    theme: oneOf(query.get('theme'), ['light', 'dark', 'auto'], DEFAULT_STATE.theme),
    layout: oneOf(query.get('layout'), ['grid', 'stacked', 'inline'], DEFAULT_STATE.layout),
    accent: /^#[0-9a-f]{6}$/i.test(accent) ? accent.toLowerCase() : '',
    radius: query.has('radius') && Number.isInteger(radius) && radius >= 0 && radius <= 32 ? radius : DEFAULT_STATE.radius,
    submitLabel: query.get('submit-label') ?? '',
    scriptUrl: query.get('script') ?? DEFAULT_STATE.scriptUrl,
    scriptType: oneOf(query.get('script-type'), ['module', 'classic'], DEFAULT_STATE.scriptType),
    prerender: query.get('prerender') !== 'off',
  };
}
