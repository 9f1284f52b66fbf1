import { expect } from '@open-wc/testing';
import { parseQuestions } from '../../src/fields/question-definitions.js';
import { isRequiredQuestion, localText } from '../../src/fields/questions.js';

const debt = { name: 'debt_amount', label: 'Total unsecured debt', type: 'number', min: 1000, max: 1_000_000, required: true };
const home = { name: 'owns_home', label: { en: 'Do you own a home?', es: '¿Es dueño de su casa?' }, type: 'radio', options: ['Yes', 'No'] };

describe('question labels and requirement', () => {
  it('gives the label in the page locale, else English', () => {
    const [, question] = parseQuestions([debt, home]).questions;
    expect(localText(question!.label, 'es')).to.equal('¿Es dueño de su casa?');
    expect(localText({ en: 'Total debt' }, 'es')).to.equal('Total debt');
    expect(localText({ es: 'Deuda total' }, 'en')).to.equal('Deuda total');
    expect(localText('Total debt', 'es')).to.equal('Total debt');
  });

  it('a question is required by its own flag or by the form naming it in required', () => {
    const [debtQuestion, homeQuestion] = parseQuestions([debt, home]).questions;
    expect(isRequiredQuestion(debtQuestion!, [])).to.equal(true);
    expect(isRequiredQuestion(homeQuestion!, [])).to.equal(false);
    expect(isRequiredQuestion(homeQuestion!, ['email', 'owns_home'])).to.equal(true);
  });
});
