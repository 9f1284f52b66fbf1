import { inSentence } from './in-sentence.js';
import type { FieldMessages } from './types.js';

export const en: FieldMessages = {
  labels: {
    first_name: 'First name',
    last_name: 'Last name',
    full_name: 'Full name',
    email: 'Email',
    mobile: 'Mobile phone',
    home_phone: 'Home phone',
    business_phone: 'Business phone',
    address: 'Street address',
    address2: 'Apartment, suite, etc.',
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
    required: ({ label }) => `Enter your ${inSentence(label)}.`,
    too_long: ({ maxLength }) => `Use ${maxLength} characters or fewer.`,
    characters: ({ label }) => `${label} contains characters we can't accept.`,
    email: () => 'Enter an email address like name@example.com.',
    phone: () => "This phone number doesn't exist. Check the area code and number.",
    phone_length: () => 'Enter a 10-digit phone number, area code first.',
    zip: () => 'Enter a 5-digit ZIP code.',
    state: () => 'Choose a state.',
    country: () => 'Choose a country.',
    date: () => 'Enter a real date, like 1985-04-23.',
    date_future: () => "Date of birth can't be in the future.",
    min_age: ({ minAge }) => `You must be at least ${minAge} years old.`,
    unknown_field: () => 'This field is not part of the form.',
    range: ({ label, min, max }) =>
      min !== undefined && max !== undefined ? `${label} must be between ${min} and ${max}.`
      : min !== undefined ? `${label} must be ${min} or more.`
      : `${label} must be ${max ?? ''} or less.`,
    option: () => 'Choose one of the answers offered.',
  },
};
