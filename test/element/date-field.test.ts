import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import { datePartNamed } from '../../src/element/date-field.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, errorText, fill, focusIsOn } from '../helpers/form.js';

const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

async function dateForm(extra: Partial<LeadCapture> = {}): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture min-fill-ms="0" fields="date_of_birth" required="date_of_birth"></lead-capture>`);
  element.adapter = acceptAll;
  Object.assign(element, extra);
  await element.updateComplete;
  return element;
}

const box = (element: LeadCapture, part: string) => control(element, `date_of_birth-${part}`) as HTMLInputElement;

describe('date of birth as the GOV.UK memorable-date pattern', () => {
  it('asks in three text boxes, Month, Day and Year, grouped under the legend "Date of birth" with a hint; no date picker', async () => {
    const element = await dateForm();
    await expect(element).to.be.accessible();
    expect(element.querySelector('input[type="date"]')).to.equal(null);
    const fieldset = element.querySelector('fieldset.lc-date');
    expect(fieldset?.querySelector('legend')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Date of birth (required)');
    expect(['month', 'day', 'year'].map((part) => [box(element, part).labels?.[0]?.textContent, box(element, part).inputMode, box(element, part).autocomplete])).to.deep.equal([
      ['Month', 'numeric', 'bday-month'],
      ['Day', 'numeric', 'bday-day'],
      ['Year', 'numeric', 'bday-year'],
    ]);
    // The group is named by its legend and described by the hint, as a screen reader announces on entering it.
    const described = (fieldset?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => element.querySelector(`#${id}`)?.textContent);
    expect(described).to.deep.equal(['For example, 4 23 1985']);
    type Node = { role?: string; name?: string; required?: boolean };
    const tree = (await a11ySnapshot({})) as never;
    const month = findAccessibilityNode(tree, ((node: Node) => node.role === 'textbox' && node.name === 'Month') as never) as Node | null;
    expect(month?.required, 'each box says it is required').to.equal(true);
  });

  it('sends the date typed box by box, with the keyboard, as ISO', async () => {
    const element = await dateForm();
    box(element, 'month').focus();
    await sendKeys({ type: '4' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '23' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '1985' });
    const sent = oneEvent(element, 'lead-submit');
    await element.submit();
    expect((await sent).detail.envelope.lead['date_of_birth']).to.equal('1985-04-23');
  });

  it('says which box is missing, marks only it, and links the summary to it', async () => {
    const element = await dateForm();
    await fill(element, { date_of_birth: '/23/1985' });
    await element.submit();
    expect(errorText(element, 'date_of_birth')).to.equal('Date of birth must include a month');
    expect(['month', 'day', 'year'].map((part) => box(element, part).getAttribute('aria-invalid'))).to.deep.equal(['true', 'false', 'false']);
    const link = element.querySelector<HTMLAnchorElement>('.lc-error-summary a');
    expect(link?.textContent).to.equal('Date of birth must include a month');
    link?.click();
    const [focused, where] = focusIsOn(box(element, 'month'));
    expect(focused, where).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('asks for four digits in the year, and a real date for 30 February', async () => {
    const element = await dateForm();
    await fill(element, { date_of_birth: '4/23/85' });
    expect(errorText(element, 'date_of_birth')).to.equal('Year must include 4 numbers');
    await fill(element, { date_of_birth: '2/30/1985' });
    expect(errorText(element, 'date_of_birth')).to.equal('Date of birth must be a real date');
  });

  it('states the age limit, marking the whole date', async () => {
    const element = await dateForm();
    const year = new Date().getFullYear() - 10;
    await fill(element, { date_of_birth: `1/1/${year}` });
    expect(errorText(element, 'date_of_birth')).to.equal('You must be 18 or older to use this form');
    expect(element.querySelectorAll('.lc-date [aria-invalid="true"]').length).to.equal(3);
  });

  it('shows a pre-filled ISO date in the boxes, and speaks Spanish', async () => {
    const element = await dateForm({ locale: 'es' });
    element.values = { date_of_birth: '1985-04-03' };
    await element.updateComplete;
    expect(['month', 'day', 'year'].map((part) => box(element, part).value)).to.deep.equal(['4', '3', '1985']);
    expect(['month', 'day', 'year'].map((part) => box(element, part).labels?.[0]?.textContent)).to.deep.equal(['Mes', 'Día', 'Año']);
    expect(element.querySelector('.lc-date legend .lc-required')?.textContent).to.equal('(obligatoria)');
  });
});

describe('date of birth in a form of two columns', () => {
  it('takes a whole row, its three boxes side by side, where a half row would wrap the year under the others', async () => {
    const element = await fixture<LeadCapture>(html`<div style="inline-size: 560px"><lead-capture fields="zip_code city date_of_birth"></lead-capture></div>`).then(
      (wrapper) => wrapper.querySelector<LeadCapture>('lead-capture')!,
    );
    await element.updateComplete;
    const zip = control(element, 'zip_code').getBoundingClientRect();
    const city = control(element, 'city').getBoundingClientRect();
    expect(city.left, 'the form has two columns').to.be.greaterThan(zip.right);
    const date = element.querySelector('fieldset.lc-date')!.getBoundingClientRect();
    expect(date.width, 'the date spans both columns').to.be.closeTo(city.right - zip.left, 1);
    const tops = ['month', 'day', 'year'].map((part) => Math.round(box(element, part).getBoundingClientRect().top));
    expect(new Set(tops).size, 'one row of boxes').to.equal(1);
  });
});

describe('datePartNamed: which box of the date a control is', () => {
  it('names the part of each of the three boxes', () => {
    expect(datePartNamed('date_of_birth-month')).to.equal('month');
    expect(datePartNamed('date_of_birth-day')).to.equal('day');
    expect(datePartNamed('date_of_birth-year')).to.equal('year');
  });

  it('names no part for any other control', () => {
    expect(datePartNamed('date_of_birth')).to.equal(undefined);
    expect(datePartNamed('email')).to.equal(undefined);
  });
});
