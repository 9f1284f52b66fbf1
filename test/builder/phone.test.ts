import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { TCPA_ONE_TO_ONE } from '../../src/builder/consent-template.js';
import { openPage } from './person.js';

const PHONE = { width: 390, height: 844 };

/** The elements that reach past the page's right edge, to name in a failure. */
function pastTheEdge(page: Document): string[] {
  const edge = page.documentElement.clientWidth;
  return [...page.body.querySelectorAll('*')]
    .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
    .slice(0, 6)
    .map((element) => `${element.localName}${element.id ? `#${element.id}` : ''}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''} (right edge ${Math.round(element.getBoundingClientRect().right)} px)`);
}

function expectNoSidewaysScroll(page: Document): void {
  const { scrollWidth, clientWidth } = page.documentElement;
  expect(scrollWidth, `the page is ${scrollWidth} px wide in ${clientWidth} px: ${pastTheEdge(page).join(', ')}`).to.be.at.most(clientWidth);
}

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('builder.html on a phone (390 × 844)', function () {
  this.timeout(30_000);
  before(() => setViewport(PHONE));
  after(() => setViewport({ width: 800, height: 600 }));

  it('does not scroll sideways with a new form: the embed code and its Content-Security-Policy hash fit', async () => {
    const { frame, builder } = await openPage('', PHONE);
    expect(builder.querySelector('#b-csp-hash')?.textContent, 'the long sha256 code is on the page').to.match(/^'sha256-/);
    expectNoSidewaysScroll(frame.contentDocument!);
  });

  it('does not scroll sideways with every panel filled: a relay destination, questions, steps, consent and long URLs', async () => {
    const questions = JSON.stringify([
      { name: 'debt_amount', label: 'Total unsecured debt, including credit cards and medical bills', type: 'select', options: ['Under $10,000', '$10,000 or more'], required: true },
    ]);
    const search = new URLSearchParams({
      destination: 'mlas',
      endpoint: 'https://relay.a-rather-long-company-name-for-a-relay.example.com/v1/leads/ingest',
      fields: 'zip_code debt_amount first_name last_name email mobile address city state date_of_birth',
      questions,
      steps: 'zip_code debt_amount | address city state date_of_birth | first_name last_name email mobile',
      consent: TCPA_ONE_TO_ONE,
      sellers: 'ACME Insurance Agency Incorporated; Best-Rates-For-Everyone-Holdings LLC',
      trustedform: 'on',
      jornaya: 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
      'success-url': 'https://example.com/thank-you/for-your-request-about-debt-relief?lead={event_id}&status={status}&utm_campaign=spring',
      accent: '#c2410c',
      radius: '4',
    });
    const { frame, builder } = await openPage(`?${search}`, PHONE);
    expect(builder.querySelector('#relay-config'), 'the relay config is shown').not.to.equal(null);
    expect(builder.querySelector('.b-question'), 'the question is shown').not.to.equal(null);
    expectNoSidewaysScroll(frame.contentDocument!);
  });
});
