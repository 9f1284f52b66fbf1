import { DESTINATION_CHOICES, secretNames, type SettingExample } from './destinations.js';
import { questionDefinition, usableQuestions } from './questions.js';
import { isFieldKey } from '../fields/keys.js';
import { askedEntries, type BuilderState } from './state.js';

/** The part of `relay.config.json` the chosen destination needs, and the secrets it reads. */
export interface RelayFragment {
  /** `{ "destinations": { NAME: {…} } }`, to merge into the relay's config. */
  readonly json: string;
  /** Environment variables the relay must have (the fragment refers to them as `{ "env": … }`). */
  readonly secrets: readonly string[];
}

/**
 * The relay config for the chosen destination (src/relay/config.ts, `DestinationConfigFile`): its
 * adapter, the fields the form sends and those its API insists on, consent required when the form asks it before sending,
 * the page's questions (the relay validates answers from its own copy, never the browser's), and
 * example settings with every secret an `{ "env": … }` reference. Undefined for a direct webhook.
 */
export function relayFragment(state: BuilderState): RelayFragment | undefined {
  const choice = DESTINATION_CHOICES[state.destination];
  if (choice.direct) return undefined;
  const questions = usableQuestions(state).filter((question) => state.included.includes(question.id));
  const destination: Record<string, unknown> = { adapter: choice.adapter };
  // The relay refuses a lead with any other field (src/relay/config.ts): the form's, and what the API needs.
  const asked: string[] = askedEntries(state).filter(isFieldKey);
  destination['fields'] = [...asked, ...choice.needs.filter((key) => !asked.includes(key))];
  if (choice.needs.length > 0) destination['required'] = choice.needs;
  if (state.consent.trim() !== '' && state.consentTiming === 'create') destination['requireConsent'] = true;
  if (questions.length > 0) destination['questions'] = questions.map(questionDefinition);
  destination['settings'] = choice.settings satisfies Readonly<Record<string, SettingExample>>;
  return {
    json: `${readableJson({ destinations: { [state.destination]: destination } })}\n`,
    secrets: secretNames(state.destination),
  };
}

/** JSON on one line, spaced as people write it: `{ "env": "NAME" }`, `["a", "b"]`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** JSON indented by two, with each list or object that fits in `width` characters on one line. */
export function readableJson(value: unknown, indent = '', width = 88): string {
  const flat = inline(value);
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= width) return flat;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${readableJson(item, inner, width)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${readableJson(item, inner, width)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}
