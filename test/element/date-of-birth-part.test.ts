import { expect } from '@open-wc/testing';
import '../../src/define.js';
import { asksDateOfBirth } from '../../src/element/date-of-birth-part.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { count, hold, restoreChunks } from '../helpers/chunks.js';
import { control, until } from '../helpers/form.js';

/**
 * The date of birth's boxes are a chunk of their own (`lead-capture.date-of-birth.js`), loaded only by
 * a form whose fields name `date_of_birth`, before that form first renders.
 */

afterEach(() => {
  restoreChunks();
  document.querySelectorAll('lead-capture').forEach((element) => element.remove());
});

describe('asksDateOfBirth: which forms need the date-of-birth chunk', () => {
  it('a form whose fields name the date of birth, however the names are separated', () => {
    expect(asksDateOfBirth('first_name date_of_birth')).to.equal(true);
    expect(asksDateOfBirth('email,date_of_birth')).to.equal(true);
    expect(asksDateOfBirth(' date_of_birth\n')).to.equal(true);
  });

  it('not a form without it, nor the default fields', () => {
    expect(asksDateOfBirth('first_name email')).to.equal(false);
    expect(asksDateOfBirth('date_of_birth_note')).to.equal(false);
    expect(asksDateOfBirth('')).to.equal(false);
    expect(asksDateOfBirth(undefined)).to.equal(false);
  });
});

describe('a form without a date of birth', () => {
  it('never asks for the date-of-birth chunk', async () => {
    const date = count('dateOfBirth');
    const element = document.createElement('lead-capture') as LeadCapture;
    element.setAttribute('fields', 'first_name email state');
    element.setAttribute('persist', 'none');
    document.body.append(element);
    await until(() => element.querySelector('form') !== null, 'the form to render');
    const email = control(element, 'email') as HTMLInputElement;
    email.value = 'jane@example.com';
    email.dispatchEvent(new InputEvent('input', { bubbles: true }));
    email.blur();
    await element.updateComplete;
    expect(date.asked).to.equal(0);
    expect(element.values).to.deep.equal({ email: 'jane@example.com' });
  });
});

// The first form in this page to need the chunk (held back here): once loaded, it stays for the page.
describe('a prerendered form with a date of birth, before the date-of-birth chunk arrives', () => {
  it('stays on screen and usable, renders nothing of its own, and is taken over with the date typed in its boxes once the chunk arrives', async () => {
    const date = hold('dateOfBirth');
    const holder = document.createElement('div');
    // The markup as the builder's prerendered embed carries it (src/builder/prerender.ts), cut to its controls.
    holder.innerHTML = `<lead-capture fields="email date_of_birth" required="email date_of_birth" persist="none" tracking="off" prerendered="lc-p-dob">
      <div id="lc-p-dob" data-lc-prerendered>
        <label for="lc-p-dob-email">Email</label><input id="lc-p-dob-email" name="email" type="email" form="lc-p-none">
        <fieldset><legend>Date of birth</legend>
          <label for="lc-p-dob-date_of_birth">Month</label><input id="lc-p-dob-date_of_birth" name="date_of_birth-month" inputmode="numeric" form="lc-p-none">
          <label for="lc-p-dob-date_of_birth-day">Day</label><input id="lc-p-dob-date_of_birth-day" name="date_of_birth-day" inputmode="numeric" form="lc-p-none">
          <label for="lc-p-dob-date_of_birth-year">Year</label><input id="lc-p-dob-date_of_birth-year" name="date_of_birth-year" inputmode="numeric" form="lc-p-none">
        </fieldset>
      </div>
    </lead-capture>`;
    document.body.append(holder);
    const element = holder.querySelector('lead-capture') as LeadCapture;
    await until(() => date.asked > 0, 'the date-of-birth chunk to be asked for');
    const markup = (name: string) => element.querySelector<HTMLInputElement>(`[data-lc-prerendered] [name="${name}"]`)!;
    markup('email').value = 'jane@example.com';
    markup('date_of_birth-month').value = '4';
    markup('date_of_birth-day').value = '23';
    markup('date_of_birth-year').focus();
    markup('date_of_birth-year').value = '1985';
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(element.querySelector('form.lc-form'), 'no widget form before the chunk arrives').to.equal(null);
    expect(element.querySelector('[data-lc-prerendered]'), 'the prerendered form still there').not.to.equal(null);

    date.release();
    await until(() => element.querySelector('form.lc-form') !== null, 'the widget’s form');
    await element.updateComplete;
    expect(element.querySelector('[data-lc-prerendered]'), 'the markup taken over').to.equal(null);
    expect(element.values).to.deep.equal({ email: 'jane@example.com', date_of_birth: '1985-04-23' });
    expect(['month', 'day', 'year'].map((part) => (control(element, `date_of_birth-${part}`) as HTMLInputElement).value)).to.deep.equal(['4', '23', '1985']);
    expect(element.ownerDocument.activeElement, 'focus where the person was').to.equal(control(element, 'date_of_birth-year'));
    await expect(element).to.be.accessible();
    holder.remove();
  });
});
