import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { Adapter } from '../../src/adapters/adapter.js';
import type { Outcome } from '../../src/adapters/lead.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { count, freshPage, restoreChunks } from '../helpers/chunks.js';
import { fill, submitButton, until, waitForAbsence } from '../helpers/form.js';

type Page = Window & { dataLayer?: unknown[] };
const page = window as Page;

/** A destination that answers `outcome` to every lead. */
function answering(outcome: Outcome): Adapter {
  return { name: 'scripted', create: async () => ({ outcome, next: null }) };
}

async function form(outcome: Outcome, attributes: Partial<LeadCapture> = {}): Promise<{ element: LeadCapture; visited: string[] }> {
  const element = await fixture<LeadCapture>(html`<lead-capture fields="first_name email mobile" destination="pingtree" persist="none"></lead-capture>`);
  const visited: string[] = [];
  Object.assign(element, { adapter: answering(outcome), minFillMs: 0, navigate: (url: string) => visited.push(url), ...attributes });
  await element.updateComplete;
  return { element, visited };
}

const PERSON = { first_name: 'Jane', email: 'Jane.ONeil@Gmail.com', mobile: '(212) 555-0123' };
/** Anything of the person's that could reach the dataLayer: name, email (either form), phone digits. */
const PERSONAL = /jane|oneil|gmail|2125550123|555-0123/i;

const events = () => (page.dataLayer ?? []).filter((entry) => (entry as { event?: string }).event !== undefined);

describe('<lead-capture> conversions', () => {
  beforeEach(() => {
    freshPage();
    page.dataLayer = [];
  });
  afterEach(() => {
    delete page.dataLayer;
  });

  it('without enhanced-conversions, never loads the hashing’s chunk, and pushes generate_lead without user_data', async () => {
    const hashing = count('enhancedConversions');
    try {
      const { element } = await form({ status: 'accepted', retryable: false });
      await fill(element, PERSON);
      submitButton(element).click();
      await until(() => events().length > 0, 'the dataLayer push');
      expect(events()[0]).not.to.have.property('user_data');
      expect(hashing.asked).to.equal(0);
    } finally {
      restoreChunks();
    }
  });

  it('with enhanced-conversions but datalayer="off", never loads the hashing’s chunk (nothing would be hashed)', async () => {
    const hashing = count('enhancedConversions');
    try {
      const element = await fixture<LeadCapture>(html`<lead-capture enhanced-conversions datalayer="off" fields="first_name email mobile" persist="none"></lead-capture>`);
      Object.assign(element, { adapter: answering({ status: 'accepted', retryable: false }), minFillMs: 0, navigate: () => undefined });
      await element.updateComplete;
      await fill(element, PERSON);
      const submitted = oneEvent(element, 'lead-submitted');
      submitButton(element).click();
      await submitted;
      await waitForAbsence(50);
      expect(page.dataLayer).to.deep.equal([]);
      expect(hashing.asked).to.equal(0);
    } finally {
      restoreChunks();
    }
  });

  it('with enhanced-conversions, asks for the hashing’s chunk as soon as delivery arrives, before any Submit', async () => {
    const hashing = count('enhancedConversions');
    try {
      const element = await fixture<LeadCapture>(html`<lead-capture enhanced-conversions fields="email" persist="none"></lead-capture>`);
      await element.updateComplete;
      await until(() => hashing.asked > 0, 'the hashing’s chunk to be asked for');
    } finally {
      restoreChunks();
    }
  });

  it('pushes generate_lead with the lead’s idempotency key as event_id, and nothing personal', async () => {
    const { element } = await form({ status: 'accepted', retryable: false });
    await fill(element, PERSON);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    await until(() => events().length > 0, 'the dataLayer push');
    expect(events()).to.deep.equal([{ event: 'generate_lead', lead_capture: { event_id: detail.idempotencyKey, destination: 'pingtree', status: 'accepted' } }]);
    expect(JSON.stringify(page.dataLayer)).to.not.match(PERSONAL);
  });

  it('with enhanced-conversions, adds SHA-256 hashes of the email and phone, never the values', async () => {
    const { element } = await form({ status: 'accepted', retryable: false }, { enhancedConversions: true });
    await fill(element, PERSON);
    submitButton(element).click();
    await until(() => events().length > 0, 'the dataLayer push');
    const [event] = events() as { user_data?: Record<string, string> }[];
    expect(event?.user_data).to.deep.equal({
      // SHA-256 of "janeoneil@gmail.com" (Google drops a Gmail address's periods) and of "+12125550123".
      sha256_email_address: '494ea16fe6eafc06bc8868c39f9e0726109cd0a9021044deca1f077b701270c0',
      sha256_phone_number: '27e0fa5123e83b8d78af1156024ff01694f7ccf420aa0a3b0b1cbd2f0c40a33d',
      // SHA-256 of "jane.oneil@gmail.com" and of "12125550123", as Meta asks.
      em: '7c871845851ac7267a0100bed99633d1ae2cf1ab2cef4b222ce17f67caa52053',
      ph: '53ed517fa8e01227bd3ebdc60c78b3f7a7f3a199decdf492af61584ed4ac608d',
    });
    expect(JSON.stringify(page.dataLayer)).to.not.match(PERSONAL);
  });

  it('pushes lead_capture_invalid with the bad fields’ names only', async () => {
    const { element } = await form({ status: 'accepted', retryable: false });
    await fill(element, { first_name: 'Jane', email: 'jane.oneil@', mobile: '(212) 555-0123' });
    const invalid = oneEvent(element, 'lead-invalid');
    submitButton(element).click();
    await invalid;
    expect(events()).to.deep.equal([{ event: 'lead_capture_invalid', lead_capture: { fields: ['email'], destination: 'pingtree' } }]);
    expect(JSON.stringify(page.dataLayer)).to.not.match(PERSONAL);
  });

  it('pushes lead_capture_step as a multi-step form moves, with numbers only', async () => {
    const { element } = await form({ status: 'accepted', retryable: false });
    element.steps = 'first_name | email mobile';
    await element.updateComplete;
    await fill(element, { first_name: 'Jane' });
    const step = oneEvent(element, 'lead-step');
    submitButton(element).click();
    await step;
    expect(events()).to.deep.equal([{ event: 'lead_capture_step', lead_capture: { step: 2, total: 2, destination: 'pingtree' } }]);
    expect(JSON.stringify(page.dataLayer)).to.not.match(PERSONAL);
  });

  it('pushes nothing for a rejected or failed lead', async () => {
    const { element } = await form({ status: 'rejected', retryable: false, code: 'filtered' });
    await fill(element, PERSON);
    const error = oneEvent(element, 'lead-error');
    submitButton(element).click();
    await error;
    expect(page.dataLayer).to.deep.equal([]);
  });

  it('datalayer="off" pushes nothing', async () => {
    const { element } = await form({ status: 'accepted', retryable: false }, { datalayer: 'off' });
    await fill(element, PERSON);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await element.updateComplete;
    expect(page.dataLayer).to.deep.equal([]);
  });

  it('goes to success-url after lead-submitted, with the placeholders filled', async () => {
    const { element, visited } = await form({ status: 'accepted', retryable: false }, { successUrl: '/thanks?lead={event_id}&s={status}&d={destination}' });
    await fill(element, PERSON);
    const order: string[] = [];
    element.addEventListener('lead-submitted', () => order.push(`lead-submitted, visited ${visited.length}`));
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    const { detail } = await submitted;
    await until(() => visited.length > 0, 'the redirect');
    expect(order).to.deep.equal(['lead-submitted, visited 0']);
    expect(visited).to.deep.equal([`${location.origin}/thanks?lead=${detail.idempotencyKey}&s=accepted&d=pingtree`]);
  });

  it('stays when the page cancels lead-submitted (it takes over)', async () => {
    const { element, visited } = await form({ status: 'accepted', retryable: false }, { successUrl: '/thanks' });
    element.addEventListener('lead-submitted', (event) => event.preventDefault());
    await fill(element, PERSON);
    const submitted = oneEvent(element, 'lead-submitted');
    submitButton(element).click();
    await submitted;
    await until(() => events().length > 0, 'the dataLayer push');
    expect(visited).to.deep.equal([]);
    expect(element.querySelector('.lc-success')).to.not.equal(null);
  });

  it('goes to rejected-url when a buyer rejects the lead', async () => {
    const { element, visited } = await form({ status: 'rejected', retryable: false, code: 'filtered' }, { successUrl: '/thanks', rejectedUrl: 'https://offers.example.com/?s={status}' });
    await fill(element, PERSON);
    submitButton(element).click();
    await until(() => visited.length > 0, 'the redirect');
    expect(visited).to.deep.equal(['https://offers.example.com/?s=rejected']);
  });
});
