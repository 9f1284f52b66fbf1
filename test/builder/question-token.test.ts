import { expect } from '@open-wc/testing';
import { questionsFromToken, questionsToken, relayWithQuestions, splitQuestionsPath } from '../../src/builder/question-token.js';

const QUESTIONS = JSON.stringify([{ name: 'deuda', label: '¿Cuánto debe? (“total”)', type: 'select', options: ['Menos de 10.000 €', 'Más'] }]);

describe('the builder’s questions in the demo relay’s URL', () => {
  it('go into one path segment and come back as they were, accents and all', () => {
    const token = questionsToken(QUESTIONS);
    expect(token).to.match(/^[A-Za-z0-9_-]+$/);
    expect(questionsFromToken(token)).to.deep.equal(JSON.parse(QUESTIONS));
  });

  it('name the relay beside the plain one, and are split off its path again', () => {
    const relay = relayWithQuestions('/relay/demo-1/v1', QUESTIONS);
    expect(relay).to.equal(`/relay/demo-1/questions/${questionsToken(QUESTIONS)}/v1`);
    expect(splitQuestionsPath(`/questions/${questionsToken(QUESTIONS)}/v1/leads`)).to.deep.equal({ token: questionsToken(QUESTIONS), rest: '/v1/leads' });
    expect(splitQuestionsPath('/v1/leads')).to.equal(undefined);
  });

  it('read nothing from a segment that is not a list of them', () => {
    expect(questionsFromToken('not base64!')).to.equal(undefined);
    expect(questionsFromToken(questionsToken('{"name":"x"}'))).to.equal(undefined);
    expect(questionsFromToken(questionsToken('[{"name"'))).to.equal(undefined);
  });
});
