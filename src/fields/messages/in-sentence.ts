/**
 * A label as it reads mid-sentence: "First name" → "first name", but "ZIP code" stays "ZIP code"
 * (an acronym keeps its capitals).
 */
export function inSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1);
}
