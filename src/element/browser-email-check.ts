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

/**
 * Whether an address may be called wrong before the rules arrive: the browser refuses it, and it is
 * not white space only (the browser keeps and refuses a non-ASCII space, U+3000, where the rules read
 * the field as empty). What the widget says before its rules come, and the prerendered markup before
 * the widget comes (prerendered-email.ts).
 */
export function wrongBeforeRules(address: string): boolean {
  return address.trim() !== '' && refusedByBrowser(address);
}
