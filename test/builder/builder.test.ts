import { expect } from '@open-wc/testing';
import { TCPA_ONE_TO_ONE } from '../../src/builder/consent-template.js';
import { prerenderedMarkup } from '../../src/builder/prerender.js';
import { FIELD_MESSAGES } from '../../src/fields/messages/index.js';
import { focusIsOn, until } from '../helpers/form.js';
import {
  embedToken,
  untokened,
  attributesOf, button, chooseOption, control, formFields, openBuilder, press, preview, settled, snippetElement, snippetText, typeInto,
  type OpenBuilder,
} from './person.js';

/** A marketer's choices, made with the keyboard through the labelled controls. */
async function makeAForm({ builder }: OpenBuilder): Promise<void> {
  await chooseOption(builder, control(builder, 'Send leads to'), 'Pingtree');
  await press(builder, button(builder, 'Ask and require what Pingtree needs'), 'Enter');
  await press(builder, control(builder, 'Street address'), 'Space');
  await press(builder, control(builder, 'Required (ZIP code)'), 'Space');
  const up = button(builder, 'Move ZIP code up');
  await press(builder, up, 'Enter');
  await press(builder, up, 'Enter');
  await chooseOption(builder, control(builder, 'Theme'), 'Dark');
  await press(builder, button(builder, 'Start from the TCPA one-to-one template'), 'Enter');
  await typeInto(builder, control(builder, 'Sellers named in the consent'), 'ACME Insurance');
  await settled(builder);
}

const CHOSEN = {
  endpoint: 'https://relay.example.com/v1',
  destination: 'pingtree',
  fields: 'first_name last_name zip_code email mobile address',
  required: 'first_name last_name zip_code email mobile',
  consent: TCPA_ONE_TO_ONE,
  sellers: 'ACME Insurance',
  theme: 'dark',
};

describe('the builder, as a marketer uses it', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('is accessible', async () => {
    const { builder } = await openBuilder();
    await expect(builder).to.be.accessible();
  });

  it('makes a form from the labelled controls, and the preview follows each choice', async () => {
    const opened = await openBuilder();
    const { builder } = opened;
    await makeAForm(opened);
    const form = preview(builder);
    await until(() => form.querySelector('.lc-consent-text')?.textContent?.includes('ACME Insurance') === true, 'the consent to name the seller');
    expect(form.getAttribute('theme')).to.equal('dark');
    expect(form.getAttribute('destination')).to.equal('pingtree');
    const { labels } = FIELD_MESSAGES.en;
    expect(formFields(form)).to.deep.equal([
      `first_name: ${labels.first_name} (required)`,
      `last_name: ${labels.last_name} (required)`,
      `zip_code: ${labels.zip_code} (required)`,
      `email: ${labels.email} (required)`,
      `mobile: ${labels.mobile} (required)`,
      `address: ${labels.address}`,
    ]);
    await expect(builder).to.be.accessible();
  });

  it('keeps focus on a row’s arrow as the row moves, so the keyboard can move it again', async () => {
    const { builder } = await openBuilder();
    const up = button(builder, 'Move ZIP code up');
    await press(builder, up, 'Enter');
    const [focused, where] = focusIsOn(button(builder, 'Move ZIP code up'));
    expect(focused, where).to.equal(true);
    expect(builder.querySelector('#b-status')?.textContent).to.equal('ZIP code moved to place 4.');
  });

  it('writes every choice into the embed code, and only what differs from the widget’s defaults', async () => {
    const opened = await openBuilder();
    await makeAForm(opened);
    const attributes = attributesOf(snippetElement(snippetText(opened.builder)));
    expect(attributes).to.deep.equal(CHOSEN);
  });

  it('keeps the settings in the URL: the link reopens the same embed code', async () => {
    const first = await openBuilder();
    await makeAForm(first);
    expect(first.store.query).to.include('destination=pingtree');
    const again = await openBuilder(first.store.query);
    // The same code but the prerendered form's token, fresh for each embed code made.
    expect(untokened(snippetText(again.builder))).to.equal(untokened(snippetText(first.builder)));
    expect(control<HTMLSelectElement>(again.builder, 'Theme').value).to.equal('dark');
  });

  it('gives the form itself in the embed code, as the preview shows it, with its stylesheet; unticked, neither', async () => {
    const { builder } = await openBuilder();
    const box = control(builder, 'Paint the form with the page (prerendered form)');
    expect(box.checked, 'on by default').to.equal(true);
    const snippet = snippetText(builder);
    expect(snippet).to.include('<link rel="stylesheet" href="https://cdn.example.com/lead-capture.css"');
    const token = embedToken(snippet)!;
    expect(token).to.match(/^lc-p-[0-9a-f]{10}$/);
    expect(snippet).to.include(prerenderedMarkup(preview(builder), token)!);
    expect(snippetElement(snippet).getAttribute('prerendered')).to.equal(token);
    expect(snippetElement(snippet).querySelector('[data-lc-prerendered]')!.id).to.equal(token);
    const inside = snippetElement(snippet).querySelector('[data-lc-prerendered]')!;
    expect(formFields(inside)).to.deep.equal(formFields(preview(builder)));
    await press(builder, box, 'Space');
    expect(snippetText(builder)).not.to.include('lead-capture.css');
    expect(snippetElement(snippetText(builder)).children.length).to.equal(0);
  });

  it('copies the embed code with its button', async () => {
    const { builder, clipboard } = await openBuilder();
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    expect(clipboard.text).to.equal(snippetText(builder));
    expect(builder.querySelector('#b-status')?.textContent).to.equal('Embed code copied.');
  });
});
