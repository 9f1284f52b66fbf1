import { expect } from '@open-wc/testing';
import { answerMaxLength, answerSchema, numberAnswer, rangeParams } from '../../src/fields/answers.js';
import { FIELD_MESSAGES } from '../../src/fields/messages/index.js';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import type { Question } from '../../src/fields/questions.js';
import type { FieldErrorCode } from '../../src/fields/rules.js';

const { questions } = parseQuestions([
  { name: 'debt_amount', label: 'Total debt', type: 'number', min: 1000, max: 1_000_000 },
  { name: 'household_size', label: 'People in your household', type: 'number', min: 1 },
  { name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', 'No'] },
  { name: 'debt_type', label: 'Kind of debt', type: 'select', options: [{ value: 'cc', label: 'Credit cards' }, 'Medical'] },
  { name: 'hardship', label: 'Facing a hardship?', type: 'checkbox' },
  { name: 'best_time', label: 'Best time to call' },
  { name: 'short_note', label: 'Note', maxLength: 10 },
  { name: 'story', label: 'Your story', type: 'textarea' },
]);
const byName = (name: string): Question => questions.find((question) => question.name === name)!;

function judge(name: string, input: string): { value: string } | { error: FieldErrorCode } {
  const result = answerSchema(byName(name)).safeParse(input);
  return result.success ? { value: result.data } : { error: result.error.issues[0]?.message as FieldErrorCode };
}

/** What a person types, and what is sent or why it is refused. */
const CASES: [question: string, input: string, expected: { value: string } | { error: FieldErrorCode }, why: string][] = [
  ['debt_amount', '25000', { value: '25000' }, 'digits'],
  ['debt_amount', '25,000', { value: '25000' }, 'thousands grouped with commas'],
  ['debt_amount', ' 1,000,000 ', { value: '1000000' }, 'the maximum, grouped and padded'],
  ['debt_amount', '0025000', { value: '25000' }, 'leading zeros dropped'],
  ['debt_amount', '+25000', { value: '25000' }, 'a plus sign dropped'],
  ['debt_amount', '2500.50', { value: '2500.50' }, 'a fraction kept as typed'],
  ['debt_amount', '１２３４', { value: '1234' }, 'full-width digits'],
  ['debt_amount', '999', { error: 'range' }, 'below the minimum'],
  ['debt_amount', '1000000.01', { error: 'range' }, 'just above the maximum'],
  ['debt_amount', '1e21', { error: 'characters' }, 'an exponent is not how people type money'],
  ['debt_amount', '$25,000', { error: 'characters' }, 'a currency sign'],
  ['debt_amount', '25,00', { error: 'characters' }, 'a comma that groups nothing (a decimal comma)'],
  ['debt_amount', '25 000', { error: 'characters' }, 'a space inside: never joined into another number'],
  ['debt_amount', 'lots', { error: 'characters' }, 'words'],
  ['debt_amount', '9'.repeat(31), { error: 'too_long' }, 'a 31-digit number'],
  ['debt_amount', '9'.repeat(10_000), { error: 'too_long' }, 'a 10,000-digit number'],
  ['household_size', '-0', { error: 'range' }, 'minus zero is zero, below 1'],
  ['household_size', '12345678901234567890123', { value: '12345678901234567890123' }, 'a huge number stays digits, no exponent'],
  ['owns_home', 'Yes', { value: 'Yes' }, 'one of the options'],
  ['owns_home', ' No ', { value: 'No' }, 'an option with spaces around'],
  ['owns_home', 'yes', { error: 'option' }, 'an option is matched exactly'],
  ['owns_home', 'Maybe', { error: 'option' }, 'not an option'],
  ['debt_type', 'cc', { value: 'cc' }, 'the value of a { value, label } option is sent'],
  ['debt_type', 'Credit cards', { error: 'option' }, 'the label is not the value'],
  ['debt_type', 'Medical', { value: 'Medical' }, 'a plain-string option'],
  ['hardship', 'yes', { value: 'yes' }, 'a ticked checkbox'],
  ['hardship', 'YES', { value: 'yes' }, 'a ticked checkbox, in capitals'],
  ['hardship', 'on', { error: 'option' }, 'a checkbox carries "yes" or nothing'],
  ['best_time', 'After 5pm,  weekdays', { value: 'After 5pm, weekdays' }, 'one line of text'],
  ['best_time', '<script>alert(1)</script>', { error: 'characters' }, 'markup'],
  ['best_time', 'a'.repeat(200), { value: 'a'.repeat(200) }, '200 characters, the default limit'],
  ['best_time', 'a'.repeat(201), { error: 'too_long' }, '201 characters'],
  ['short_note', 'a'.repeat(11), { error: 'too_long' }, 'over the definition\'s own maxLength'],
  ['story', 'Line one\r\nLine two  ', { value: 'Line one\nLine two' }, 'a textarea keeps its lines'],
  ['story', 'bell\u0007', { error: 'characters' }, 'a control character'],
];

describe('answerSchema: answers as people type them', () => {
  for (const [name, input, expected, why] of CASES) {
    const shown = input.length > 40 ? `${input.slice(0, 20)}… (${input.length} chars)` : JSON.stringify(input);
    it(`${name}: ${why} — ${shown} → ${JSON.stringify(expected)}`, () => {
      expect(judge(name, input)).to.deep.equal(expected);
    });
  }

  it('normalises idempotently: an accepted answer passes unchanged', () => {
    for (const [name, , expected, why] of CASES) {
      if ('value' in expected) expect(judge(name, expected.value), why).to.deep.equal(expected);
    }
  });
});

describe('number answers and their limits', () => {
  it('numberAnswer leaves what is not a number as typed, for the rule to refuse', () => {
    expect(numberAnswer('12abc')).to.equal('12abc');
    expect(numberAnswer('-007.50')).to.equal('-7.50');
    expect(numberAnswer('000')).to.equal('0');
  });

  it('limits text to its definition or 200, a textarea to 2000, a number to 30', () => {
    expect(answerMaxLength(byName('best_time'))).to.equal(200);
    expect(answerMaxLength(byName('short_note'))).to.equal(10);
    expect(answerMaxLength(byName('story'))).to.equal(2000);
    expect(answerMaxLength(byName('debt_amount'))).to.equal(30);
  });

  it('states the bounds in US digits, in both locales', () => {
    expect(rangeParams(byName('debt_amount'), 'en')).to.deep.equal({ min: '1,000', max: '1,000,000' });
    expect(rangeParams(byName('debt_amount'), 'es')).to.deep.equal({ min: '1,000', max: '1,000,000' });
    expect(rangeParams(byName('household_size'), 'en')).to.deep.equal({ min: '1' });
  });
});

describe('messages for answers, in en and es', () => {
  const label = 'Total debt';
  it('range says the bounds the question has', () => {
    const params = { label, maxLength: 0, minAge: 18 };
    expect(FIELD_MESSAGES.en.errors.range({ ...params, min: '1,000', max: '1,000,000' })).to.equal('Total debt must be between 1,000 and 1,000,000');
    expect(FIELD_MESSAGES.en.errors.range({ ...params, min: '1' })).to.equal('Total debt must be 1 or more');
    expect(FIELD_MESSAGES.en.errors.range({ ...params, max: '10' })).to.equal('Total debt must be 10 or less');
    expect(FIELD_MESSAGES.es.errors.range({ ...params, label: 'Deuda total', min: '1,000', max: '1,000,000' })).to.equal(
      'Deuda total debe estar entre 1,000 y 1,000,000',
    );
  });

  it('option asks to choose among the answers offered', () => {
    const params = { label, maxLength: 0, minAge: 18 };
    expect(FIELD_MESSAGES.en.errors.option(params)).to.equal('Choose one of the answers offered');
    expect(FIELD_MESSAGES.es.errors.option(params)).to.equal('Elija una de las respuestas ofrecidas');
  });
});
