import { expect } from '@open-wc/testing';
import { FIELD_KEYS, type FieldKey } from '../../src/fields/keys.js';
import { errorMessage, FIELD_MESSAGES, fieldMessages, type Locale } from '../../src/fields/messages/index.js';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../../src/fields/rules.js';

const RULES = { minAge: 18 };
const say = (locale: Locale, key: string, code: FieldErrorCode, country?: 'US' | 'CA') =>
  errorMessage(fieldMessages(locale), key, code, { ...RULES, ...(country ? { country } : {}) });

describe('field messages: GOV.UK style, what is wrong and how to fix it', () => {
  for (const locale of Object.keys(FIELD_MESSAGES) as Locale[]) {
    it(`${locale}: every code for every field is a finished sentence without a full stop`, () => {
      for (const key of FIELD_KEYS) {
        for (const code of FIELD_ERROR_CODES) {
          const text = say(locale, key, code);
          expect(text, `${key} ${code}`).to.match(/^[\p{Lu}¿¡]/u);
          expect(text, `${key} ${code}`).to.not.match(/\.$|undefined|\{|\s{2}/);
        }
      }
    });
  }

  it('asks for a missing value by name, and to choose from a select', () => {
    expect(say('en', 'first_name', 'required')).to.equal('Enter your first name');
    expect(say('en', 'email', 'required')).to.equal('Enter your email address');
    expect(say('en', 'zip_code', 'required')).to.equal('Enter your ZIP code');
    expect(say('en', 'state', 'required')).to.equal('Choose a state');
    expect(say('en', 'country', 'required')).to.equal('Choose a country');
  });

  it('says which characters a field takes rather than "contains characters we can\'t accept"', () => {
    expect(say('en', 'first_name', 'characters')).to.equal('First name must only include letters, spaces, hyphens and apostrophes');
    expect(say('en', 'city', 'characters')).to.equal('City must only include letters and spaces');
    expect(say('en', 'address', 'characters')).to.equal('Street address must not include emoji or the symbols < and >');
    expect(say('en', 'description', 'characters')).to.equal('Message contains hidden control characters; type it rather than pasting it');
  });

  it('gives the correct format of an email address and the length limit', () => {
    expect(say('en', 'email', 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
    expect(say('en', 'last_name', 'too_long')).to.equal('Last name must be 50 characters or fewer');
  });

  it('asks a foreign or unassigned number for one of the form\'s country, with an example', () => {
    expect(say('en', 'mobile', 'phone')).to.equal('Enter a US mobile number, like (201) 555-0123');
    expect(say('en', 'home_phone', 'phone', 'CA')).to.equal('Enter a Canadian home phone number, like (416) 555-0123');
    expect(say('en', 'mobile', 'phone_length')).to.equal('Enter a 10-digit US mobile number, like (201) 555-0123');
  });

  it('states an age limit as one, and a date problem as the GOV.UK date pattern does', () => {
    expect(say('en', 'date_of_birth', 'min_age')).to.equal('You must be 18 or older to use this form');
    expect(say('en', 'date_of_birth', 'date')).to.equal('Date of birth must be a real date');
    expect(say('en', 'date_of_birth', 'date_future')).to.equal('Date of birth must be in the past');
  });
});

describe('field messages in Spanish: articles and adjectives agree with the label', () => {
  const FEMININE: readonly FieldKey[] = ['address', 'city', 'date_of_birth', 'company'];

  it('marks feminine labels "(obligatoria)" and masculine ones "(obligatorio)"', () => {
    const { requiredMark } = fieldMessages('es');
    for (const key of FIELD_KEYS) {
      expect(requiredMark(key), key).to.equal(FEMININE.includes(key) ? '(obligatoria)' : '(obligatorio)');
    }
    expect(fieldMessages('en').requiredMark('city')).to.equal('(required)');
  });

  it('uses la for a feminine label and el for a masculine one', () => {
    expect(say('es', 'city', 'characters')).to.equal('La ciudad solo puede incluir letras y espacios');
    expect(say('es', 'first_name', 'characters')).to.equal('El nombre solo puede incluir letras, espacios, guiones y apóstrofos');
    expect(say('es', 'date_of_birth', 'date')).to.equal('La fecha de nacimiento debe ser una fecha válida');
    expect(say('es', 'date_of_birth', 'date_future')).to.equal('La fecha de nacimiento debe ser anterior a hoy');
    expect(say('es', 'last_name', 'too_long')).to.equal('El apellido debe tener 50 caracteres como máximo');
    expect(say('es', 'company', 'too_long')).to.equal('La empresa debe tener 100 caracteres como máximo');
    expect(say('es', 'description', 'characters')).to.equal(
      'El mensaje contiene caracteres de control ocultos; escríbalo en lugar de pegarlo',
    );
  });

  it('asks with "su", which serves either gender, and chooses with an agreeing article', () => {
    expect(say('es', 'date_of_birth', 'required')).to.equal('Escriba su fecha de nacimiento');
    expect(say('es', 'mobile', 'required')).to.equal('Escriba su teléfono celular');
    expect(say('es', 'state', 'required')).to.equal('Elija un estado');
    expect(say('es', 'country', 'required')).to.equal('Elija un país');
  });

  it('words phones, email and ages', () => {
    expect(say('es', 'mobile', 'phone')).to.equal('Escriba un número de teléfono celular de EE. UU., como (201) 555-0123');
    expect(say('es', 'mobile', 'phone_length')).to.equal(
      'Escriba un número de teléfono celular de EE. UU. de 10 dígitos, como (201) 555-0123',
    );
    expect(say('es', 'email', 'email')).to.equal('Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com');
    expect(say('es', 'date_of_birth', 'min_age')).to.equal('Debe tener 18 años o más para usar este formulario');
  });

  it('lists the missing parts of a memorable date', () => {
    const { date } = fieldMessages('es');
    const dob = { key: 'date_of_birth', label: 'Fecha de nacimiento' } as const;
    expect(date.missing(dob, ['month'])).to.equal('La fecha de nacimiento debe incluir el mes');
    expect(date.missing(dob, ['day', 'year'])).to.equal('La fecha de nacimiento debe incluir el día y el año');
    expect(fieldMessages('en').date.missing({ key: 'date_of_birth', label: 'Date of birth' }, ['month', 'day', 'year'])).to.equal(
      'Date of birth must include a month, day and year',
    );
    expect(fieldMessages('en').date.yearDigits(dob)).to.equal('Year must include 4 numbers');
  });
});

describe('fieldMessages and errorMessage', () => {
  it('finds the field from its label when a caller passes only the label', () => {
    const es = fieldMessages('es');
    expect(es.errors.date({ label: 'Fecha de nacimiento', maxLength: 10, minAge: 18 })).to.equal(
      'La fecha de nacimiento debe ser una fecha válida',
    );
    expect(fieldMessages('en').errors.characters({ label: 'First name', maxLength: 50, minAge: 18 })).to.equal(
      'First name must only include letters, spaces, hyphens and apostrophes',
    );
  });

  it('words a question\'s answer by the kind its caller names, and in Spanish without a guessed article', () => {
    const question = { label: 'Deuda total', maxLength: 30, minAge: 18, kind: 'number' } as const;
    expect(fieldMessages('es').errors.characters(question)).to.equal('Deuda total debe ser un número');
    expect(fieldMessages('en').errors.characters({ ...question, label: 'Total debt' })).to.equal('Total debt must be a number');
    expect(fieldMessages('en').errors.characters({ ...question, label: 'Best time', kind: 'line' })).to.equal(
      'Best time must not include emoji or the symbols < and >',
    );
  });

  it('words an envelope path that is no field by its path', () => {
    expect(say('en', 'tracking.utm_source', 'characters')).to.equal("tracking.utm_source contains characters we can't accept");
  });

  it('lays a page\'s labels, messages, required mark and date words over the locale', () => {
    const messages = fieldMessages('en', {
      labels: { email: 'Work email' },
      errors: { required: 'We need this one' },
      requiredMark: '*',
      date: { hint: 'Like 12 31 1980' },
    });
    expect(messages.labels.email).to.equal('Work email');
    expect(errorMessage(messages, 'email', 'required', RULES)).to.equal('We need this one');
    expect(errorMessage(messages, 'email', 'email', RULES)).to.equal('Enter an email address in the correct format, like name@example.com');
    expect(messages.requiredMark('email')).to.equal('*');
    expect(messages.date).to.include({ hint: 'Like 12 31 1980', month: 'Month' });
  });
});
