import { expect } from '@open-wc/testing';
import { createElement, createRef, type JSX } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { LeadCapture as LeadCaptureElement } from '../../src/element/lead-capture.js';
import { LEAD_CAPTURE_EVENTS, LeadCapture, type LeadSubmittedEvent } from '../../src/react/index.js';
import { fill, submitButton, until } from '../helpers/form.js';

/** An adapter that accepts everything, so these tests never touch the network. */
const acceptAll: Adapter = { name: 'accept-all', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };

describe('lead-capture/react', () => {
  let host: HTMLElement;
  let root: Root;

  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
  });

  /** Renders the component and waits for the widget inside to be on screen. */
  async function render(props: Parameters<typeof LeadCapture>[0]): Promise<LeadCaptureElement> {
    root.render(createElement(LeadCapture, props));
    await until(() => host.querySelector('lead-capture form') !== null, 'the widget to render');
    return host.querySelector('lead-capture')!;
  }

  it('renders the widget, and its onLeadSubmitted prop hears the delivered lead', async () => {
    const submitted: LeadSubmittedEvent[] = [];
    const element = await render({ fields: 'first_name email', minFillMs: 0, adapter: acceptAll, onLeadSubmitted: (event) => submitted.push(event) });
    await expect(element).to.be.accessible();
    await fill(element, { first_name: 'Jane', email: 'jane@example.com' });
    submitButton(element).click();
    await until(() => submitted.length > 0, 'onLeadSubmitted');
    expect(submitted[0]?.detail.outcome.status).to.equal('accepted');
    expect(submitted[0]?.detail.idempotencyKey).to.be.a('string');
  });

  it('hands objects to the element whole: config, questions, values and the adapter', async () => {
    const element = await render({
      config: { fields: ['email', 'mobile', 'debt_amount'], required: ['email'] },
      questions: [{ name: 'debt_amount', label: 'Total debt', type: 'number' }],
      values: { email: 'jane@example.com' },
      adapter: acceptAll,
    });
    await element.updateComplete;
    expect([...element.querySelectorAll<HTMLInputElement>('input:not([type="hidden"]):not([name="lc_website"])')].map((input) => [input.name, input.value])).to.deep.equal([
      ['email', 'jane@example.com'],
      ['mobile', ''],
      ['debt_amount', ''],
    ]);
    expect(element.config.required).to.deep.equal(['email']);
    expect(element.config.questions.map((question) => question.name)).to.deep.equal(['debt_amount']);
    expect(element.adapter).to.equal(acceptAll);
  });

  it('calls onLeadInvalid with the field errors, and gives a ref to the element for submit()', async () => {
    const ref = createRef<LeadCaptureElement>();
    const invalid: string[][] = [];
    await render({ ref, fields: 'email', required: 'email', adapter: acceptAll, onLeadInvalid: (event) => invalid.push(Object.keys(event.detail.errors)) });
    await ref.current?.submit();
    expect(invalid).to.deep.equal([['email']]);
  });

  it('has an on… prop for every event the manifest lists', async () => {
    type Manifest = { modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[] };
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const events = manifest.modules.flatMap((module) => module.declarations ?? []).find((entry) => entry.tagName === 'lead-capture')?.events ?? [];
    const mapped = new Set<string>(Object.values(LEAD_CAPTURE_EVENTS));
    expect(events.map((event) => event.name).filter((name) => !mapped.has(name))).to.deep.equal([]);
  });
});

describe('<lead-capture> in React 19 JSX, typed by lead-capture/react', () => {
  let host: HTMLElement;
  let root: Root;

  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('takes properties whole and calls onlead-submitted, as the typings promise', async () => {
    const submitted: LeadSubmittedEvent[] = [];
    // What `<lead-capture fields="email" … onlead-submitted={…} />` compiles to, checked against JSX.IntrinsicElements.
    const props: JSX.IntrinsicElements['lead-capture'] = {
      fields: 'email',
      minFillMs: 0,
      adapter: acceptAll,
      values: { email: 'jane@example.com' },
      'onlead-submitted': (event) => submitted.push(event),
    };
    // @ts-expect-error: the typings refuse a wrong type (min-fill-ms is a number).
    const wrong: JSX.IntrinsicElements['lead-capture'] = { minFillMs: 'soon' };
    expect(wrong.minFillMs).to.equal('soon');
    root.render(createElement('lead-capture', props));
    await until(() => host.querySelector('lead-capture form') !== null, 'the widget to render');
    const element = host.querySelector('lead-capture')!;
    expect(element.adapter).to.equal(acceptAll);
    submitButton(element).click();
    await until(() => submitted.length > 0, 'onlead-submitted');
    expect(submitted[0]?.detail.outcome.status).to.equal('accepted');
  });
});
