// Per-keystroke cost: what the widget does on each key a person types into a phone field (format as
// they type, validate once an error shows) and into an email field (validate), timed call by call.
import { formatPhoneAsYouType } from '../src/fields/phone.js';
import { createLeadValidator } from '../src/fields/validate.js';
import { median, percentile } from './stats.js';

export interface KeystrokeCost {
  readonly work: string;
  readonly keystrokes: number;
  readonly medianUs: number;
  readonly p99Us: number;
}

function time(work: string, inputs: readonly string[], step: (text: string) => unknown, rounds: number): KeystrokeCost {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      for (let length = 1; length <= input.length; length++) {
        const typed = input.slice(0, length);
        const start = performance.now();
        step(typed);
        samples.push((performance.now() - start) * 1000);
      }
    }
  }
  return { work, keystrokes: samples.length, medianUs: median(samples), p99Us: percentile(samples, 99) };
}

export function keystrokeCosts(rounds = 200): KeystrokeCost[] {
  const validator = createLeadValidator({
    fields: ['email', 'mobile'],
    required: ['email', 'mobile'],
    country: 'US',
    minAge: 18,
    today: '2026-11-23',
  });
  const phones = ['2125550123', '(312) 555-0199', '+1 415 555 0134'];
  const emails = ['jane.doe@example.com', 'someone+tag@mail.example.co.uk'];
  // Warm up, as a page that has been open a moment would be.
  time('warm-up', phones, (text) => formatPhoneAsYouType(text, 'US'), 20);
  return [
    time('phone: format as you type', phones, (text) => formatPhoneAsYouType(text, 'US'), rounds),
    time('phone: validate', phones, (text) => validator.field('mobile', text), rounds),
    time('phone: format + validate', phones, (text) => validator.field('mobile', formatPhoneAsYouType(text, 'US')), rounds),
    time('email: validate', emails, (text) => validator.field('email', text), rounds),
  ];
}
