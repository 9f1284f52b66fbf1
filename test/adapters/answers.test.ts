import { expect } from '@open-wc/testing';
import { answerLines, answersByField, answersByName, answersIn, type AnswerField } from '../../src/adapters/answers.js';
import { describeWith } from '../../src/adapters/lead-mapping.js';
import { pingtreeLeadBody } from '../../src/adapters/pingtree.js';

const QUESTIONS: AnswerField[] = [
  { name: 'debt_amount', label: 'Total debt' },
  { name: 'owns_home', label: 'Owns a home' },
  { name: 'debt_type', label: 'Kind of debt', field: 'cf_debt_type' },
];
const LEAD = { first_name: 'Jane', owns_home: 'Yes', debt_amount: '25000', debt_type: 'cc' };

describe('answers as adapters place them', () => {
  it('lists the answers in the questions\' order, leaving out fields and unanswered questions', () => {
    expect(answersIn({ debt_amount: '25000', first_name: 'Jane' }, QUESTIONS)).to.deep.equal([{ name: 'debt_amount', label: 'Total debt', value: '25000' }]);
    expect(answersIn(LEAD, QUESTIONS).map((answer) => answer.name)).to.deep.equal(['debt_amount', 'owns_home', 'debt_type']);
  });

  it('puts mapped answers under the destination\'s field, the rest under their own names', () => {
    expect(answersByField(LEAD, QUESTIONS)).to.deep.equal({ cf_debt_type: 'cc' });
    expect(answersByName(LEAD, QUESTIONS)).to.deep.equal({ debt_amount: '25000', owns_home: 'Yes' });
  });

  it('writes one "Label: answer" line per unmapped answer, appended to the description after a blank line', () => {
    expect(answerLines(LEAD, QUESTIONS)).to.deep.equal(['Total debt: 25000', 'Owns a home: Yes']);
    expect(describeWith('Call after 5', answerLines(LEAD, QUESTIONS))).to.equal('Call after 5\n\nTotal debt: 25000\nOwns a home: Yes');
    expect(describeWith(undefined, answerLines(LEAD, QUESTIONS))).to.equal('Total debt: 25000\nOwns a home: Yes');
  });

  it('writes nothing when there is nothing to add', () => {
    expect(answerLines({ first_name: 'Jane' }, QUESTIONS)).to.deep.equal([]);
    expect(answerLines(LEAD)).to.deep.equal([]);
  });
});

describe('Pingtree’s keys of their own for answers', () => {
  const SUB = [{ name: 'sub1', label: 'Referred by' }] as const;

  it('keeps an answer whose name is a key of ours that this lead leaves empty, and lets ours win when it has a value', () => {
    expect(pingtreeLeadBody({ lead: { sub1: 'a friend' }, tracking: {} }, 'key-00000001', SUB)).to.include({ sub1: 'a friend' });
    expect(pingtreeLeadBody({ lead: { sub1: 'a friend' }, tracking: { sub1: 'may-issue' } }, 'key-00000001', SUB)).to.include({ sub1: 'may-issue' });
  });
});
