import { expect } from '@open-wc/testing';
import { UI_STRINGS } from '../../src/element/strings/index.js';
import { FIELD_MESSAGES } from '../../src/fields/messages/index.js';
import { focusIsOn, until } from '../helpers/form.js';
import {
  attributesOf, button, chooseOption, control, openBuilder, press, preview, snippetElement, snippetText, typeInto,
} from './person.js';

function embed(builder: HTMLElement): Record<string, string> {
  return attributesOf(snippetElement(builder.querySelector('#snippet')?.textContent ?? ''));
}

describe('the builder’s questions', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('adds a question, edits it and places it, and the snippet and relay config carry the same definition', async () => {
    const { builder } = await openBuilder();
    await press(builder, button(builder, 'Add a question'), 'Enter');
    const [focused, where] = focusIsOn(control(builder, 'Label'));
    expect(focused, where).to.equal(true);
    await typeInto(builder, control(builder, 'Label'), 'Total debt');
    await typeInto(builder, control(builder, 'Name (sent as)'), 'debt_amount');
    await chooseOption(builder, control(builder, 'Type'), 'Drop-down');
    await typeInto(builder, control(builder, 'Options, one per line'), 'Under $10,000\n$10,000 or more');
    await press(builder, control(builder, 'Required'), 'Space');
    for (let i = 0; i < 5; i++) await press(builder, button(builder, 'Move Total debt (question) up'), 'Enter');

    const definition = [{ name: 'debt_amount', label: 'Total debt', type: 'select', options: ['Under $10,000', '$10,000 or more'], required: true }];
    const attributes = embed(builder);
    expect(attributes['fields']).to.equal('debt_amount first_name last_name email mobile zip_code');
    expect(JSON.parse(attributes['questions']!)).to.deep.equal(definition);
    expect(snippetText(builder)).to.include(`questions='[{"name":"debt_amount"`);
    const relay = JSON.parse(builder.querySelector('#relay-config')!.textContent!) as { destinations: Record<string, { questions: unknown }> };
    expect(relay.destinations['webhook']!.questions).to.deep.equal(definition);
    expect(preview(builder).getAttribute('questions')).to.equal(attributes['questions']);
    await expect(builder).to.be.accessible();
  });

  it('says what is wrong with a question that cannot work, beside its name, and leaves it out', async () => {
    const { builder } = await openBuilder();
    await press(builder, button(builder, 'Add a question'), 'Enter');
    const name = control(builder, 'Name (sent as)');
    await typeInto(builder, name, 'email');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const error = builder.querySelector(`#${name.getAttribute('aria-describedby')!.split(' ')[0]}`);
    expect(error?.textContent).to.equal('"email" is a catalogue field; name the question something else, or use the field itself');
    expect(embed(builder)).not.to.have.property('questions');
    expect(embed(builder)).not.to.have.property('fields');
    await expect(builder).to.be.accessible();
  });

  it('removes a question', async () => {
    const { builder } = await openBuilder();
    await press(builder, button(builder, 'Add a question'), 'Enter');
    expect(embed(builder)).to.have.property('questions');
    await press(builder, button(builder, 'Remove question 1'), 'Enter');
    expect(embed(builder)).not.to.have.property('questions');
    expect(builder.querySelector('#b-status')?.textContent).to.equal('Question 1 removed.');
  });
});

describe('the builder’s steps', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('splits a new form into two steps as soon as they are chosen: the ZIP code first, name and contact details last', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Split the form into'), '2 steps');
    const steps = embed(builder)['steps'] ?? '';
    const groups = steps.split('|').map((group) => group.trim());
    expect(groups, `steps="${steps}"`).to.have.length(2);
    expect(groups.every((group) => group !== ''), `steps="${steps}"`).to.equal(true);
    expect(steps).to.equal('zip_code | first_name last_name email mobile');
    const form = preview(builder);
    await until(() => form.getAttribute('steps') === steps && form.querySelector('[name="email"]') === null, 'the preview to show its first step');
    expect(form.querySelector('[name="zip_code"]') !== null, 'the ZIP code on the first step').to.equal(true);
    expect(form.querySelector('button[type="submit"]')?.textContent?.trim()).to.equal(UI_STRINGS.en.next);
    expect(control<HTMLSelectElement>(builder, 'Step for ZIP code').value).to.equal('1');
    expect(control<HTMLSelectElement>(builder, `Step for ${FIELD_MESSAGES.en.labels.email}`).value).to.equal('2');
    await expect(builder).to.be.accessible();
  });

  it('keeps a field the person placed on its step when the number of steps changes', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Split the form into'), '2 steps');
    await chooseOption(builder, control(builder, `Step for ${FIELD_MESSAGES.en.labels.first_name}`), '1');
    expect(embed(builder)['steps']).to.equal('first_name zip_code | last_name email mobile');
    await chooseOption(builder, control(builder, 'Split the form into'), '3 steps');
    expect(embed(builder)['steps']).to.equal('first_name zip_code | last_name | email mobile');
  });

  it('says so when the person’s placing leaves a step with no field', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Split the form into'), '2 steps');
    expect(builder.querySelector('#b-empty-steps')).to.equal(null);
    await chooseOption(builder, control(builder, 'Step for ZIP code'), '2');
    expect(embed(builder)).not.to.have.property('steps');
    expect(builder.querySelector('#b-empty-steps')?.textContent).to.equal('No field is on step 1: the form has one page.');
  });

  it('splits the form into steps, the ZIP code first', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Split the form into'), '2 steps');
    await chooseOption(builder, control(builder, 'Step for ZIP code'), '1');
    expect(embed(builder)['steps']).to.equal('zip_code | first_name last_name email mobile');
    expect(preview(builder).getAttribute('steps')).to.equal('zip_code | first_name last_name email mobile');
    await expect(builder).to.be.accessible();
  });
});

describe('the builder’s conversions and look', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('writes the thank-you page, dataLayer and enhanced conversions, and the preview has them too', async () => {
    const { builder } = await openBuilder();
    await typeInto(builder, control(builder, 'Thank-you page URL'), 'https://example.com/thanks?lead={event_id}&s={status}');
    await typeInto(builder, control(builder, 'Page for a rejected lead'), 'https://example.com/offers');
    await press(builder, control(builder, 'Push events to the Google Tag Manager dataLayer'), 'Space');
    await press(builder, control(builder, 'Enhanced conversions (hashed email and phone)'), 'Space');
    await chooseOption(builder, control(builder, 'Language'), 'Spanish');
    const attributes = embed(builder);
    expect(attributes).to.include({
      'success-url': 'https://example.com/thanks?lead={event_id}&s={status}',
      'rejected-url': 'https://example.com/offers',
      datalayer: 'off',
      'enhanced-conversions': '',
      locale: 'es',
    });
    expect(snippetText(builder)).to.include('success-url="https://example.com/thanks?lead={event_id}&amp;s={status}"');
    const { style, ...rest } = attributes;
    expect(style).to.equal(undefined);
    expect(attributesOf(preview(builder))).to.include({ ...rest, endpoint: preview(builder).getAttribute('endpoint')! });
  });

  it('gives the accent colour and corners as custom properties, with readable button text', async () => {
    const { builder } = await openBuilder();
    const accent = control(builder, 'Accent colour');
    accent.value = '#ffd500';
    accent.dispatchEvent(new Event('input', { bubbles: true }));
    await builder.updateComplete;
    await typeInto(builder, control(builder, 'Corner radius (px)'), '0');
    expect(embed(builder)['style']).to.equal(
      '--lead-capture-accent: #ffd500; --lead-capture-accent-text: #0d1117; --lead-capture-radius: 0px; --lead-capture-input-radius: 0px; --lead-capture-button-radius: 0px',
    );
    const form = preview(builder);
    expect(form.style.getPropertyValue('--lead-capture-accent')).to.equal('#ffd500');
    expect(getComputedStyle(form.querySelector('button[type="submit"]')!).borderTopLeftRadius).to.equal('0px');
    expect(builder.querySelector('.b-panel .b-warning')?.textContent).to.include('hard to see');
  });
});

describe('the builder’s destination', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('asks and requires what the destination needs, and says so', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Send leads to'), 'Alleviate MLAS');
    // A new form already asks and requires the email and mobile.
    const missing = ['first_name', 'last_name', 'address', 'city', 'state', 'zip_code', 'date_of_birth'] as const;
    const named = missing.map((key) => FIELD_MESSAGES.en.labels[key]).join(', ');
    expect(builder.querySelector('.b-warning')?.textContent).to.include(`Alleviate MLAS refuses leads without ${named}.`);
    expect(embed(builder)['required']).to.equal('email mobile');
    await press(builder, button(builder, 'Ask and require what Alleviate MLAS needs'), 'Enter');
    expect(builder.querySelector('#b-status')?.textContent).to.equal(`${named}: now asked and required.`);
    expect(builder.querySelector('.b-warning')).to.equal(null);
    expect(embed(builder)['required']).to.equal('first_name last_name email mobile zip_code address city state date_of_birth');
    expect(builder.querySelector('#relay-config')?.textContent).to.include('"clientSecret": { "env": "MLAS_CLIENT_SECRET" }');
  });

  it('posts straight to a webhook URL with no relay', async () => {
    const { builder } = await openBuilder();
    await chooseOption(builder, control(builder, 'Send leads to'), 'A webhook URL');
    await typeInto(builder, control(builder, 'Webhook URL'), 'https://hooks.zapier.com/hooks/catch/1/abc/');
    expect(embed(builder)).to.deep.equal({ endpoint: 'https://hooks.zapier.com/hooks/catch/1/abc/', adapter: 'webhook', required: 'email mobile' });
    expect(builder.querySelector('#relay-config')).to.equal(null);
  });
});

describe('the builder’s Reset and Copy', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('resets every setting to a new form, and the URL with them', async () => {
    const { builder, store } = await openBuilder('destination=ivvy&theme=dark&consent=Hi');
    expect(embed(builder)).to.include({ destination: 'ivvy', theme: 'dark', consent: 'Hi' });
    await press(builder, button(builder, 'Reset'), 'Enter');
    expect(embed(builder)).to.deep.equal({ endpoint: 'https://relay.example.com/v1', destination: 'webhook', required: 'email mobile' });
    expect(store.query).to.equal('');
    expect(control<HTMLSelectElement>(builder, 'Theme').value).to.equal('light');
  });

  it('selects the code for the person to copy when the clipboard is refused', async () => {
    const { builder } = await openBuilder();
    builder.clipboard = { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) };
    await press(builder, button(builder, 'Copy the relay config'), 'Enter');
    await until(() => builder.querySelector('#b-status')?.textContent !== '', 'the status');
    expect(builder.querySelector('#b-status')?.textContent).to.equal('Relay config selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    expect(getSelection()?.toString().trimEnd()).to.equal(builder.querySelector('#relay-config')?.textContent?.trimEnd());
  });
});
