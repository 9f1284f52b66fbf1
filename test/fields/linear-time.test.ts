import { expect } from '@open-wc/testing';
import { answerSchema, numberAnswer } from '../../src/fields/answers.js';
import { FIELD_KEYS } from '../../src/fields/keys.js';
import * as normalise from '../../src/fields/normalise.js';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import { QUESTION_TYPES } from '../../src/fields/questions.js';
import { createLeadValidator } from '../../src/fields/validate.js';
import { CASE_RULES } from './cases.js';

/**
 * Issue 11: `multiLine` ran `/[^\S\n]+$/gmu`, which backtracks over a run of spaces from each of its
 * positions. One 64 KB description of spaces held the relay's event loop for 4.7 s. Every normaliser
 * and every field's rule must take time in proportion to its input: here each gets 60,000-character
 * values built to make a backtracking pattern work hardest (long runs of one character, then one
 * that breaks the match). Linear code answers each in a few milliseconds; quadratic code takes
 * seconds. The bound is far above the first and far below the second, so only super-linear code fails it.
 */
const LENGTH = 60_000;
const BOUND_MS = 1000;

/** The characters patterns over text repeat: spaces of every kind, separators, name and date punctuation. */
const RUNS = [' ', '\t', '\u00a0', '\u3000', '\n', ' \n', '\r\n', '\r', '-', '.', "'", 'a', 'A', '1', '/', 'a@', 'a.', '@a', 'a ', 'e\u0301', '<'];
/** What ends a run: a letter, a control character, an emoji, markup, nothing. */
const ENDINGS = ['', 'x', '!', '\u0000', '😀', '>'];

function pathologicalValues(): string[] {
  const values: string[] = [];
  for (const run of RUNS) {
    const body = run.repeat(Math.ceil(LENGTH / run.length)).slice(0, LENGTH);
    for (const ending of ENDINGS) values.push(body + ending, `x${body}${ending}`);
  }
  return values;
}

function describeValue(value: string): string {
  return `${JSON.stringify(value.slice(0, 6))}… (${value.length} characters) ending ${JSON.stringify(value.slice(-2))}`;
}

/** Runs each pathological value through `run`, failing on the first that takes longer than the bound. */
function expectLinear(run: (value: string) => unknown): void {
  for (const value of pathologicalValues()) {
    const started = performance.now();
    run(value);
    const ms = performance.now() - started;
    expect(ms, describeValue(value)).to.be.below(BOUND_MS);
  }
}

describe('linear time: 60,000-character pathological values', () => {
  const normalisers = Object.entries(normalise).filter((entry): entry is [string, (value: string) => string] => typeof entry[1] === 'function');

  it('covers every normaliser the module exports', () => {
    expect(normalisers.map(([name]) => name)).to.include.members(['foldWidth', 'singleLine', 'multiLine', 'email', 'city', 'zipCode', 'isoDate']);
  });

  for (const [name, normaliser] of normalisers) {
    it(`normalise.${name} answers each within ${BOUND_MS} ms`, () => {
      expectLinear(normaliser);
    });
  }

  it('numberAnswer (the number questions\' normaliser) answers each within ${BOUND_MS} ms', () => {
    expectLinear(numberAnswer);
  });

  const { questions } = parseQuestions(
    QUESTION_TYPES.map((type) => ({ name: `q_${type}`, label: type, type, ...(type === 'select' || type === 'radio' ? { options: ['Yes', 'No'] } : {}) })),
  );
  for (const question of questions) {
    it(`a ${question.type} question's rule answers each within ${BOUND_MS} ms, refusing it`, () => {
      const schema = answerSchema(question);
      expectLinear((value) => expect(schema.safeParse(value).success, describeValue(value)).to.equal(false));
    });
  }

  const validator = createLeadValidator({ ...CASE_RULES, fields: FIELD_KEYS, required: [] });
  for (const key of FIELD_KEYS) {
    it(`the ${key} rule answers each within ${BOUND_MS} ms, never accepting a value`, () => {
      expectLinear((value) => {
        const result = validator.field(key, value);
        // Far longer than any field allows: refused, or (all spaces) an empty optional field.
        expect(result.ok ? result.value : undefined, describeValue(value)).to.equal(undefined);
      });
    });
  }
});
