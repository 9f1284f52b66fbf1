import { expect, fixture, html } from '@open-wc/testing';
import { nothing, render } from 'lit';
import '../../src/define.js';
import type { LeadCaptureConfig } from '../../src/element/config.js';
import type { ConsentController } from '../../src/element/consent-controller.js';
import { FieldProblems, type FieldsHost } from '../../src/element/field-problems.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { Screen } from '../../src/element/steps-controller.js';

const SCREEN = { fields: ['first_name', 'email'], required: ['email'], consent: true, consentStep: false } as unknown as Screen;

/** FieldProblems for a form asking for a first name and an email, its host counting the renders asked for. */
async function problemsFor(attributes: { sellers?: string } = {}) {
  const element = await fixture<LeadCapture>(html`<lead-capture fields="first_name email" required="email" sellers=${attributes.sellers ?? ''}></lead-capture>`);
  const config: LeadCaptureConfig = element.config;
  let updates = 0;
  const host = Object.assign(document.createElement('div'), { values: {}, requestUpdate: () => void updates++ }) as unknown as FieldsHost;
  const problems = new FieldProblems(host, { config: () => config, screen: () => SCREEN, consent: {} as ConsentController });
  problems.hostUpdate();
  return { problems, updates: () => updates };
}

/** The summary's links, as the person reads them: where each goes, and what it says. */
function links(template: unknown): string[][] {
  const container = document.createElement('div');
  render(template, container);
  return [...container.querySelectorAll('a')].map((link) => [link.getAttribute('href') ?? '', link.textContent ?? '']);
}

describe('FieldProblems (what is wrong with the fields, and how it is said)', () => {
  it('says each problem in the page’s words, under its field', async () => {
    const { problems } = await problemsFor();
    problems.errors = { email: 'email' };
    expect(problems.errorFor('email')).to.equal('Enter an email address in the correct format, like name@example.com');
    expect(problems.errorFor('first_name')).to.equal('');
    expect(problems.messagesFor({ email: 'email' })).to.deep.equal({ email: problems.errorFor('email') });
  });

  it('asks for the consent box, or for one of the boxes when there are several sellers', async () => {
    expect((await problemsFor()).problems.messagesFor({ consent: 'required' })).to.deep.equal({ consent: 'Check the box to agree before you submit' });
    const { problems } = await problemsFor({ sellers: 'Acme Solar; Beta Roofing' });
    expect(problems.messagesFor({ consent: 'required' })).to.deep.equal({ consent: 'Check at least one box to agree before you submit' });
  });

  it('shows a destination’s own words for a field it refused, until the problem goes', async () => {
    const { problems } = await problemsFor();
    problems.showReasons({ email: 'This email domain is not accepted' }, { email: 'characters' });
    expect(problems.errorFor('email')).to.equal('This email domain is not accepted');
    problems.errors = {};
    problems.errors = { email: 'characters' };
    expect(problems.errorFor('email')).to.not.equal('This email domain is not accepted');
  });

  it('re-renders the form whenever the problems change', async () => {
    const { problems, updates } = await problemsFor();
    problems.errors = { email: 'email' };
    problems.showSummary({ email: 'email' });
    expect(updates()).to.equal(2);
  });

  it('shows the summary from a refused Submit, linking each problem to its control in the screen’s order, the consent last', async () => {
    const { problems } = await problemsFor();
    expect(problems.renderSummary(SCREEN, 'lc-1')).to.equal(nothing);
    problems.showSummary({ consent: 'required', email: 'required', first_name: 'characters' });
    expect(links(problems.renderSummary(SCREEN, 'lc-1')).map(([href]) => href)).to.deep.equal(['#lc-1-first_name', '#lc-1-email', '#lc-1-consent']);
  });

  it('hides the summary once every problem in it is fixed', async () => {
    const { problems } = await problemsFor();
    problems.showSummary({ email: 'required' });
    problems.errors = {};
    problems.errors = { email: 'email' };
    expect(problems.renderSummary(SCREEN, 'lc-1')).to.equal(nothing);
  });

  it('forgets every problem, ready for another person', async () => {
    const { problems } = await problemsFor();
    problems.showReasons({ email: 'Not accepted' }, { email: 'characters' });
    problems.reset();
    expect(problems.errors).to.deep.equal({});
    expect(problems.errorFor('email')).to.equal('');
  });

  it('judges nothing before the rules arrive: no lead, and a field that must be filled is still required', async () => {
    const { problems } = await problemsFor();
    expect(problems.validating).to.equal(false);
    expect(problems.checkLead()).to.equal(undefined);
    expect(problems.checkRequired('email')).to.deep.equal({ ok: false, error: 'required' });
  });
});
