import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { CASE_RULES, FIELD_CASES } from '../fields/cases.js';
import { control, errorText, fill, focusIsOn, submitButton } from '../helpers/form.js';

/** An adapter that accepts everything, so these tests never touch the network. */
const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

async function formWith(fields: string, required = '', extra: Partial<LeadCapture> = {}): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture min-fill-ms="0" fields=${fields} required=${required}></lead-capture>`);
  element.adapter = acceptAll;
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

/** Types a value as a person does, one character at a time, as `input` events. */
async function typeInto(element: LeadCapture, name: string, text: string): Promise<void> {
  const input = control(element, name) as HTMLInputElement;
  input.focus();
  for (const character of text) {
    input.value += character;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: character }));
    await element.updateComplete;
  }
}

describe('<lead-capture> judges the field table as the relay does', () => {
  for (const row of FIELD_CASES) {
    const expected = 'value' in row ? `sends ${JSON.stringify(row.value)}` : `refuses with ${row.error}`;
    it(`${row.field}: ${row.why} → ${expected}`, async () => {
      const element = await formWith(row.field, '', { minAge: CASE_RULES.minAge, country: CASE_RULES.country });
      const input = element.querySelector<HTMLInputElement>(`[name="${row.field}"]`);
      if (input) input.value = row.input;
      if (!input || input.value === row.input || input.type === 'email') {
        // What a person can put in the control, typed in.
        await fill(element, { [row.field]: row.input });
      } else {
        // A select cannot hold this text; a page can still pre-fill it.
        element.values = { [row.field]: row.input };
      }
      const outcome = Promise.race([
        oneEvent(element, 'lead-invalid').then((event) => ({ error: event.detail.errors[row.field] })),
        oneEvent(element, 'lead-submit').then((event) => ({ value: event.detail.envelope.lead[row.field] })),
      ]);
      await element.submit();
      expect(await outcome).to.deep.equal('value' in row ? { value: row.value } : { error: row.error });
    });
  }
});

describe('<lead-capture> validation as a person meets it', () => {
  it('shows no error while the first characters are being typed', async () => {
    const element = await formWith('email');
    await typeInto(element, 'email', 'jan');
    expect(errorText(element, 'email')).to.equal('');
    expect(control(element, 'email').getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows the error when the person leaves a field with a bad value', async () => {
    const element = await formWith('email');
    await typeInto(element, 'email', 'jan');
    control(element, 'email').blur();
    await element.updateComplete;
    expect(errorText(element, 'email')).to.equal('Enter an email address in the correct format, like name@example.com');
  });

  it('does not nag about an empty field the person merely tabbed through', async () => {
    const element = await formWith('email', 'email');
    control(element, 'email').focus();
    control(element, 'email').blur();
    await element.updateComplete;
    expect(errorText(element, 'email')).to.equal('');
  });

  it('does not judge a field the form itself takes away while the person is in it', async () => {
    // The browser says focusout as a focused control leaves the page: a new step or the consent step
    // replacing the fields is not the person moving on.
    const element = await formWith('first_name email');
    await typeInto(element, 'email', 'jane@');
    element.fields = 'first_name';
    await element.updateComplete;
    element.fields = 'first_name email';
    await element.updateComplete;
    expect(errorText(element, 'email')).to.equal('');
    expect(control(element, 'email').getAttribute('aria-invalid')).to.equal('false');
  });

  it('clears the error the moment the value is fixed, without waiting for blur', async () => {
    const element = await formWith('email');
    await fill(element, { email: 'jane@example' });
    expect(errorText(element, 'email')).to.not.equal('');
    await typeInto(element, 'email', '.com');
    expect(errorText(element, 'email')).to.equal('');
  });

  it('ties each error to its input with aria-invalid and aria-describedby, and never announces it by itself', async () => {
    const element = await formWith('email mobile', 'mobile');
    await element.submit();
    const mobile = control(element, 'mobile');
    expect(mobile.getAttribute('aria-invalid')).to.equal('true');
    const message = element.querySelector(`#${mobile.getAttribute('aria-describedby')}`);
    expect(message?.textContent).to.equal('Enter your mobile number');
    // Eight fields in error must not be eight live regions speaking at once: the summary speaks.
    expect(message?.closest('[aria-live], [role="status"], [role="alert"]')).to.equal(null);
  });

  it('puts the person on the error summary at submit, not on a count in the status line', async () => {
    const element = await formWith('first_name email mobile', 'email mobile');
    await fill(element, { first_name: 'Jane' });
    await element.submit();
    const [focused, where] = focusIsOn(element.querySelector('.lc-error-summary'));
    expect(focused, where).to.equal(true);
    expect(element.querySelector('.lc-status')?.textContent).to.equal('');
  });

  it('stays accessible with every error showing', async () => {
    const element = await formWith('first_name last_name email mobile state zip_code date_of_birth description', 'first_name email mobile state');
    await fill(element, { last_name: 'x1', zip_code: '12', date_of_birth: '2030-01-01' });
    await element.submit();
    // Seven fields, the date's three boxes among them.
    expect(element.querySelectorAll('[aria-invalid="true"]').length).to.equal(9);
    expect(element.querySelectorAll('.lc-error-summary li').length).to.equal(7);
    await expect(element).to.be.accessible();
  });

  it('offers to fix a likely typo in the email domain, in one tap, without blocking', async () => {
    const element = await formWith('email', 'email');
    await fill(element, { email: 'jane@gmial.com' });
    const hint = element.querySelector('.lc-hint');
    expect(hint?.textContent).to.contain('Did you mean jane@gmail.com?');
    expect(errorText(element, 'email')).to.equal('');
    await expect(element).to.be.accessible();
    hint?.querySelector('button')?.click();
    await element.updateComplete;
    expect((control(element, 'email') as HTMLInputElement).value).to.equal('jane@gmail.com');
    expect(element.querySelector('.lc-hint')?.textContent?.trim()).to.equal('');
  });

  it('suggests nothing for an address on a domain it does not know', async () => {
    const element = await formWith('email');
    await fill(element, { email: 'jane@acme-insurance.com' });
    expect(element.querySelector('.lc-hint')?.textContent?.trim()).to.equal('');
  });

  it('formats a phone number as it is typed', async () => {
    const element = await formWith('mobile');
    await typeInto(element, 'mobile', '2125550123');
    expect((control(element, 'mobile') as HTMLInputElement).value).to.equal('(212) 555-0123');
  });

  it('asks only what `fields` names and insists only on what `required` names', async () => {
    const element = await formWith('first_name email', 'email');
    const invalid = oneEvent(element, 'lead-invalid');
    await element.submit();
    expect((await invalid).detail.errors).to.deep.equal({ email: 'required' });
  });

  it('offers the states, DC and territories in a select, each by its 2-letter code', async () => {
    const element = await formWith('state');
    const values = [...(control(element, 'state') as HTMLSelectElement).options].map((option) => option.value);
    expect(values).to.include.members(['', 'NY', 'CA', 'DC', 'PR', 'GU', 'VI']);
    expect(values.filter(Boolean).every((value) => /^[A-Z]{2}$/.test(value))).to.equal(true);
  });
});

describe('<lead-capture> words', () => {
  it('speaks Spanish with locale="es": labels, messages and buttons', async () => {
    const element = await formWith('email mobile', 'mobile', { locale: 'es' });
    await fill(element, { email: 'x@' });
    await element.submit();
    expect(element.querySelector('label[for$="-mobile"]')?.textContent).to.contain('Teléfono celular');
    expect(errorText(element, 'email')).to.equal('Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com');
    expect(errorText(element, 'mobile')).to.equal('Escriba su teléfono celular');
    expect(submitButton(element).textContent?.trim()).to.equal('Enviar');
  });

  it('lets a page override any label or message', async () => {
    const element = await formWith('email', 'email', {
      messages: { labels: { email: 'Work email' }, errors: { required: 'We need this one' } },
    });
    await element.submit();
    expect(element.querySelector('label[for$="-email"]')?.textContent).to.contain('Work email');
    expect(errorText(element, 'email')).to.equal('We need this one');
  });

  it('takes overrides from the messages attribute as JSON', async () => {
    const element = await fixture<LeadCapture>(
      html`<lead-capture fields="email" messages='{"labels":{"email":"Correo de trabajo"}}'></lead-capture>`,
    );
    expect(element.querySelector('label[for$="-email"]')?.textContent).to.contain('Correo de trabajo');
  });

  it('asks to choose, not enter, a required select: "Choose a state"', async () => {
    const element = await formWith('state', 'state');
    await element.submit();
    expect(errorText(element, 'state')).to.equal('Choose a state');
  });

  it('keeps acronyms in mid-sentence labels: "Enter your ZIP code"', async () => {
    const element = await formWith('zip_code', 'zip_code');
    await element.submit();
    expect(errorText(element, 'zip_code')).to.equal('Enter your ZIP code');
  });

  it('agrees the Spanish required mark with the label: "Ciudad (obligatoria)", "Correo electrónico (obligatorio)"', async () => {
    const element = await formWith('email city', 'email city', { locale: 'es' });
    const mark = (name: string) => element.querySelector(`label[for$="-${name}"] .lc-required`)?.textContent;
    expect(mark('city')).to.equal('(obligatoria)');
    expect(mark('email')).to.equal('(obligatorio)');
  });

  it('gives a phone example from the form\'s own country: a Canadian number for country="CA"', async () => {
    const element = await formWith('mobile', 'mobile', { country: 'CA' });
    await fill(element, { mobile: '12' });
    await element.submit();
    expect(errorText(element, 'mobile')).to.contain('(416) 555-0123');
  });
});
