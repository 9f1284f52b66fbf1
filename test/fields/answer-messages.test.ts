import { expect } from '@open-wc/testing';
import { answerMessage } from '../../src/fields/answer-messages.js';
import { fieldMessages, type Locale, type MessageOverrides } from '../../src/fields/messages/index.js';
import { parseQuestions } from '../../src/fields/question-definitions.js';

/**
 * What a page's own question left unanswered says, beside it and in the error summary: the summary's
 * links must make sense on their own (GOV.UK error summary), so each names its question.
 */
function unanswered(definition: Record<string, unknown>, locale: Locale, overrides: MessageOverrides = {}): string {
  const { questions, problems } = parseQuestions([definition]);
  expect(problems).to.deep.equal([]);
  return answerMessage(fieldMessages(locale, overrides), questions[0]!, 'required', locale);
}

/** A question of each kind, with a short label and with a whole question for its label. */
const CASES: [definition: Record<string, unknown>, en: string, es: string, why: string][] = [
  [
    { name: 'debt_amount', label: { en: 'Total debt', es: 'Deuda total' }, type: 'number' },
    'Enter an answer for “Total debt”',
    'Escriba una respuesta para “Deuda total”',
    'a number with a short label',
  ],
  [
    { name: 'debt_amount', label: { en: 'What is your total unsecured debt?', es: '¿Cuál es su deuda total sin garantía?' }, type: 'number' },
    'Answer “What is your total unsecured debt?”',
    'Responda a la pregunta “¿Cuál es su deuda total sin garantía?”',
    'a number asked as a question',
  ],
  [
    { name: 'best_time', label: { en: 'Best time to call', es: 'Mejor hora para llamar' } },
    'Enter an answer for “Best time to call”',
    'Escriba una respuesta para “Mejor hora para llamar”',
    'text with a short label',
  ],
  [
    { name: 'story', label: { en: 'Anything else we should know?', es: '¿Algo más que debamos saber?' }, type: 'textarea' },
    'Answer “Anything else we should know?”',
    'Responda a la pregunta “¿Algo más que debamos saber?”',
    'a textarea asked as a question',
  ],
  [
    { name: 'debt_type', label: { en: 'Main kind of debt', es: 'Tipo principal de deuda' }, type: 'select', options: ['Credit cards', 'Medical bills'] },
    'Choose an answer for “Main kind of debt”',
    'Elija una respuesta para “Tipo principal de deuda”',
    'a select with a short label',
  ],
  [
    { name: 'debt_type', label: { en: 'What kind of debt is most of it?', es: '¿Cuál es su principal tipo de deuda?' }, type: 'select', options: ['Credit cards'] },
    'Choose an answer to “What kind of debt is most of it?”',
    'Elija una respuesta a la pregunta “¿Cuál es su principal tipo de deuda?”',
    'a select asked as a question',
  ],
  [
    { name: 'owns_home', label: { en: 'Home ownership', es: 'Vivienda propia' }, type: 'radio', options: ['Own', 'Rent'] },
    'Choose an answer for “Home ownership”',
    'Elija una respuesta para “Vivienda propia”',
    'a radio group with a short label',
  ],
  [
    { name: 'owns_home', label: { en: 'Do you own a home?', es: '¿Es dueño de su casa?' }, type: 'radio', options: ['Yes', 'No'] },
    'Choose an answer to “Do you own a home?”',
    'Elija una respuesta a la pregunta “¿Es dueño de su casa?”',
    'a radio group asked as a question',
  ],
  [
    { name: 'behind_on_payments', label: { en: 'I am behind on some payments', es: 'Estoy atrasado en algunos pagos' }, type: 'checkbox' },
    'Check “I am behind on some payments” to continue',
    'Marque la casilla “Estoy atrasado en algunos pagos” para continuar',
    'a checkbox labelled with a statement',
  ],
  [
    { name: 'hardship', label: { en: 'Hardship', es: 'Dificultades económicas' }, type: 'checkbox' },
    'Check “Hardship” to continue',
    'Marque la casilla “Dificultades económicas” para continuar',
    'a checkbox with a short label',
  ],
];

describe('answerMessage: an unanswered question is named in its message', () => {
  for (const [definition, en, es, why] of CASES) {
    it(`${why}: "${en}" / "${es}"`, () => {
      expect(unanswered(definition, 'en')).to.equal(en);
      expect(unanswered(definition, 'es')).to.equal(es);
    });
  }

  it('gives two unanswered choice questions two different messages', () => {
    const kind = { name: 'debt_type', label: 'Main kind of debt', type: 'select', options: ['Credit cards'] };
    const home = { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['Yes', 'No'] };
    for (const locale of ['en', 'es'] as const) {
      expect(unanswered(kind, locale)).to.not.equal(unanswered(home, locale));
    }
  });

  it('says it in US English: "Check", never "Tick"', () => {
    for (const [definition] of CASES) expect(unanswered(definition, 'en')).to.not.match(/\btick/i);
  });

  it('names the label the page gives in messages.labels, as shown beside the question', () => {
    const home = { name: 'owns_home', label: 'Own a home?', type: 'radio', options: ['Yes', 'No'] };
    expect(unanswered(home, 'en', { labels: { owns_home: 'Do you own your home?' } })).to.equal('Choose an answer to “Do you own your home?”');
  });

  it('treats a label ending in a full-width question mark as a question', () => {
    const text = { name: 'best_time', label: 'When should we call？' };
    expect(unanswered(text, 'en')).to.equal('Answer “When should we call？”');
  });
});

describe('answerMessage: a question\'s own error, in the page\'s words', () => {
  const debt = { name: 'debt_amount', label: { en: 'Total unsecured debt', es: 'Deuda total sin garantía' }, type: 'number', min: 1000 };

  it('is said instead of ours when the question is left unanswered, in each locale it is written in', () => {
    const error = { en: 'Enter your total unsecured debt', es: 'Escriba su deuda total sin garantía' };
    expect(unanswered({ ...debt, error }, 'en')).to.equal('Enter your total unsecured debt');
    expect(unanswered({ ...debt, error }, 'es')).to.equal('Escriba su deuda total sin garantía');
  });

  it('as plain text, is said in every locale, as a plain label is shown in every locale', () => {
    const home = { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: ['Yes', 'No'], error: 'Choose yes if you own a home' };
    expect(unanswered(home, 'en')).to.equal('Choose yes if you own a home');
    expect(unanswered(home, 'es')).to.equal('Choose yes if you own a home');
  });

  it('without the form\'s locale, leaves ours in that locale rather than another language\'s', () => {
    const error = { en: 'Enter your total unsecured debt' };
    expect(unanswered({ ...debt, error }, 'es')).to.equal('Escriba una respuesta para “Deuda total sin garantía”');
  });

  it('wins over the page\'s one message for every required field (messages.errors.required)', () => {
    const overrides = { errors: { required: 'This is required' } };
    expect(unanswered({ ...debt, error: 'Enter your total unsecured debt' }, 'en', overrides)).to.equal('Enter your total unsecured debt');
    expect(unanswered(debt, 'en', overrides)).to.equal('This is required');
  });

  it('is for an unanswered question only: an answer out of bounds still says the bounds', () => {
    const { questions } = parseQuestions([{ ...debt, error: 'Enter your total unsecured debt' }]);
    expect(answerMessage(fieldMessages('en'), questions[0]!, 'range', 'en')).to.equal('Total unsecured debt must be 1,000 or more');
  });
});

describe('answerMessage: an answer refused for what it is, to a question put as a question', () => {
  const say = (definition: Record<string, unknown>, code: 'too_long' | 'range' | 'characters', locale: Locale) => {
    const { questions } = parseQuestions([definition]);
    return answerMessage(fieldMessages(locale), questions[0]!, code, locale);
  };
  const story = { name: 'story', label: { en: 'What happened?', es: '¿Qué pasó?' }, type: 'textarea', maxLength: 20 };
  const owed = { name: 'owed', label: { en: 'How much do you owe?', es: '¿Cuánto debe?' }, type: 'number', min: 1000 };

  it('names the answer to the question, not the question as a subject ("What happened? must be …")', () => {
    expect(say(story, 'too_long', 'en')).to.equal('Your answer to “What happened?” must be 20 characters or fewer');
    expect(say(owed, 'range', 'en')).to.equal('Your answer to “How much do you owe?” must be 1,000 or more');
    expect(say(story, 'too_long', 'es')).to.equal('Su respuesta a la pregunta “¿Qué pasó?” debe tener 20 caracteres como máximo');
    expect(say(owed, 'range', 'es')).to.equal('Su respuesta a la pregunta “¿Cuánto debe?” debe ser 1,000 o más');
    expect(say(story, 'characters', 'en')).to.match(/^Your answer to “What happened\?” /);
  });

  it('keeps a label that names the answer as the subject', () => {
    expect(say({ ...owed, label: 'Total debt' }, 'range', 'en')).to.equal('Total debt must be 1,000 or more');
  });
});
