import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { fill, submitButton } from '../helpers/form.js';

const accept = { name: 'accept', create: async () => ({ outcome: { status: 'accepted' as const, retryable: false }, next: null }) };

async function form(extra: Partial<LeadCapture> = {}): Promise<LeadCapture> {
  const element = await fixture<LeadCapture>(html`<lead-capture fields="email" persist="none"></lead-capture>`);
  Object.assign(element, { adapter: accept, minFillMs: 0, ...extra });
  await element.updateComplete;
  await fill(element, { email: 'jane@example.com' });
  return element;
}

async function envelopeOf(element: LeadCapture) {
  const submitting = oneEvent(element, 'lead-submit');
  submitButton(element).click();
  return (await submitting).detail.envelope;
}

describe('<lead-capture> tracking', () => {
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  it('sends the campaign tags of the page URL, the landing page and the referrer', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}utm_source=google&utm_medium=cpc&gclid=Cj0KCQ&sub1=aff-42`);
    const element = await form();
    const { tracking } = await envelopeOf(element);
    expect(tracking).to.include({ utm_source: 'google', utm_medium: 'cpc', gclid: 'Cj0KCQ', sub1: 'aff-42' });
    expect(tracking?.['landing_page']).to.be.a('string');
  });

  it('puts the campaign tags in the form as hidden fields, for scripts that read the form', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}utm_campaign=spring&fbclid=F1`);
    const element = await form();
    const hidden = (name: string) => element.querySelector<HTMLInputElement>(`form input[type="hidden"][name="${name}"]`)?.value;
    expect(hidden('utm_campaign')).to.equal('spring');
    expect(hidden('fbclid')).to.equal('F1');
  });

  it('sends no tracking with tracking="off"', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}&utm_source=google`);
    const element = await form({ tracking: 'off' });
    expect(await envelopeOf(element)).to.not.have.property('tracking');
  });
});

describe('<lead-capture> bot protection', () => {
  it('carries a honeypot that people never see and keyboards never reach', async () => {
    const element = await form();
    const honeypot = element.querySelector<HTMLInputElement>('input[name="lc_website"]');
    expect(honeypot?.tabIndex).to.equal(-1);
    expect(honeypot?.closest('[aria-hidden="true"]')).to.not.equal(null);
    const box = honeypot!.getBoundingClientRect();
    expect(box.right <= 0 || box.width <= 1, 'off screen').to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('sends the honeypot and the time taken, so the relay can tell scripts from people', async () => {
    const element = await form();
    element.querySelector<HTMLInputElement>('input[name="lc_website"]')!.value = 'http://spam.example';
    const { bot } = await envelopeOf(element);
    expect(bot?.honeypot).to.equal('http://spam.example');
    expect(bot?.elapsedMs).to.be.a('number');
  });

  it('sends no sooner than the minimum fill time, saying so in elapsedMs', async () => {
    // The form appears inside fixture(), which also waits for the chunks loaded after that first render.
    const shown = performance.now();
    const element = await fixture<LeadCapture>(html`<lead-capture fields="email" persist="none" min-fill-ms="800"></lead-capture>`);
    element.adapter = accept;
    await fill(element, { email: 'jane@example.com' });
    const submitting = oneEvent(element, 'lead-submit');
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { envelope } = (await submitting).detail;
    await submitted;
    expect(performance.now() - shown).to.be.at.least(800);
    expect(envelope.bot?.elapsedMs).to.be.at.least(800);
  });

  it('carries the page’s challenge token, from a function or from a named field', async () => {
    const fromFunction = await form({ challenge: async () => 'turnstile-abc' });
    expect((await envelopeOf(fromFunction)).bot?.challengeToken).to.equal('turnstile-abc');
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = 'cf-turnstile-response';
    field.value = 'from-the-field';
    document.body.append(field);
    try {
      const fromField = await form({ challengeField: 'cf-turnstile-response' });
      expect((await envelopeOf(fromField)).bot?.challengeToken).to.equal('from-the-field');
    } finally {
      field.remove();
    }
  });
});
