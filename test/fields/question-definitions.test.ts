import { expect } from '@open-wc/testing';
import { parseQuestions } from '../../src/fields/question-definitions.js';

const debt = { name: 'debt_amount', label: 'Total unsecured debt', type: 'number', min: 1000, max: 1_000_000, required: true };
const home = { name: 'owns_home', label: { en: 'Do you own a home?', es: '¿Es dueño de su casa?' }, type: 'radio', options: ['Yes', 'No'] };

describe('parseQuestions: definitions that work', () => {
  it('reads the attribute as JSON and the property as a list, alike', () => {
    const fromJson = parseQuestions(JSON.stringify([debt, home]));
    const fromList = parseQuestions([debt, home]);
    expect(fromJson).to.deep.equal(fromList);
    expect(fromJson.problems).to.deep.equal([]);
    expect(fromJson.questions.map((question) => question.name)).to.deep.equal(['debt_amount', 'owns_home']);
  });

  it('turns plain-string options into { value, label } and keeps { value, label } options as given', () => {
    const { questions } = parseQuestions([
      home,
      { name: 'debt_type', label: 'Kind of debt', type: 'select', options: [{ value: 'cc', label: 'Credit cards' }, { value: 'medical' }] },
    ]);
    expect(questions[0]?.options).to.deep.equal([{ value: 'Yes', label: 'Yes' }, { value: 'No', label: 'No' }]);
    expect(questions[1]?.options).to.deep.equal([{ value: 'cc', label: 'Credit cards' }, { value: 'medical', label: 'medical' }]);
  });

  it('keeps a question\'s own error, as text or per locale, as it keeps a label', () => {
    const { questions, problems } = parseQuestions([
      { ...debt, error: ' Enter your total unsecured debt ' },
      { ...home, error: { en: 'Choose yes if you own a home', es: 'Indique si es dueño de su casa' } },
    ]);
    expect(problems).to.deep.equal([]);
    expect(questions.map((question) => question.error)).to.deep.equal([
      'Enter your total unsecured debt',
      { en: 'Choose yes if you own a home', es: 'Indique si es dueño de su casa' },
    ]);
  });

  it('takes text as the type when none is given', () => {
    expect(parseQuestions([{ name: 'best_time', label: 'Best time to call' }]).questions[0]?.type).to.equal('text');
  });

  it('an empty attribute is no questions and no problem', () => {
    expect(parseQuestions('')).to.deep.equal({ questions: [], problems: [] });
    expect(parseQuestions(undefined)).to.deep.equal({ questions: [], problems: [] });
  });
});

describe('parseQuestions: definitions that cannot work are skipped, each with its reason', () => {
  const cases: [definition: unknown, reason: RegExp, why: string][] = [
    [{ name: 'DebtAmount', label: 'Debt', type: 'number' }, /snake_case/, 'a camelCase name'],
    [{ name: 'debt-amount', label: 'Debt', type: 'number' }, /snake_case/, 'a hyphenated name'],
    [{ name: '2nd_phone', label: 'Other phone' }, /snake_case/, 'a name starting with a digit'],
    [{ name: `q_${'a'.repeat(40)}`, label: 'Long' }, /snake_case/, 'a name over 40 characters'],
    [{ label: 'No name' }, /snake_case/, 'no name at all'],
    [{ name: 'email', label: 'Your email', type: 'text' }, /catalogue field/, 'shadows the catalogue key email'],
    [{ name: 'zip_code', label: 'ZIP', type: 'number' }, /catalogue field/, 'shadows the catalogue key zip_code'],
    [{ name: 'consent', label: 'I agree', type: 'checkbox' }, /used by the form itself/, 'the consent checkbox name'],
    [{ name: 'debt_type', label: 'Kind of debt', type: 'select' }, /non-empty list of options/, 'a select without options'],
    [{ name: 'owns_home', label: 'Own a home?', type: 'radio', options: [] }, /non-empty list of options/, 'a radio group with no options'],
    [{ name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', 'Yes'] }, /offered twice/, 'the same option twice'],
    [{ name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', ' '] }, /empty value/, 'an empty option'],
    [{ name: 'owns_home', label: 'Own a home?', type: 'radio', options: [1, 2] }, /must be text or/, 'options that are numbers'],
    [{ name: 'owns_home', label: 'Own a home?', type: 'checkbox', options: ['Yes'] }, /select and radio questions only/, 'options on a checkbox'],
    [{ name: 'debt_amount', label: 'Debt', type: 'slider' }, /not one of text, textarea/, 'an unknown type'],
    [{ name: 'debt_amount', type: 'number' }, /label must be text/, 'no label'],
    [{ name: 'debt_amount', label: '  ', type: 'number' }, /label is empty/, 'a blank label'],
    [{ name: 'debt_amount', label: { fr: 'Dette' }, type: 'number' }, /not a locale/, 'a label in a locale we do not have'],
    [{ name: 'debt_amount', label: 'Debt', type: 'number', min: 10, max: 1 }, /greater than max/, 'min above max'],
    [{ name: 'debt_amount', label: 'Debt', type: 'number', min: '10' }, /min must be a number/, 'min as text'],
    [{ name: 'best_time', label: 'Best time', type: 'text', min: 1 }, /number questions only/, 'min on a text question'],
    [{ name: 'best_time', label: 'Best time', maxLength: 0 }, /whole number from 1/, 'a zero maxLength'],
    [{ name: 'debt_amount', label: 'Debt', type: 'number', maxLength: 5 }, /text and textarea questions only/, 'maxLength on a number'],
    [{ name: 'best_time', label: 'Best time', required: 'yes' }, /required must be true or false/, 'required as text'],
    [{ name: 'best_time', label: 'Best time', requird: true }, /unknown key requird/, 'a misspelt key'],
    [{ name: 'best_time', label: 'Best time', error: ' ' }, /error is empty/, 'a blank error'],
    [{ name: 'best_time', label: 'Best time', error: 404 }, /error must be text/, 'an error that is not text'],
    [{ name: 'best_time', label: 'Best time', error: { fr: 'Répondez' } }, /error: "fr" is not a locale/, 'an error in a locale we do not have'],
    [{ name: 'best_time', label: 'Best time', errors: 'Enter a time' }, /unknown key errors/, 'errors for error'],
    ['debt_amount', /must be an object/, 'a bare name'],
  ];
  for (const [definition, reason, why] of cases) {
    it(`refuses ${why}`, () => {
      const { questions, problems } = parseQuestions([definition, debt]);
      expect(questions.map((question) => question.name), 'the good question stays').to.deep.equal(['debt_amount']);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(reason);
      expect(problems[0]).to.match(/^questions\[0\]/);
    });
  }

  it('refuses a name defined twice, keeping the first', () => {
    const { questions, problems } = parseQuestions([debt, { ...debt, label: 'Again' }]);
    expect(questions.map((question) => question.label)).to.deep.equal(['Total unsecured debt']);
    expect(problems).to.deep.equal(['questions[1]: "debt_amount" is defined twice']);
  });

  it('refuses bad JSON in the attribute as a whole, with one problem', () => {
    const { questions, problems } = parseQuestions('[{"name": "debt_amount", }]');
    expect(questions).to.deep.equal([]);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^questions is not valid JSON/);
  });

  it('refuses JSON that is not a list', () => {
    expect(parseQuestions('{"name": "debt_amount"}').problems).to.deep.equal(['questions must be a list of question definitions']);
  });
});
