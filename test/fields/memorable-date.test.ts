import { expect } from '@open-wc/testing';
import { dateProblem, readDateParts, splitIsoDate, type DateReading } from '../../src/fields/memorable-date.js';
import { fieldMessages } from '../../src/fields/messages/index.js';

const DOB = { key: 'date_of_birth', label: 'Date of birth', maxLength: 10, minAge: 18 } as const;

/** What the three boxes held (month, day, year) and how they read. */
const READINGS: readonly (readonly [month: string, day: string, year: string, reading: DateReading, why: string])[] = [
  ['4', '23', '1985', { kind: 'date', iso: '1985-04-23' }, 'plain numbers'],
  ['04', '03', '1985', { kind: 'date', iso: '1985-04-03' }, 'leading zeros'],
  [' 12 ', ' 31 ', ' 1999 ', { kind: 'date', iso: '1999-12-31' }, 'spaces around'],
  ['４', '２３', '１９８５', { kind: 'date', iso: '1985-04-23' }, 'full-width digits from a Japanese keyboard'],
  ['Apr', '23rd', '1985', { kind: 'date', iso: '1985-04-23' }, 'a short month name and an ordinal day'],
  ['september', '1st', '1985', { kind: 'date', iso: '1985-09-01' }, 'a full month name'],
  ['Sept.', '2', '1985', { kind: 'date', iso: '1985-09-02' }, 'an abbreviation with a full stop'],
  ['enero', '5', '1990', { kind: 'date', iso: '1990-01-05' }, 'a Spanish month'],
  ['Dic', '1º', '1990', { kind: 'date', iso: '1990-12-01' }, 'a Spanish abbreviation and ordinal'],
  ['febrero', '29', '2000', { kind: 'date', iso: '2000-02-29' }, 'a leap day in a leap year'],
  ['', '', '', { kind: 'empty' }, 'nothing typed'],
  [' ', '', '  ', { kind: 'empty' }, 'only spaces'],
  ['', '23', '1985', { kind: 'missing', parts: ['month'] }, 'no month'],
  ['4', '', '', { kind: 'missing', parts: ['day', 'year'] }, 'no day or year'],
  ['13', '1', '1985', { kind: 'not_real', parts: ['month'] }, 'month 13'],
  ['0', '1', '1985', { kind: 'not_real', parts: ['month'] }, 'month 0'],
  ['4', '32', '1985', { kind: 'not_real', parts: ['day'] }, 'day 32'],
  ['foo', 'bar', '1985', { kind: 'not_real', parts: ['month', 'day'] }, 'words'],
  ['4', '23', 'l985', { kind: 'not_real', parts: ['year'] }, 'a letter in the year'],
  ['2', '30', '1985', { kind: 'not_real', parts: ['day'] }, '30 February'],
  ['2', '29', '1990', { kind: 'not_real', parts: ['day'] }, 'a leap day in a common year'],
  ['4', '23', '85', { kind: 'year_digits' }, 'a two-digit year'],
  ['4', '23', '19850', { kind: 'year_digits' }, 'a five-digit year'],
];

describe('readDateParts: three boxes, month day year, read as people type them', () => {
  for (const [month, day, year, reading, why] of READINGS) {
    it(`${why}: ${JSON.stringify([month, day, year])} → ${reading.kind}`, () => {
      expect(readDateParts({ month, day, year })).to.deep.equal(reading);
    });
  }
});

describe('splitIsoDate: a pre-filled or resumed date in the boxes', () => {
  it('gives the numbers without leading zeros', () => {
    expect(splitIsoDate('1985-04-03')).to.deep.equal({ month: '4', day: '3', year: '1985' });
  });

  it('leaves the boxes empty for anything that is not an ISO date', () => {
    expect(splitIsoDate('04/03/1985')).to.deep.equal({ month: '', day: '', year: '' });
    expect(splitIsoDate('')).to.deep.equal({ month: '', day: '', year: '' });
  });

  it('reads back what it split', () => {
    expect(readDateParts(splitIsoDate('2001-11-09'))).to.deep.equal({ kind: 'date', iso: '2001-11-09' });
  });
});

describe('dateProblem: the message and the boxes to mark', () => {
  const en = fieldMessages('en');
  const es = fieldMessages('es');

  it('names the missing boxes', () => {
    expect(dateProblem({ kind: 'missing', parts: ['month'] }, en, DOB)).to.deep.equal({
      code: 'date',
      parts: ['month'],
      message: 'Date of birth must include a month',
    });
    expect(dateProblem({ kind: 'missing', parts: ['day', 'year'] }, es, { ...DOB, label: 'Fecha de nacimiento' })?.message).to.equal(
      'La fecha de nacimiento debe incluir el día y el año',
    );
  });

  it('asks for four digits in the year, and a real date for a box that cannot be right', () => {
    expect(dateProblem({ kind: 'year_digits' }, en, DOB)).to.deep.equal({ code: 'date', parts: ['year'], message: 'Year must include 4 numbers' });
    expect(dateProblem({ kind: 'not_real', parts: ['day'] }, en, DOB)).to.deep.equal({
      code: 'date',
      parts: ['day'],
      message: 'Date of birth must be a real date',
    });
  });

  it('leaves a date (and empty boxes) to the field rules', () => {
    expect(dateProblem({ kind: 'date', iso: '1985-04-23' }, en, DOB)).to.equal(undefined);
    expect(dateProblem({ kind: 'empty' }, en, DOB)).to.equal(undefined);
  });
});
