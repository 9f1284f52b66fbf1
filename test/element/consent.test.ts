import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/define.js';
import type { LeadEnvelope } from '../../src/adapters/lead.js';
import { sha256Hex } from '../../src/consent/record.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { control, errorText, fill, focusIsOn, GOOD_VALUES, inView, submitButton, until } from '../helpers/form.js';
import { newScenario, received, script } from '../helpers/standins.js';

const DISCLOSURE = 'By checking this box I agree that {sellers} may call and text me at the number above, including by automated technology. Consent is not a condition of purchase.';
const TRUSTEDFORM_STANDIN = '/standins/trustedform/trustedform.js';
const CERT_URL = /^https:\/\/cert\.trustedform\.com\/[0-9a-f]{40}$/;

declare global {
  interface Window {
    __trustedformStandinLoads?: number;
    __pwned?: number;
  }
}

/** Each test is a fresh page as far as the recorders know: their scripts load again. */
afterEach(() => {
  document.querySelectorAll('script[data-lead-capture]').forEach((element) => element.remove());
  window.__trustedformStandinLoads = 0;
});

function box(element: LeadCapture, index = 0): HTMLInputElement {
  return element.querySelectorAll<HTMLInputElement>('input[name="consent"]')[index]!;
}

async function check(element: LeadCapture, index = 0): Promise<void> {
  box(element, index).click();
  await element.updateComplete;
}

async function sentEnvelope(element: LeadCapture): Promise<LeadEnvelope> {
  const submitting = oneEvent(element, 'lead-submit');
  submitButton(element).click();
  const event = await submitting;
  return event.detail.envelope;
}

async function consentForm(scenario: string, extra = html``): Promise<LeadCapture> {
  return fixture<LeadCapture>(html`<lead-capture
    min-fill-ms="0"
    adapter="webhook"
    endpoint=${`/standins/webhook/${scenario}`}
    fields="first_name last_name email mobile zip_code"
    required="email mobile"
    consent=${DISCLOSURE}
    sellers="ACME Insurance"
    consent-version="tcpa-v3"
    >${extra}</lead-capture
  >`);
}

describe('<lead-capture> consent block', () => {
  it('shows the disclosure beside an opt-in box that is never pre-checked, and is accessible', async () => {
    const element = await consentForm(newScenario());
    expect(box(element).checked).to.equal(false);
    expect(element.querySelector('.lc-consent-text')?.textContent).to.contain('ACME Insurance may call and text me');
    const label = element.querySelector(`label[for="${box(element).id}"]`);
    expect(label !== null && label === element.querySelector('.lc-consent-text'), 'the disclosure is the box’s label').to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('refuses Submit until consent is given, with a clear message, and sends nothing', async () => {
    const scenario = newScenario();
    const element = await consentForm(scenario);
    await fill(element, GOOD_VALUES);
    const invalid = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    const { detail } = await invalid;
    expect(detail.errors).to.deep.equal({ consent: 'required' });
    expect(detail.messages['consent']).to.equal('Check the box to agree before you submit');
    expect(errorText(element, 'consent')).to.equal('Check the box to agree before you submit');
    // The error summary's link takes the person to the box.
    element.querySelector<HTMLAnchorElement>('.lc-error-summary a')?.click();
    const [focused, where] = focusIsOn(box(element));
    expect(focused, where).to.equal(true);
    expect(await received(scenario)).to.have.length(0);
    await check(element);
    expect(errorText(element, 'consent')).to.equal('');
  });

  it('sends a consent record whose hash matches the text the person saw', async () => {
    const element = await consentForm(newScenario());
    await fill(element, GOOD_VALUES);
    const before = new Date();
    await check(element);
    const { consent } = await sentEnvelope(element);
    const visible = (element.querySelector('.lc-consent-text') as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    expect(consent?.text).to.equal(visible);
    expect(consent?.sha256).to.equal(await sha256Hex(visible));
    expect(consent?.sellers).to.deep.equal(['ACME Insurance']);
    expect(consent?.version).to.equal('tcpa-v3');
    // The page's address without its query (only tracking parameters would be kept; issue 11, item 10).
    expect(consent?.pageUrl).to.equal(`${location.origin}${location.pathname}`);
    expect(Date.parse(consent?.checkedAt ?? '')).to.be.at.least(before.getTime());
    expect(Date.parse(consent?.submittedAt ?? '')).to.be.at.least(Date.parse(consent?.checkedAt ?? ''));
  });

  it('delivers the consent record to the destination with the lead', async () => {
    const scenario = newScenario();
    const element = await consentForm(scenario);
    await fill(element, GOOD_VALUES);
    await check(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    const [request] = await received(scenario);
    expect((request?.body as LeadEnvelope).consent).to.deep.equal(detail.consent);
  });

  it('tags the disclosure, the seller, the box and the button for TrustedForm and Jornaya', async () => {
    const element = await consentForm(newScenario());
    expect(element.querySelector('.lc-consent')?.getAttribute('data-tf-element-role')).to.equal('offer');
    expect(element.querySelector('.lc-consent-text')?.getAttribute('data-tf-element-role')).to.equal('consent-language');
    expect(element.querySelector('[data-tf-element-role="consent-advertiser-name"]')?.textContent).to.equal('ACME Insurance');
    expect(box(element).getAttribute('data-leadid-type')).to.equal('disclosure');
    expect(submitButton(element).getAttribute('data-tf-element-role')).to.equal('submit');
  });

  it('gives each of several sellers its own box, and records only those agreed to', async () => {
    const element = await fixture<LeadCapture>(html`<lead-capture
      adapter="webhook"
      endpoint="/nowhere"
      fields="email"
      consent="I agree that each company I check below may call me at the number I gave."
      sellers="ACME Insurance; Best Rates, LLC; Zeta Home"
    ></lead-capture>`);
    const boxes = element.querySelectorAll<HTMLInputElement>('input[name="consent"]');
    expect(boxes.length).to.equal(3);
    expect([...boxes].every((input) => !input.checked)).to.equal(true);
    expect(boxes[1]?.getAttribute('data-tf-element-role')).to.equal('consent-opted-advertiser-input-2');
    expect(element.querySelector('[data-tf-element-role="consent-opted-advertiser-name-2"]')?.textContent).to.equal('Best Rates, LLC');
    await expect(element).to.be.accessible();
    await fill(element, { email: 'jane@example.com' });
    await check(element, 1);
    const { consent } = await sentEnvelope(element);
    expect(consent?.sellers).to.deep.equal(['Best Rates, LLC']);
    expect(consent?.text).to.equal('I agree that each company I check below may call me at the number I gave. ACME Insurance Best Rates, LLC Zeta Home');
  });

  it('takes the disclosure from a <template slot="consent">, keeping links and never running scripts', async () => {
    const element = await consentForm(
      newScenario(),
      html`<template slot="consent"
        >I agree to the <a href="https://acme.example/terms" onclick="window.__pwned = 1">Terms</a> and that {sellers} may
        call me.<script>
          window.__pwned = 2;
        </script></template
      >`,
    );
    element.consent = '';
    await element.updateComplete;
    const text = element.querySelector('.lc-consent-text');
    expect(text?.querySelector('a')?.getAttribute('href')).to.equal('https://acme.example/terms');
    expect(text?.querySelector('a')?.hasAttribute('onclick')).to.equal(false);
    expect(text?.querySelector('script')).to.equal(null);
    // Not clicked: even a synthetic click follows a target=_blank link, and a new tab would push every
    // other test page into the background. The handler is gone; the script never ran.
    expect(window.__pwned).to.equal(undefined);
    expect(text?.textContent?.replace(/\s+/g, ' ')).to.contain('I agree to the Terms and that ACME Insurance may call me.');
  });

  it('joins the sellers named in the disclosure with the locale’s word, or the page’s (messages.ui.sellersAnd)', async () => {
    const element = await fixture<LeadCapture>(html`<lead-capture
      adapter="webhook"
      endpoint="/nowhere"
      fields="email"
      consent="I agree that {sellers} may call me."
      sellers="ACME Insurance; Best Rates, LLC; Zeta Home"
    ></lead-capture>`);
    const text = () => element.querySelector('.lc-consent-text')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    expect(text()).to.contain('ACME Insurance, Best Rates, LLC and Zeta Home may call me.');
    element.locale = 'es';
    await element.updateComplete;
    expect(text()).to.contain('ACME Insurance, Best Rates, LLC y Zeta Home');
    element.locale = 'en';
    element.messages = { ui: { sellersAnd: '&' } };
    await element.updateComplete;
    expect(text()).to.contain('ACME Insurance, Best Rates, LLC & Zeta Home may call me.');
  });

  it('lets a lead go without consent when consent is optional, recording that the box was not checked', async () => {
    const element = await consentForm(newScenario());
    element.consentOptional = true;
    await fill(element, GOOD_VALUES);
    const { consent } = await sentEnvelope(element);
    expect(consent?.checkedAt).to.equal(null);
  });
});

describe('<lead-capture> TrustedForm', () => {
  async function trustedForm(scenario: string, src = TRUSTEDFORM_STANDIN, timeout = 3000): Promise<LeadCapture> {
    const element = await consentForm(scenario);
    element.trustedformSrc = src;
    element.trustedformTimeout = timeout;
    element.trustedform = true;
    await element.updateComplete;
    return element;
  }

  it('loads the script once per page, the way TrustedForm documents it', async () => {
    const first = await trustedForm(newScenario());
    await trustedForm(newScenario());
    // The recorders' chunk comes on its own time (nothing waits for it): both widgets have started them once it is here.
    await until(() => document.querySelector('script[data-lead-capture="trustedform"]') !== null, 'the TrustedForm script');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const scripts = document.querySelectorAll<HTMLScriptElement>('script[data-lead-capture="trustedform"]');
    expect(scripts.length).to.equal(1);
    const url = new URL(scripts[0]!.src);
    expect(url.pathname).to.equal(TRUSTEDFORM_STANDIN);
    expect(url.searchParams.get('field')).to.equal('xxTrustedFormCertUrl');
    expect(url.searchParams.get('ping_field')).to.equal('xxTrustedFormPingUrl');
    expect(url.searchParams.get('use_tagged_consent')).to.equal('true');
    expect(url.searchParams.get('l')).to.match(/^\d+/);
    await until(() => window.__trustedformStandinLoads === 1, 'the script to run');
    expect(first.querySelector('input[name="xxTrustedFormCertUrl"]')).to.not.equal(null);
  });

  it('captures the certificate and sends it with the lead', async () => {
    const scenario = newScenario();
    const element = await trustedForm(scenario);
    await fill(element, GOOD_VALUES);
    await check(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(detail.evidence.trustedform).to.equal('captured');
    const [request] = await received(scenario);
    const { trustedform } = request?.body as LeadEnvelope;
    expect(trustedform?.certUrl).to.match(CERT_URL);
    expect(trustedform?.token).to.equal(trustedform?.certUrl);
    expect(trustedform?.pingUrl).to.match(/^https:\/\/ping\.trustedform\.com\//);
  });

  it('waits a bounded time for a slow script, then sends without the certificate and says so', async () => {
    const scenario = newScenario();
    const element = await trustedForm(scenario, `${TRUSTEDFORM_STANDIN}?delay=5000`, 300);
    await fill(element, GOOD_VALUES);
    await check(element);
    const started = performance.now();
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(performance.now() - started).to.be.below(2000);
    expect(detail.evidence.trustedform).to.equal('missing');
    const [request] = await received(scenario);
    expect(request?.body).to.not.have.property('trustedform');
  });

  it('still delivers the lead when the script never loads (blocked, or an ad blocker)', async () => {
    const scenario = newScenario();
    const element = await trustedForm(scenario, '/standins/trustedform/missing.js', 200);
    await fill(element, GOOD_VALUES);
    await check(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(detail.outcome.status).to.equal('accepted');
    expect(detail.evidence.trustedform).to.equal('missing');
  });
});

describe('<lead-capture> Jornaya LeadiD', () => {
  it('loads the campaign script, carries #leadid_token in the form and sends the token', async () => {
    const scenario = newScenario();
    const element = await consentForm(scenario);
    element.jornayaSrc = '/standins/jornaya/campaign/ABC123.js';
    element.jornaya = 'ABC123';
    await element.updateComplete;
    expect(element.querySelector('form #leadid_token')?.getAttribute('name')).to.equal('universal_leadid');
    await fill(element, GOOD_VALUES);
    await check(element);
    const { jornaya } = await sentEnvelope(element);
    expect(jornaya?.leadId).to.match(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });
});

describe('<lead-capture> deferred consent (create, then consent, then submit)', () => {
  /** The MLAS two-step form through the relay's scenario, consent asked after createLead. */
  const mlasTemplate = (scenario: string) => html`<lead-capture
    min-fill-ms="0"
    endpoint=${`/relay/${scenario}/v1`}
    destination="mlas"
    fields="first_name last_name email mobile address city state zip_code date_of_birth"
    required="first_name last_name email mobile address city state zip_code date_of_birth"
    consent=${DISCLOSURE}
    sellers="Alleviate Financial"
    consent-timing="submit"
    trustedform
    trustedform-src=${TRUSTEDFORM_STANDIN}
  ></lead-capture>`;

  async function mlasForm(scenario: string): Promise<LeadCapture> {
    const element = await fixture<LeadCapture>(mlasTemplate(scenario));
    await fillMlas(element);
    return element;
  }

  /** What MLAS requires of every lead, typed as a person would. */
  async function fillMlas(element: LeadCapture): Promise<void> {
    await fill(element, { ...GOOD_VALUES, address: '350 Fifth Avenue', city: 'New York', date_of_birth: '1985-04-23' });
    element.values = { ...element.values, state: 'NY' };
  }

  async function createAndReachConsentStep(element: LeadCapture): Promise<void> {
    const created = oneEvent(element, 'lead-created');
    submitButton(element).click();
    const { detail } = await created;
    expect(detail.outcome.status).to.equal('qualified');
    expect(detail.next).to.equal('submit');
    await element.updateComplete;
  }

  it('shows the consent step after create: the mobile to confirm, the disclosure, and I agree', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await mlasForm(scenario);
    expect(element.querySelector('.lc-consent'), 'no consent before create').to.equal(null);
    await createAndReachConsentStep(element);
    expect(element.querySelector('.lc-step-title')?.textContent).to.equal('One last step');
    const [focused, where] = focusIsOn(element.querySelector('.lc-step-title'));
    expect(focused, where).to.equal(true);
    expect([...element.querySelectorAll<HTMLInputElement>('.lc-input')].map((input) => input.name)).to.deep.equal(['mobile']);
    expect((control(element, 'mobile') as HTMLInputElement).value).to.equal('(212) 555-0123');
    expect(box(element).checked).to.equal(false);
    expect(submitButton(element).textContent?.trim()).to.equal('I agree');
    await expect(element).to.be.accessible();
  });

  it('sends submitLead with the certificate ID and the verified mobile once the person agrees', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await mlasForm(scenario);
    await createAndReachConsentStep(element);
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    expect((await refused).detail.errors).to.deep.equal({ consent: 'required' });
    await fill(element, { mobile: '(312) 555-0199' });
    await check(element);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    // MLAS's own statusCode stays in the relay (issue 11): the page gets our status.
    expect(detail.outcome).to.include({ status: 'accepted' });
    expect(detail.consent?.sellers).to.deep.equal(['Alleviate Financial']);
    const submitLead = (await received(scenario)).find((request) => JSON.stringify(request.body).includes('submitLead('));
    const input = (submitLead?.body as { variables: { input: Record<string, string> } }).variables.input;
    expect(input['trustedformCertificateID']).to.match(/^[0-9a-f]{40}$/);
    expect(input['mobilePhone']).to.equal('3125550199');
    // After the consent step too, the person is taken to the thank-you's heading.
    await element.updateComplete;
    const [focused, where] = focusIsOn(element.querySelector('.lc-success-title'));
    expect(focused, where).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('sends the consent step’s record to the relay with the submit step, the same record the page is told of', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await mlasForm(scenario);
    await createAndReachConsentStep(element);
    const submitBodies: unknown[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/v1/leads/submit')) submitBodies.push(JSON.parse(String(init?.body)));
      return original(input, init);
    };
    try {
      await check(element);
      const submitted = oneEvent(element, 'lead-submitted');
      submitButton(element).click();
      const { detail } = await submitted;
      expect(submitBodies).to.have.length(1);
      const { consent } = submitBodies[0] as { consent?: LeadEnvelope['consent'] };
      expect(consent?.sellers).to.deep.equal(['Alleviate Financial']);
      expect(consent?.checkedAt).to.be.a('string');
      expect(consent?.sha256).to.equal(await sha256Hex(consent?.text ?? ''));
      expect(consent).to.deep.equal(detail.consent);
    } finally {
      window.fetch = original;
    }
  });

  it('shows the error summary, and puts the person on it, when I agree is pressed without the box', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await mlasForm(scenario);
    await createAndReachConsentStep(element);
    const refused = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    await refused;
    await element.updateComplete;
    const summary = element.querySelector<HTMLElement>('.lc-error-summary');
    expect(summary?.querySelector('h2')?.textContent).to.equal('There is a problem');
    expect([...(summary?.querySelectorAll('a') ?? [])].map((link) => link.textContent)).to.deep.equal(['Check the box to agree before you submit']);
    const [focused, where] = focusIsOn(summary);
    expect(focused, where).to.equal(true);
    summary?.querySelector('a')?.click();
    const [onBox, boxWhere] = focusIsOn(box(element));
    expect(onBox, boxWhere).to.equal(true);
    expect((await received(scenario)).filter((request) => JSON.stringify(request.body).includes('submitLead(')), 'nothing sent').to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('on a 390 px phone, after submitLead scrolls the thank-you into view and announces it through the status region', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    await setViewport({ width: 390, height: 700 });
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <div style="height: 1200px">A long landing page</div>
        ${mlasTemplate(scenario)}
        <footer style="height: 600px">Footer</footer>
      </div>`);
      const element = page.querySelector<LeadCapture>('lead-capture')!;
      await fillMlas(element);
      await createAndReachConsentStep(element);
      const region = element.querySelector('[role="status"]');
      expect(region, 'a status region before I agree').to.not.equal(null);
      await check(element);
      submitButton(element).scrollIntoView({ block: 'end' });
      const submitted = oneEvent(element, 'lead-submitted');
      submitButton(element).click();
      await submitted;
      await element.updateComplete;
      expect(element.querySelector('[role="status"]'), 'the same region, not a new one').to.equal(region);
      expect(region?.textContent).to.equal('Thank you. We have your details and will be in touch soon.');
      const heading = element.querySelector('.lc-success-title');
      const [focused, where] = focusIsOn(heading);
      expect(focused, where).to.equal(true);
      expect(inView(heading), `heading at ${JSON.stringify(heading?.getBoundingClientRect())} in a ${innerHeight}px viewport`).to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('tells the person clearly when MLAS needs a certificate it did not get (400), and lets them try again', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'pingPost' });
    const element = await mlasForm(scenario);
    element.trustedform = false;
    await createAndReachConsentStep(element);
    await check(element);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    expect(detail.outcome.code).to.equal('trustedform_required');
    expect(detail.message).to.equal("We couldn't record your consent yet. Please wait a moment and press I agree again.");
    await element.updateComplete;
    expect(element.querySelector('[role="alert"]')?.textContent).to.equal(detail.message);
    expect(submitButton(element).textContent?.trim()).to.equal('Try again');
  });

  it('tells the person clearly when the certificate fails verification (422)', async () => {
    const scenario = newScenario();
    await script(scenario, {}, { mode: 'certFails' });
    const element = await mlasForm(scenario);
    await createAndReachConsentStep(element);
    await check(element);
    const failed = oneEvent(element, 'lead-error');
    submitButton(element).click();
    const { detail } = await failed;
    expect(detail.outcome.code).to.equal('trustedform_failed');
    expect(detail.retryable).to.equal(false);
    expect(detail.message).to.equal("We couldn't verify your consent. Please contact us another way.");
  });

  it('skips the consent step for a lead that is not qualified', async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'unique' });
    const element = await mlasForm(scenario);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    expect(detail.outcome).to.include({ status: 'accepted' });
    expect(element.querySelector('.lc-consent')).to.equal(null);
  });
});
