import { expect, fixture, html } from '@open-wc/testing';
import { checkPrerenderedEmails, EARLY_MESSAGE } from '../../src/element/prerendered-email.js';

const MESSAGE = 'Enter an email address in the correct format, like name@example.com';

/** A prerendered form's email field as the builder writes it, its error line carrying the widget's words. */
async function markup(options: { message?: boolean; root?: boolean; describedBy?: string } = {}): Promise<{ input: HTMLInputElement; error: HTMLElement }> {
  const { message = true, root = true, describedBy } = options;
  const holder = await fixture<HTMLDivElement>(html`<div>
    <div ?data-lc-prerendered=${root} id="lc-p-0a1b2c3d4e" class="lc-form">
      <input class="lc-input" id="lc-p-0a1b2c3d4e-email" name="email" type="email" aria-invalid="false" aria-describedby=${describedBy ?? ''} />
      <p class="lc-error" id="lc-p-0a1b2c3d4e-email-error" data-lc-message=${message ? MESSAGE : ''}></p>
      <p class="lc-hint" id="lc-p-0a1b2c3d4e-email-hint"></p>
    </div>
  </div>`);
  const input = holder.querySelector('input')!;
  if (describedBy === undefined) input.removeAttribute('aria-describedby');
  if (!message) holder.querySelector('.lc-error')!.removeAttribute(EARLY_MESSAGE);
  checkPrerenderedEmails(holder);
  return { input, error: holder.querySelector('.lc-error')! };
}

function leave(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

describe('the prerendered form’s email check, before the widget arrives', () => {
  it('says an address the browser refuses is wrong as the person leaves the field, tied to the field', async () => {
    const { input, error } = await markup();
    leave(input, 'jane@');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(error.textContent).to.equal(MESSAGE);
    expect(input.getAttribute('aria-describedby')).to.equal(error.id);
  });

  it('clears it when the address is corrected and the field left again', async () => {
    const { input, error } = await markup();
    leave(input, 'jane@');
    leave(input, 'jane@example.com');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(error.textContent).to.equal('');
    expect(input.hasAttribute('aria-describedby')).to.equal(false);
  });

  it('judges a field showing the error again as the person types: a corrected address clears it at once, as in the widget', async () => {
    const { input, error } = await markup();
    leave(input, 'jane@');
    input.value = 'jane@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(error.textContent).to.equal('');
  });

  it('says nothing while a field not showing the error is typed in', async () => {
    const { input, error } = await markup();
    input.value = 'jane@';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(error.textContent).to.equal('');
  });

  it('writes in the form the field is in, when the same embed code is on the page twice', async () => {
    const first = await markup();
    const second = await markup();
    leave(second.input, 'jane@');
    expect(second.error.textContent).to.equal(MESSAGE);
    expect(first.error.textContent).to.equal('');
  });

  it('says nothing of what the browser accepts, of an empty field, or of white space only: the rules judge those', async () => {
    const { input, error } = await markup();
    // The browser accepts it; the rules refuse it (no dot in the domain), when they come.
    for (const value of ['jane@example', '', '   ', '\u3000']) {
      leave(input, value);
      expect(input.getAttribute('aria-invalid'), JSON.stringify(value)).to.equal('false');
      expect(error.textContent, JSON.stringify(value)).to.equal('');
    }
  });

  it('keeps what else describes the field, the error first', async () => {
    const { input, error } = await markup({ describedBy: 'lc-p-0a1b2c3d4e-note' });
    leave(input, 'jane@');
    expect(input.getAttribute('aria-describedby')).to.equal(`${error.id} lc-p-0a1b2c3d4e-note`);
    leave(input, 'jane@example.com');
    expect(input.getAttribute('aria-describedby')).to.equal('lc-p-0a1b2c3d4e-note');
  });

  it('leaves markup alone that carries no message (an older embed code) or is not a prerendered form', async () => {
    for (const options of [{ message: false }, { root: false }]) {
      const { input, error } = await markup(options);
      leave(input, 'jane@');
      expect(input.getAttribute('aria-invalid'), JSON.stringify(options)).to.equal('false');
      expect(error.textContent, JSON.stringify(options)).to.equal('');
    }
  });
});
