import { expect } from '@open-wc/testing';
import { AsYouType } from 'libphonenumber-js/core';
import { formatNanpAsYouType } from '../../src/fields/phone-format.js';
import { PHONE_COUNTRIES, phoneMetadata } from '../../src/fields/phone-metadata.generated.js';

/** Every prefix of a text, as a person typing it at the end of the field produces them. */
const prefixes = (text: string) => Array.from({ length: text.length }, (_, length) => text.slice(0, length + 1));

/** What libphonenumber-js's as-you-type engine writes: the formatter replaced it, and must agree with it. */
const asYouType = (text: string, country: (typeof PHONE_COUNTRIES)[number] = 'US') => new AsYouType(country, phoneMetadata).input(text);

describe('formatting a North American number as it is typed', () => {
  it('writes a ten-digit number the national way as each digit arrives', () => {
    expect(prefixes('2125550123').map(formatNanpAsYouType)).to.deep.equal([
      '2', '21', '(212)', '(212) 5', '(212) 55', '(212) 555', '(212) 555-0', '(212) 555-01', '(212) 555-012', '(212) 555-0123',
    ]);
  });

  it('keeps the national prefix 1 and a typed +1 in the forms people write them', () => {
    expect(formatNanpAsYouType('12125550123')).to.equal('1 (212) 555-0123');
    expect(formatNanpAsYouType('+12125550123')).to.equal('+1 212 555 0123');
    expect(formatNanpAsYouType('+1 (212) 555-0123')).to.equal('+1 212 555 0123');
  });

  it('leaves digits it cannot place as typed: an area code starting 0 or 1, more than ten digits', () => {
    expect(formatNanpAsYouType('0125550123')).to.equal('0125550123');
    expect(formatNanpAsYouType('1112345678')).to.equal('1112345678');
    expect(formatNanpAsYouType('21255501234')).to.equal('21255501234');
  });

  it('reads digits of any script (full-width, Arabic-Indic)', () => {
    expect(formatNanpAsYouType('２１２５５５０１２３')).to.equal('(212) 555-0123');
    expect(formatNanpAsYouType('٢١٢٥٥٥٠١٢٣')).to.equal('(212) 555-0123');
  });

  it('agrees with libphonenumber-js’s AsYouType at every keystroke, for every country the widget ships', () => {
    const typed = [
      '2125550123', '12125550123', '+12125550123', '+1 212 555 0123', '(212) 555-0123', '212-555-0123', '212.555.0123',
      '1 (212) 555 0123', '+1 (212) 555-0123', '  212 555 0123', '212 555 0123 ', '1(800)5550123', '1.212.555.0123',
      '4165550123', '7875550123', '6715550123', '8005550123', '2121234567', '555-0123', '911', '((212', '212)', '2 1 2 5',
      '1112345678', '0125550123', '2125550123456', '121255501234', '1 21255501234', '+1 2125550123456', '+1 0125550123',
      '+11', '+10', '+ 1 212', '+(1)', '1 0', '1 1', '1+212', '2+12', '  +1 212', '212--555', '+1 212 555 0123 4',
      '２１２５５５０１２３', '٢١٢٥٥٥٠١٢٣', '+44 7700 900123',
    ];
    for (const country of PHONE_COUNTRIES) {
      for (const text of typed.flatMap(prefixes)) {
        expect(formatNanpAsYouType(text), `${JSON.stringify(text)} in ${country}`).to.equal(asYouType(text, country));
      }
    }
  });
});
