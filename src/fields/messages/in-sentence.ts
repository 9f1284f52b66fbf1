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

/**
 * Whether a page's label is a whole question ("Do you own a home?", "¿Es dueño de su casa?") rather
 * than a name for the answer ("Total debt"): a question is answered, a name is given an answer for.
 */
export function asksQuestion(label: string): boolean {
  return /[?？]\s*$/u.test(label);
}
