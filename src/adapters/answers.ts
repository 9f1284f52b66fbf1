import type { LeadFields } from './lead.js';

/**
 * The page's own questions as a destination adapter sees them (DESIGN.md, "Questions and steps"):
 * the relay hands each adapter the questions of its destination's config, and the adapter puts the
 * answers where its system keeps them. Pure, like every mapping, and free of the question parser
 * (adapters import nothing of ours but `adapters/`).
 */
export interface AnswerField {
  /** The answer's key in the lead (the question's `name`). */
  readonly name: string;
  /** Written beside the answer: `Total debt: 25000`. */
  readonly label: string;
  /** The destination's own field for this answer, when its config maps one; else the adapter's default place. */
  readonly field?: string;
}

/** What an adapter's mapping takes besides its settings: its destination's questions, from the relay's config. */
export interface WithQuestions {
  readonly questions?: readonly AnswerField[];
}

export interface Answer extends AnswerField {
  readonly value: string;
}

/** The answers this lead carries, in the questions' order; unanswered questions are left out. */
export function answersIn(lead: LeadFields, questions: readonly AnswerField[] = []): Answer[] {
  return questions.flatMap((question) => {
    const value = lead[question.name];
    return value === undefined || value === '' ? [] : [{ ...question, value }];
  });
}

/** Answers the destination config maps to fields of the destination's own: `{ field: answer }`. */
export function answersByField(lead: LeadFields, questions: readonly AnswerField[] = []): Record<string, string> {
  return Object.fromEntries(answersIn(lead, questions).flatMap((answer) => (answer.field ? [[answer.field, answer.value]] : [])));
}

/** Answers no field was mapped for, under their own names: what Pingtree and a webhook take as keys. */
export function answersByName(lead: LeadFields, questions: readonly AnswerField[] = []): Record<string, string> {
  return Object.fromEntries(answersIn(lead, questions).flatMap((answer) => (answer.field ? [] : [[answer.name, answer.value]])));
}

/**
 * One `Label: answer` line per answer no field was mapped for: how a CRM without custom fields in
 * its API (iVvy, TrackerRMS, CRM.COM) keeps them where a person reads, appended to the description
 * (`describeWith`) after the person's own text.
 */
export function answerLines(lead: LeadFields, questions: readonly AnswerField[] = []): string[] {
  return answersIn(lead, questions).flatMap((answer) => (answer.field ? [] : [`${answer.label}: ${answer.value}`]));
}

/**
 * Whether a destination config's mapping of a question to one of the destination's fields can work
 * (`questionFields` in the relay's config): a sentence saying why not, or undefined. Each adapter
 * states its own rule (the fields its system has and the adapter leaves free), checked when the
 * relay loads its configuration, so a mapping never silently drops an answer.
 */
export type AnswerFieldCheck = (field: string, settings: Readonly<Record<string, unknown>>) => string | undefined;

/** For destinations with no field to map an answer to (the webhook's lead keeps it under its name). */
export function noAnswerFields(why: string): AnswerFieldCheck {
  return () => why;
}
