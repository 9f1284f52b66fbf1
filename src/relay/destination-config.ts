import type { Adapter } from '../adapters/adapter.js';
import type { AnswerField } from '../adapters/answers.js';
import { FIELD_KEYS, isFieldKey, type FieldKey } from '../fields/keys.js';
import { isPhoneCountry, type PhoneCountry } from '../fields/phone.js';
import { parseQuestions } from '../fields/question-definitions.js';
import { localText, type Question } from '../fields/questions.js';
import { matchKindOf, MATCH_FIELDS } from '../ledger/match-keys.js';
import { extraParameters } from '../tracking/capture.js';
import { parseChallengeSettings, type ChallengeConfigFile, type ChallengeSettings } from './challenge.js';
import { ADAPTER_KINDS, checkLeadRequires, isAdapterName } from './registry.js';
import { parseTrustedFormSettings, type TrustedFormConfigFile, type TrustedFormSettings } from './trustedform-settings.js';
import { positiveInteger, RelayConfigError, resolveSettings, type Environment, type SettingValue } from './settings.js';

/** One entry of the configuration file's `destinations`, as written (config.ts has the rest of the file). */
export interface DestinationConfigFile {
  readonly adapter: string;
  /**
   * The fields this destination's forms send. A lead carrying any other is refused (`unknown_field`)
   * before any of its values is read; default: every catalogue field.
   */
  readonly fields?: readonly string[];
  /** Fields (and questions) a lead must carry for this destination (what its API insists on). */
  readonly required?: readonly string[];
  /**
   * The page's own questions this destination takes: the same definitions as the widget's
   * `questions` (src/fields/questions.ts). Answers are validated from these, never from the
   * browser's copy; a lead carrying an answer to any other question is refused (`unknown_field`).
   */
  readonly questions?: unknown;
  /**
   * Questions whose answers go to a field of the destination's own instead of the adapter's default
   * place: `{ "debt_amount": "12" }` (an iVvy custom field id, a TrackerRMS lead field, a CRM.COM
   * `udf_string_N`, a Pingtree source field). Checked per adapter at start.
   */
  readonly questionFields?: Readonly<Record<string, string>>;
  /**
   * The page's own tracking parameters (its `tracking-params`) this destination keeps in `tracking`
   * and `first_touch`, beside ours; in snake_case as the widget sends them (`promoCode` is read as
   * `promo_code`). Other unknown tracking keys are dropped.
   */
  readonly trackingParams?: readonly string[];
  readonly requireConsent?: boolean;
  /**
   * The disclosures this destination accepts, by SHA-256 of their text or by version: a lead whose
   * consent is none of them is refused (422), and a lead without consent too.
   */
  readonly consent?: { readonly accept?: readonly string[] };
  readonly country?: string;
  readonly minAge?: number;
  /** A lead matching a lead delivered here within `days` on any of `fields` is answered `duplicate`, unsent. */
  readonly dedupe?: { readonly fields: readonly string[]; readonly days: number };
  /** Leads whose email or phone is on the suppression list (`npm run leads -- suppress`) are never forwarded. */
  readonly suppression?: boolean;
  /** This destination's own challenge check, in place of `botProtection.challenge`. */
  readonly challenge?: ChallengeConfigFile;
  /** Claim (retain) the lead's TrustedForm certificate before delivery (src/relay/trustedform-claim.ts). */
  readonly trustedform?: TrustedFormConfigFile;
  readonly settings: Readonly<Record<string, SettingValue>>;
}

export interface Destination {
  readonly name: string;
  readonly adapter: Adapter;
  readonly fields: readonly FieldKey[];
  /** Catalogue fields and question names. */
  readonly required: readonly string[];
  /** The questions whose answers a lead may carry, checked by the rules their definitions build. */
  readonly questions: readonly Question[];
  /** Extra tracking keys kept beside ours. */
  readonly trackingParams: readonly string[];
  readonly requireConsent: boolean;
  /** Accepted disclosure hashes or versions; undefined: any disclosure whose hash matches its text. */
  readonly acceptConsent: readonly string[] | undefined;
  readonly country: PhoneCountry;
  readonly minAge: number;
  readonly dedupe: { readonly fields: readonly FieldKey[]; readonly days: number } | undefined;
  readonly suppression: boolean;
  /** The challenge a lead for this destination must pass: its own, else the relay's. */
  readonly challenge: ChallengeSettings | undefined;
  readonly trustedform: TrustedFormSettings | undefined;
}

function fieldList(list: readonly string[], where: string): FieldKey[] {
  if (!Array.isArray(list)) throw new RelayConfigError(`${where}: a list of field names is required`);
  const unknown = list.filter((key) => typeof key !== 'string' || !isFieldKey(key));
  if (unknown.length > 0) throw new RelayConfigError(`${where}: unknown fields ${unknown.join(', ')} (known: ${FIELD_KEYS.join(' ')})`);
  return list as FieldKey[];
}

function consentList(list: readonly string[] | undefined, where: string): readonly string[] | undefined {
  if (list === undefined) return undefined;
  if (!Array.isArray(list) || list.length === 0 || list.some((entry) => typeof entry !== 'string' || entry === '')) {
    throw new RelayConfigError(`${where}: a list of disclosure SHA-256 hashes or versions is required`);
  }
  return list.map((entry) => (/^[0-9a-f]{64}$/i.test(entry) ? entry.toLowerCase() : entry));
}

function dedupeRule(value: DestinationConfigFile['dedupe'], fields: readonly FieldKey[], where: string): Destination['dedupe'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.fields) || value.fields.length === 0) {
    throw new RelayConfigError(`${where}: expected { "fields": ["email", "mobile"], "days": 30 }`);
  }
  const unmatched = value.fields.filter((field) => typeof field !== 'string' || matchKindOf(field) === undefined);
  if (unmatched.length > 0) throw new RelayConfigError(`${where}.fields: ${unmatched.join(', ')} cannot be compared (one of ${Object.keys(MATCH_FIELDS).join(', ')})`);
  const unsent = value.fields.filter((field) => !fields.includes(field as FieldKey));
  if (unsent.length > 0) throw new RelayConfigError(`${where}.fields: ${unsent.join(', ')} not in the destination's fields`);
  if (value.days === undefined) throw new RelayConfigError(`${where}.days: how many days back a lead counts as a duplicate is required`);
  return { fields: value.fields as FieldKey[], days: positiveInteger(value.days, 0, `${where}.days`) };
}

function questionList(value: unknown, where: string): readonly Question[] {
  if (value === undefined) return [];
  const { questions, problems } = parseQuestions(value);
  // The widget skips a definition that cannot work; the relay, like the rest of its config, refuses to start.
  if (problems.length > 0) throw new RelayConfigError(`${where}: ${problems.join('; ')}`);
  return questions;
}

/** Each question's label and the destination field its config maps it to, as adapters take them. */
function answerFields(
  questions: readonly Question[],
  mapping: Readonly<Record<string, string>> | undefined,
  check: (field: string) => string | undefined,
  where: string,
): AnswerField[] {
  if (mapping !== undefined && (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))) {
    throw new RelayConfigError(`${where}: an object of question names to destination fields is required`);
  }
  for (const [question, field] of Object.entries(mapping ?? {})) {
    if (!questions.some((each) => each.name === question)) throw new RelayConfigError(`${where}.${question}: not one of this destination's questions`);
    if (typeof field !== 'string' || field === '') throw new RelayConfigError(`${where}.${question}: a destination field name is required`);
    const problem = check(field);
    if (problem !== undefined) throw new RelayConfigError(`${where}.${question}: "${field}" ${problem}`);
  }
  const taken = Object.values(mapping ?? {}).find((field, index, all) => all.indexOf(field) !== index);
  if (taken !== undefined) throw new RelayConfigError(`${where}: "${taken}" is mapped from two questions; one answer would be lost`);
  // Labels in English: the lines are read by the destination's staff, whatever the visitor's language.
  return questions.map((question) => ({
    name: question.name,
    label: localText(question.label, 'en'),
    ...(mapping?.[question.name] === undefined ? {} : { field: mapping[question.name] }),
  }));
}

function trackingParamList(list: readonly string[] | undefined, where: string): readonly string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list) || list.some((name) => typeof name !== 'string')) throw new RelayConfigError(`${where}: a list of parameter names is required`);
  const { extras, refused } = extraParameters(list);
  if (refused.length > 0) throw new RelayConfigError(`${where}: ${refused.join(', ')} cannot be a tracking key (letters, digits and _, 40 at most)`);
  return extras.map((extra) => extra.key);
}

/**
 * Checks one destination of the configuration file and builds its adapter, with its settings read
 * from `env`; `challenge` is the relay's own, taken where the destination has none. Throws
 * `RelayConfigError` with one sentence naming the place. Pure.
 */
export function resolveDestination(name: string, destination: DestinationConfigFile, env: Environment, challenge: ChallengeSettings | undefined): Destination {
  const where = `destinations.${name}`;
  if (!isAdapterName(destination.adapter)) {
    throw new RelayConfigError(`${where}.adapter: "${destination.adapter}" is not one of ${Object.keys(ADAPTER_KINDS).join(', ')}`);
  }
  const kind = ADAPTER_KINDS[destination.adapter];
  const settings = resolveSettings(destination.settings ?? {}, kind.secrets, `${where}.settings`, env);
  for (const key of kind.required) {
    if (settings[key] === undefined) throw new RelayConfigError(`${where}.settings.${key} is required for ${destination.adapter}`);
  }
  const problem = kind.validate(settings, `${where}.settings`);
  if (problem !== undefined) throw new RelayConfigError(problem);
  const questions = questionList(destination.questions, `${where}.questions`);
  const isQuestion = (key: unknown) => questions.some((question) => question.name === key);
  // A question's name may stand in `fields` as in the widget's attribute; the catalogue keys stay closed.
  const fields = fieldList((destination.fields ?? FIELD_KEYS).filter((key) => !isQuestion(key)), `${where}.fields`);
  const required = destination.required ?? [];
  fieldList(required.filter((key) => !isQuestion(key)), `${where}.required`);
  const undeclared = required.filter((key) => !isQuestion(key) && !fields.includes(key as FieldKey));
  if (undeclared.length > 0) throw new RelayConfigError(`${where}.required: ${undeclared.join(', ')} not in its fields`);
  const uncovered = checkLeadRequires(destination.adapter, required, `${where}.required`);
  if (uncovered !== undefined) throw new RelayConfigError(uncovered);
  const answers = answerFields(questions, destination.questionFields, (field) => kind.answerField(field, settings), `${where}.questionFields`);
  const country = destination.country ?? 'US';
  if (!isPhoneCountry(country)) throw new RelayConfigError(`${where}.country: "${country}" has no phone metadata`);
  const acceptConsent = consentList(destination.consent?.accept, `${where}.consent.accept`);
  if (destination.suppression !== undefined && typeof destination.suppression !== 'boolean') throw new RelayConfigError(`${where}.suppression: true or false`);
  return {
    name,
    adapter: kind.build(settings, answers),
    fields,
    required,
    questions,
    trackingParams: trackingParamList(destination.trackingParams, `${where}.trackingParams`),
    requireConsent: (destination.requireConsent ?? false) || acceptConsent !== undefined,
    acceptConsent,
    country,
    minAge: destination.minAge ?? 18,
    dedupe: dedupeRule(destination.dedupe, fields, `${where}.dedupe`),
    suppression: destination.suppression ?? false,
    challenge: destination.challenge === undefined ? challenge : parseChallengeSettings(destination.challenge, `${where}.challenge`, env),
    trustedform: destination.trustedform === undefined ? undefined : parseTrustedFormSettings(destination.trustedform, `${where}.trustedform`, env),
  };
}

