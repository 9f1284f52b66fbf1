import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Adapter } from '../../src/adapters/adapter.js';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { QuestionDefinition } from '../../src/fields/questions.js';
import { control, errorText, fill, focusIsOn } from '../helpers/form.js';

/** An adapter that accepts everything, so these tests never touch the network. */
const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

/** A debt-relief form's own questions, placed among the catalogue fields. */
const QUESTIONS: QuestionDefinition[] = [
  { name: 'debt_amount', label: { en: 'Total unsecured debt', es: 'Deuda total sin garantía' }, type: 'number', min: 1000, max: 1_000_000, required: true },
  { name: 'owns_home', label: 'Do you own a home?', type: 'radio', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], required: true },
  { name: 'debt_type', label: 'Main kind of debt', type: 'select', options: ['Credit cards', 'Medical bills', 'Personal loans'] },
  { name: 'hardship', label: { en: 'I am facing a financial hardship', es: 'Estoy pasando por dificultades económicas' }, type: 'checkbox' },
  { name: 'best_time', label: 'Best time to call', placeholder: 'Weekday evenings' },
  { name: 'story', label: 'Anything else we should know?', type: 'textarea' },
];

async function questionForm(extra: Partial<LeadCapture> = {}, fields = 'zip_code debt_amount owns_home debt_type hardship best_time story email'): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture
    min-fill-ms="0"
    persist="none"
    tracking="off"
    fields=${fields}
    required="zip_code email"
    questions=${JSON.stringify(QUESTIONS)}
  ></lead-capture>`);
  element.adapter = acceptAll;
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

/** What the widget would send, or the errors it refused with. */
async function attempt(element: LeadCapture): Promise<{ lead: Record<string, string> } | { errors: Record<string, unknown> }> {
  const outcome = Promise.race([
    oneEvent(element, 'lead-invalid').then((event) => ({ errors: { ...event.detail.errors } })),
    oneEvent(element, 'lead-submit').then((event) => ({ lead: { ...event.detail.envelope.lead } })),
  ]);
  await element.submit();
  return outcome;
}

describe('<lead-capture> questions: rendered like the catalogue fields', () => {
  it('places each question where its name stands in fields, and is accessible', async () => {
    const element = await questionForm();
    const names = [...element.querySelectorAll<HTMLElement>('.lc-fields .lc-field')].map((field) => field.querySelector<HTMLInputElement>('[name]')?.name);
    expect(names).to.deep.equal(['zip_code', 'debt_amount', 'owns_home', 'debt_type', 'hardship', 'best_time', 'story', 'email']);
    await expect(element).to.be.accessible();
  });

  it('asks a radio question as a fieldset whose legend is the question, one labelled radio per option', async () => {
    const element = await questionForm();
    const group = element.querySelector('fieldset.lc-field--owns_home');
    expect(group?.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Do you own a home? (required)');
    const radios = [...(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    expect(radios.map((radio) => [radio.value, element.querySelector(`label[for="${radio.id}"]`)?.textContent?.trim()])).to.deep.equal([
      ['yes', 'Yes'],
      ['no', 'No'],
    ]);
    expect(radios.every((radio) => radio.name === 'owns_home' && radio.required)).to.equal(true);
  });

  it('asks a number in a text box with the numeric keypad, so "25,000" is never emptied by the browser', async () => {
    const element = await questionForm();
    const input = control(element, 'debt_amount') as HTMLInputElement;
    expect([input.type, input.inputMode, input.required]).to.deep.equal(['text', 'decimal', true]);
    expect((control(element, 'best_time') as HTMLInputElement).placeholder).to.equal('Weekday evenings');
    expect([...(control(element, 'debt_type') as HTMLSelectElement).options].map((option) => option.value)).to.deep.equal([
      '',
      'Credit cards',
      'Medical bills',
      'Personal loans',
    ]);
  });

  it('speaks the page locale: labels per locale, the page\'s own overrides first', async () => {
    const element = await questionForm({ locale: 'es', messages: { labels: { best_time: 'Mejor hora para llamar' } } });
    const text = (selector: string) => element.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text('label[for$="-debt_amount"]')).to.equal('Deuda total sin garantía (obligatorio)');
    expect(text('label[for$="-best_time"]')).to.equal('Mejor hora para llamar');
  });
});

describe('<lead-capture> questions: answered as a person does, with the keyboard', () => {
  it('sends each answer under its name: typed digits, the option\'s value, "yes" for a ticked box', async () => {
    const element = await questionForm();
    await fill(element, { zip_code: '10001', email: 'jane@example.com' });
    control(element, 'debt_amount').focus();
    await sendKeys({ type: '25,000' });
    // Tab into the radio group, choose with the arrow keys (the first arrow moves to the second option).
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    const submitted = oneEvent(element, 'lead-submit');
    control(element, 'best_time').focus();
    await sendKeys({ type: 'After 5pm' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await submitted;
    expect(detail.envelope.lead).to.deep.equal({
      zip_code: '10001',
      debt_amount: '25000',
      owns_home: 'no',
      debt_type: 'Credit cards',
      hardship: 'yes',
      best_time: 'After 5pm',
      email: 'jane@example.com',
    });
  });

  it('leaves an unticked box and an unanswered optional question out of the lead', async () => {
    const element = await questionForm();
    await fill(element, { zip_code: '10001', email: 'jane@example.com', debt_amount: '5000' });
    (element.querySelector('input[name="owns_home"][value="yes"]') as HTMLInputElement).click();
    (element.querySelector('input[name="hardship"]') as HTMLInputElement).click();
    (element.querySelector('input[name="hardship"]') as HTMLInputElement).click();
    expect(await attempt(element)).to.deep.equal({ lead: { zip_code: '10001', debt_amount: '5000', owns_home: 'yes', email: 'jane@example.com' } });
  });
});

describe('<lead-capture> questions: refused answers', () => {
  it('says what is wrong at each question, tied to it, with the error summary linking to each', async () => {
    const element = await questionForm();
    await fill(element, { zip_code: '10001', email: 'jane@example.com', debt_amount: '500' });
    expect(await attempt(element)).to.deep.equal({ errors: { debt_amount: 'range', owns_home: 'required' } });
    expect(errorText(element, 'debt_amount')).to.equal('Total unsecured debt must be between 1,000 and 1,000,000');
    const group = element.querySelector('fieldset.lc-field--owns_home');
    const describedBy = group?.getAttribute('aria-describedby');
    expect(element.querySelector(`#${describedBy}`)?.textContent).to.equal('Choose an answer to “Do you own a home?”');
    const [onSummary, where] = focusIsOn(element.querySelector('.lc-error-summary'));
    expect(onSummary, where).to.equal(true);
    const links = [...element.querySelectorAll<HTMLAnchorElement>('.lc-error-summary a')];
    expect(links.map((link) => link.textContent)).to.deep.equal([
      'Total unsecured debt must be between 1,000 and 1,000,000',
      'Choose an answer to “Do you own a home?”',
    ]);
    // The radio group's link puts the person on its first radio, from where the arrow keys choose.
    links[1]?.click();
    const [onRadio, there] = focusIsOn(element.querySelector('input[name="owns_home"]'));
    expect(onRadio, there).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('clears a question\'s error the moment it is answered', async () => {
    const element = await questionForm();
    await fill(element, { zip_code: '10001', email: 'jane@example.com', debt_amount: '5000' });
    await attempt(element);
    (element.querySelector('input[name="owns_home"][value="no"]') as HTMLInputElement).click();
    await element.updateComplete;
    expect(element.querySelector('fieldset.lc-field--owns_home')?.hasAttribute('aria-describedby')).to.equal(false);
    expect(await attempt(element)).to.deep.equal({ lead: { zip_code: '10001', debt_amount: '5000', owns_home: 'no', email: 'jane@example.com' } });
  });

  it('asks only the questions fields names, and says which it left out', async () => {
    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.join(' '));
    try {
      const element = await questionForm({}, 'email owns_home');
      expect([...element.querySelectorAll<HTMLInputElement>('.lc-fields [name]')].map((input) => input.name)).to.deep.equal(['email', 'owns_home', 'owns_home']);
      expect(warned.some((line) => line.includes('question "debt_amount" is not in fields; not asked'))).to.equal(true);
    } finally {
      console.warn = original;
    }
  });

  it('asks to check a required box, naming it, in Spanish too', async () => {
    const english = await questionForm({ required: 'hardship' }, 'hardship');
    expect(await attempt(english)).to.deep.equal({ errors: { hardship: 'required' } });
    expect(errorText(english, 'hardship')).to.equal('Check “I am facing a financial hardship” to continue');
    const spanish = await questionForm({ locale: 'es', required: 'hardship' }, 'hardship');
    expect(await attempt(spanish)).to.deep.equal({ errors: { hardship: 'required' } });
    expect(errorText(spanish, 'hardship')).to.equal('Marque la casilla “Estoy pasando por dificultades económicas” para continuar');
  });

  it('names each unanswered choice question in the error summary, so no two links read alike', async () => {
    const element = await questionForm({ required: 'owns_home debt_type' }, 'owns_home debt_type');
    expect(await attempt(element)).to.deep.equal({ errors: { owns_home: 'required', debt_type: 'required' } });
    const links = [...element.querySelectorAll<HTMLAnchorElement>('.lc-error-summary a')].map((link) => link.textContent);
    expect(links).to.deep.equal(['Choose an answer to “Do you own a home?”', 'Choose an answer for “Main kind of debt”']);
    expect(new Set(links).size).to.equal(2);
    expect(errorText(element, 'debt_type')).to.equal('Choose an answer for “Main kind of debt”');
    await expect(element).to.be.accessible();
  });

  it('says a question\'s own error beside it and in the summary, in the page\'s locale', async () => {
    const own = QUESTIONS.map((question) =>
      question.name === 'debt_amount' ? { ...question, error: { en: 'Enter your total unsecured debt', es: 'Escriba su deuda total sin garantía' } } : question,
    );
    for (const [locale, words] of [['en', 'Enter your total unsecured debt'], ['es', 'Escriba su deuda total sin garantía']] as const) {
      const element = await questionForm({ locale, questions: own }, 'debt_amount');
      expect(await attempt(element)).to.deep.equal({ errors: { debt_amount: 'required' } });
      expect(errorText(element, 'debt_amount')).to.equal(words);
      expect([...element.querySelectorAll('.lc-error-summary a')].map((link) => link.textContent)).to.deep.equal([words]);
    }
  });
});

describe('<lead-capture> questions that cannot work', () => {
  it('skips a definition that cannot work, loudly (console and lead-error), and the rest of the form works', async () => {
    const logged: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    const errors: string[] = [];
    const listener = (event: Event) => errors.push((event as CustomEvent<{ stage: string; message: string }>).detail.stage);
    document.addEventListener('lead-error', listener);
    try {
      const element = await questionForm({}, 'zip_code debt_amount email');
      element.questions = [QUESTIONS[0], { name: 'email', label: 'Email again' }, { name: 'debt_type', label: 'Kind', type: 'select' }];
      await element.updateComplete;
      expect(logged.filter((line) => line.includes('questions[1]') || line.includes('questions[2]'))).to.have.length(2);
      expect(errors).to.deep.equal(['config', 'config']);
      expect(element.querySelector('[name="debt_type"]')).to.equal(null);
      await fill(element, { zip_code: '10001', email: 'jane@example.com', debt_amount: '5000' });
      expect(await attempt(element)).to.deep.equal({ lead: { zip_code: '10001', debt_amount: '5000', email: 'jane@example.com' } });
    } finally {
      console.error = original;
      document.removeEventListener('lead-error', listener);
    }
  });

  it('treats bad JSON in the attribute as no questions, said once, and shows the other fields', async () => {
    const original = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const element = await fixture<LeadCapture>(html`<lead-capture fields="email debt_amount" questions='[{"name": "debt_amount",}]'></lead-capture>`);
      expect(logged.filter((line) => line.includes('not valid JSON'))).to.have.length(1);
      expect([...element.querySelectorAll<HTMLInputElement>('.lc-input')].map((input) => input.name)).to.deep.equal(['email']);
    } finally {
      console.error = original;
    }
  });

  it('carries questions in config, both ways', async () => {
    const element = await questionForm({}, 'email');
    expect(element.config.questions.map((question) => question.name)).to.deep.equal(QUESTIONS.map((question) => question.name));
    element.config = { fields: ['email', 'owns_home'], questions: [QUESTIONS[1]!] };
    await element.updateComplete;
    expect(element.config.questions.map((question) => question.name)).to.deep.equal(['owns_home']);
    expect(element.config.fields).to.deep.equal(['email', 'owns_home']);
  });
});
