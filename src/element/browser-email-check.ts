/**
 * Whether the browser's own `<input type="email">` refuses an address (the HTML standard's valid
 * e-mail address, https://html.spec.whatwg.org/#valid-e-mail-address). The email rule
 * (src/fields/email.ts) is never looser, so the rules refuse such an address too, with the code
 * `email` (test/fields/email-standard.test.ts holds both): the form can say so as the person leaves
 * the field, before the rules have arrived. The rules judge every other address when they come.
 */
export function refusedByBrowser(address: string): boolean {
  const input = document.createElement('input');
  input.type = 'email';
  input.value = address;
  return input.validity.typeMismatch;
}
