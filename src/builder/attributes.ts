import { DEFAULT_FIELDS } from '../element/config.js';
import { isFieldKey } from '../fields/keys.js';
import { contrastRatio, parseColour, WHITE } from '../consent/contrast.js';
import { DESTINATION_CHOICES } from './destinations.js';
import { entryName, questionDefinition, usableQuestions } from './questions.js';
import { askedEntries, DEFAULT_RADIUS, DEFAULT_STATE, stepGroups, type BuilderState } from './state.js';

/** One attribute of the embed: a string value, or `true` for a boolean attribute written bare. */
export type EmbedAttribute = readonly [name: string, value: string | true];

/** The asked names in form order, questions that cannot work left out. */
function fieldNames(state: BuilderState, entries: readonly string[]): string[] {
  return entries.map((entry) => entryName(state, entry)).filter((name): name is string => name !== undefined);
}

/** The dark theme's text colour (src/element/styles.ts), the other choice for text on an accent. */
const NEAR_BLACK = '#0d1117';

/** The button text for an accent: white or near-black, whichever has the higher WCAG contrast. */
export function textOn(accent: string): string {
  const colour = parseColour(accent) ?? WHITE;
  return contrastRatio(WHITE, colour) >= contrastRatio(parseColour(NEAR_BLACK)!, colour) ? '#ffffff' : NEAR_BLACK;
}

/** The widget's custom properties for the chosen accent and radius, as `[property, value]`. */
export function styleProperties(state: BuilderState): [string, string][] {
  const properties: [string, string][] = [];
  if (state.accent !== '') properties.push(['--lead-capture-accent', state.accent], ['--lead-capture-accent-text', textOn(state.accent)]);
  if (state.radius !== DEFAULT_RADIUS) {
    // The defaults are 8px outside, 6px for inputs and the button: keep that proportion.
    const inner = `${Math.round((state.radius * 3) / 4)}px`;
    properties.push(['--lead-capture-radius', `${state.radius}px`], ['--lead-capture-input-radius', inner], ['--lead-capture-button-radius', inner]);
  }
  return properties;
}

/**
 * The `<lead-capture>` attributes for a state, in a fixed, readable order, each only when it
 * differs from the widget's default (test/builder/attributes.test.ts holds the defaults against a
 * real element).
 */
export function embedAttributes(state: BuilderState): EmbedAttribute[] {
  const out: [string, string | true][] = [];
  const add = (name: string, value: string | true | false) => {
    if (value !== false && value !== '') out.push([name, value]);
  };
  const choice = DESTINATION_CHOICES[state.destination];
  const asked = askedEntries(state);
  const fields = fieldNames(state, asked);
  add('endpoint', state.endpoint.trim());
  if (choice.direct) add('adapter', 'webhook');
  else add('destination', state.destination);
  add('fields', fields.join(' ') === DEFAULT_FIELDS.join(' ') ? '' : fields.join(' '));
  add('required', fields.filter((name) => isFieldKey(name) && state.required.includes(name)).join(' '));
  const questions = usableQuestions(state).filter((question) => state.included.includes(question.id));
  if (questions.length > 0) add('questions', JSON.stringify(questions.map(questionDefinition)));
  const steps = stepGroups(state, asked).map((group) => fieldNames(state, group)).filter((group) => group.length > 0);
  add('steps', steps.length > 1 ? steps.map((group) => group.join(' ')).join(' | ') : '');
  add('locale', state.locale !== DEFAULT_STATE.locale && state.locale);
  add('consent', state.consent.trim());
  add('sellers', state.sellers.trim());
  add('consent-timing', state.consentTiming !== DEFAULT_STATE.consentTiming && state.consentTiming);
  add('trustedform', state.trustedform);
  add('jornaya', state.jornaya.trim());
  add('success-url', state.successUrl.trim());
  add('rejected-url', state.rejectedUrl.trim());
  add('datalayer', !state.datalayer && 'off');
  add('enhanced-conversions', state.enhancedConversions);
  add('theme', state.theme !== DEFAULT_STATE.theme && state.theme);
  add('layout', state.layout !== DEFAULT_STATE.layout && state.layout);
  add('submit-label', state.submitLabel.trim());
  add('style', styleProperties(state).map(([property, value]) => `${property}: ${value}`).join('; '));
  return out;
}
