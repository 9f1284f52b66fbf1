/**
 * Writes a partly typed North American number the way people write it, keystroke by keystroke:
 * "(212) 555-01", "1 (212) 555-0123", "+1 212 555 0123". Every country the widget ships is in the
 * North American Numbering Plan (scripts/phone-metadata.mjs), whose numbers share one national
 * format, (NXX) NXX-XXXX with N 2–9, and one international one, +1 NXX NXX XXXX. So a dozen lines do
 * what libphonenumber-js's AsYouType engine did here, for 7 KB gzip less; libphonenumber-js still
 * decides validity (phone.ts). test/fields/phone-format.test.ts holds it to AsYouType's output.
 */

/** Every decimal digit Unicode knows (full-width, Arabic-Indic, …) as its ASCII digit. */
function asciiDigits(text: string): string {
  let digits = '';
  for (const character of text) {
    if (character >= '0' && character <= '9') digits += character;
    else if (/\p{Nd}/u.test(character)) digits += String(decimalValue(character.codePointAt(0)!));
  }
  return digits;
}

/** Unicode's decimal digits come in runs of whole sets, 0 to 9 in order: the place in its run is the value. */
function decimalValue(codePoint: number): number {
  let start = codePoint;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (codePoint - start) % 10;
}

/** Ten digits or fewer of a national number starting 2–9: "(212) 555-0123" as far as typed. */
function national(number: string): string {
  if (number.length <= 2) return number;
  const area = `(${number.slice(0, 3)})`;
  if (number.length === 3) return area;
  if (number.length <= 6) return `${area} ${number.slice(3)}`;
  return `${area} ${number.slice(3, 6)}-${number.slice(6)}`;
}

/** "212 555 0123" as far as typed: the international grouping. */
function international(number: string): string {
  return [number.slice(0, 3), number.slice(3, 6), number.slice(6)].filter((group) => group !== '').join(' ');
}

/** A national number that the plan's format fits: an area code starting 2–9, at most ten digits. */
const formattable = (number: string) => /^[2-9]\d{0,9}$/.test(number);

export function formatNanpAsYouType(text: string): string {
  // A plus sign counts only as the first character; anything from a later one on is not part of the number.
  const plus = text.indexOf('+', 1);
  const typed = plus === -1 ? text : text.slice(0, plus);
  const digits = asciiDigits(typed);
  if (typed.startsWith('+')) {
    if (!digits.startsWith('1')) return `+${digits}`;
    const rest = digits.slice(1);
    if (rest === '') return '+1';
    return `+1 ${formattable(rest) ? international(rest) : rest}`;
  }
  if (digits.startsWith('1')) {
    // The national prefix 1, then the number.
    const rest = digits.slice(1);
    if (rest === '') return '1';
    if (!/^[2-9]/.test(rest)) return digits;
    return `1 ${formattable(rest) ? national(rest) : rest}`;
  }
  return formattable(digits) ? national(digits) : digits;
}
