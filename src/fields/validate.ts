import { answerSchema } from './answers.js';
import { isFieldKey, type FieldKey } from './keys.js';
import { isRequiredQuestion, type Question } from './questions.js';
import { fieldSchema, type FieldErrorCode, type FieldSchema, type RuleOptions, type UsStateLookup } from './rules.js';
import { toUsStateCode } from './us-states.js';

/** What a page asks for and what it insists on, plus the options the rules run under. */
export interface LeadRules extends RuleOptions {
  /** The catalogue fields the form shows; a lead may carry these, its questions' answers, and no others. */
  readonly fields: readonly FieldKey[];
  /** The fields (and questions) that must be filled. */
  readonly required: readonly string[];
  /**
   * The page's own questions (questions.ts), each adding one key with the rule built from its
   * definition: the catalogue keys stay closed, and a question's name is the only way to add one.
   */
  readonly questions?: readonly Question[];
}

export type FieldErrors = Readonly<Partial<Record<string, FieldErrorCode>>>;

export type FieldResult =
  | { readonly ok: true; readonly value: string | undefined }
  | { readonly ok: false; readonly error: FieldErrorCode };

export type LeadValidation =
  | { readonly ok: true; readonly lead: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly errors: FieldErrors };

export interface LeadValidator {
  readonly rules: LeadRules;
  /** One field or answer: an empty optional one is valid with no value; an empty required one is not. */
  field(key: string, raw: unknown): FieldResult;
  /** The whole lead: normalised values of the filled fields, or the first problem of each bad field. */
  lead(raw: Readonly<Record<string, unknown>>): LeadValidation;
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function firstError(schema: FieldSchema, raw: string): FieldResult {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: (result.error.issues[0]?.message ?? 'characters') as FieldErrorCode };
}

/**
 * Builds the one validator the widget and the relay share (issue 3: "one definition, two checkers"),
 * with the whole states' table (us-states.ts).
 */
export function createLeadValidator(rules: LeadRules): LeadValidator {
  return leadValidatorWith(toUsStateCode, rules);
}

/**
 * `createLeadValidator` with the states' table handed in: the widget's rules (its validation chunk)
 * take it from the chunk a form asking for the state loads before it first renders
 * (`lead-capture.us-states.js`), so no other form fetches it. A field's schema is built the first
 * time that field is checked, once per set of rules: a form of five fields never pays for the other
 * twelve.
 */
export function leadValidatorWith(usState: UsStateLookup, rules: LeadRules): LeadValidator {
  const questions = new Map((rules.questions ?? []).map((question) => [question.name, question]));
  const keys: readonly string[] = [...rules.fields, ...questions.keys()];
  const built = new Map<string, FieldSchema>();
  const schemaOf = (key: FieldKey | Question): FieldSchema => {
    const name = typeof key === 'string' ? key : key.name;
    let schema = built.get(name);
    if (!schema) built.set(name, (schema = typeof key === 'string' ? fieldSchema(key, rules, usState) : answerSchema(key)));
    return schema;
  };
  const field = (key: string, raw: unknown): FieldResult => {
    const question = questions.get(key);
    const rule = question ?? (isFieldKey(key) ? key : undefined);
    if (rule === undefined) return { ok: false, error: 'unknown_field' };
    const required = question ? isRequiredQuestion(question, rules.required) : rules.required.includes(key);
    if (isBlank(raw)) return required ? { ok: false, error: 'required' } : { ok: true, value: undefined };
    // A number or an object where text belongs: say so rather than guess at a string form.
    if (typeof raw !== 'string') return { ok: false, error: 'characters' };
    return firstError(schemaOf(rule), raw);
  };
  const lead = (raw: Readonly<Record<string, unknown>>): LeadValidation => {
    const values: Record<string, string> = {};
    const errors: Partial<Record<string, FieldErrorCode>> = {};
    for (const key of Object.keys(raw)) {
      if (!keys.includes(key)) errors[key] = 'unknown_field';
    }
    for (const key of keys) {
      const result = field(key, raw[key]);
      if (!result.ok) errors[key] = result.error;
      else if (result.value !== undefined) values[key] = result.value;
    }
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, lead: values };
  };
  return { rules, field, lead };
}

/** Today's date as `YYYY-MM-DD` in the person's own time zone, for `RuleOptions.today`. */
export function localIsoDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}
