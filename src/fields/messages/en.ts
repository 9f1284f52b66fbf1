import { asksQuestion, inSentence } from './in-sentence.js';
import { characterKind, examplePhone, isChosen } from './kinds.js';
import type { DatePart, FieldMessages, MessageParams } from './types.js';

/** "a month", "a day and year", "a month, day and year" (GOV.UK's memorable-date wording). */
function listParts(parts: readonly DatePart[]): string {
  if (parts.length <= 1) return `a ${parts[0] ?? 'date'}`;
  return `a ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function region(country: string | undefined): string {
  return country === 'CA' ? 'Canadian' : 'US';
}

/**
 * A page's own question left unanswered, named by its label in quotes so the error summary's link
 * makes sense on its own (GOV.UK: each link says what is wrong with which answer) and two questions
 * never read alike. Quoted whole, a label reads right whether it is a name ("Total debt") or a whole
 * question ("Do you own a home?"), without guessing an article or "your". A page that wants its own
 * words gives the question an `error`. "Check", not "tick": these forms are US English.
 */
function unanswered(how: NonNullable<MessageParams['question']>, label: string): string {
  const quoted = `“${label}”`;
  switch (how) {
    case 'tick':
      return `Check ${quoted} to continue`;
    case 'choice':
      return `Choose an answer ${asksQuestion(label) ? 'to' : 'for'} ${quoted}`;
    case 'text':
      return asksQuestion(label) ? `Answer ${quoted}` : `Enter an answer for ${quoted}`;
  }
}

/**
 * What a message about a value names: the field's label, or, for a page's question put as a question
 * ("What happened?"), the answer to it: "Your answer to “What happened?” must be 20 characters or fewer".
 */
function subject(label: string): string {
  return asksQuestion(label) ? `Your answer to “${label}”` : label;
}

function characters({ key, label: named, kind }: MessageParams): string {
  const label = subject(named);
  switch (kind ?? characterKind(key)) {
    case 'name':
      return `${label} must only include letters, spaces, hyphens and apostrophes`;
    case 'city':
      return `${label} must only include letters and spaces`;
    case 'line':
      return `${label} must not include emoji or the symbols < and >`;
    case 'free':
      return `${label} contains hidden control characters; type it rather than pasting it`;
    case 'number':
      return `${label} must be a number`;
    case 'other':
      return `${label} contains characters we can't accept`;
  }
}

export const en: FieldMessages = {
  labels: {
    first_name: 'First name',
    last_name: 'Last name',
    full_name: 'Full name',
    email: 'Email address',
    mobile: 'Mobile number',
    home_phone: 'Home phone number',
    business_phone: 'Work phone number',
    address: 'Street address',
    address2: 'Apartment, suite or unit',
    city: 'City',
    state: 'State',
    zip_code: 'ZIP code',
    country: 'Country',
    date_of_birth: 'Date of birth',
    company: 'Company',
    job_title: 'Job title',
    description: 'Message',
  },
  errors: {
    required: ({ key, label, question }) =>
      question !== undefined ? unanswered(question, label)
      : isChosen(key) ? `Choose a ${inSentence(label)}`
      : `Enter your ${inSentence(label)}`,
    too_long: ({ label, maxLength }) => `${subject(label)} must be ${maxLength} characters or fewer`,
    characters,
    email: () => 'Enter an email address in the correct format, like name@example.com',
    // Also what a number from another country gets: "Enter a US mobile number", not "doesn't exist".
    phone: ({ label, country }) => `Enter a ${region(country)} ${inSentence(label)}, like ${examplePhone(country)}`,
    phone_length: ({ label, country }) => `Enter a 10-digit ${region(country)} ${inSentence(label)}, like ${examplePhone(country)}`,
    zip: () => 'Enter a 5-digit ZIP code, like 10001',
    state: () => 'Choose a state',
    country: () => 'Choose a country',
    date: ({ label }) => `${label} must be a real date`,
    date_future: ({ label }) => `${label} must be in the past`,
    min_age: ({ minAge }) => `You must be ${minAge} or older to use this form`,
    unknown_field: () => 'This form does not ask for this field',
    range: ({ label, min, max }) =>
      min !== undefined && max !== undefined ? `${subject(label)} must be between ${min} and ${max}`
      : min !== undefined ? `${subject(label)} must be ${min} or more`
      : max !== undefined ? `${subject(label)} must be ${max} or less`
      : `${subject(label)} must be a number`,
    option: () => 'Choose one of the answers offered',
  },
  requiredMark: () => '(required)',
  date: {
    month: 'Month',
    day: 'Day',
    year: 'Year',
    hint: 'For example, 4 23 1985',
    missing: ({ label }, parts) => `${label} must include ${listParts(parts)}`,
    yearDigits: () => 'Year must include 4 numbers',
  },
};
