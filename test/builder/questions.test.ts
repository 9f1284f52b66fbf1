import { expect } from '@open-wc/testing';
import { addQuestion, questionProblem, updateQuestion, usableQuestions } from '../../src/builder/questions.js';
import { DEFAULT_STATE, type BuilderQuestion, type BuilderState } from '../../src/builder/state.js';

function withQuestion(change: Partial<BuilderQuestion>): BuilderState {
  return updateQuestion(addQuestion(DEFAULT_STATE), '#1', change);
}

function problemOf(state: BuilderState) {
  return questionProblem(state.questions[0]!, state.questions);
}

describe('a question the builder edits', () => {
  it('is judged by the widget’s own parser, its reason put beside the setting to fix', () => {
    expect(problemOf(withQuestion({ name: 'Debt' }))).to.deep.equal({ on: 'name', message: '"Debt" is not a snake_case name like "debt_amount" (40 characters at most)' });
    expect(problemOf(withQuestion({ name: 'consent' }))).to.deep.equal({ on: 'name', message: '"consent" is used by the form itself' });
    expect(problemOf(withQuestion({ label: '  ' }))).to.deep.equal({ on: 'label', message: 'The label is empty' });
    expect(problemOf(withQuestion({ type: 'radio', options: ['', ' '] }))).to.deep.equal({ on: 'options', message: 'A select or radio question needs a non-empty list of options' });
    expect(problemOf(withQuestion({ type: 'select', options: ['Yes', 'Yes'] }))).to.include({ on: 'options' });
  });

  it('may not share its name with another question', () => {
    let state = addQuestion(addQuestion(DEFAULT_STATE));
    state = updateQuestion(state, '#2', { name: state.questions[0]!.name });
    expect(questionProblem(state.questions[1]!, state.questions)).to.deep.equal({ on: 'name', message: 'Another question has this name.' });
    expect(usableQuestions(state)).to.deep.equal([]);
  });

  it('is added after the last field asked, and keeps its place when renamed', () => {
    const state = updateQuestion(addQuestion({ ...DEFAULT_STATE, included: ['email', 'mobile'] }), '#1', { name: 'household' });
    expect(state.order.slice(0, 4)).to.deep.equal(['first_name', 'last_name', 'email', 'mobile']);
    expect(state.order[4]).to.equal('#1');
    expect(usableQuestions(state).map((question) => question.name)).to.deep.equal(['household']);
  });
});
