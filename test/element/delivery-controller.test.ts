import { expect, fixture, html } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import '../../src/define.js';
import type { LeadCaptureConfig } from '../../src/element/config.js';
import { ConsentController } from '../../src/element/consent-controller.js';
import { DeliveryController } from '../../src/element/delivery-controller.js';
import type { FieldsController } from '../../src/element/fields-controller.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import type { StepsController } from '../../src/element/steps-controller.js';
import type { TrackingController } from '../../src/element/tracking-controller.js';
import { IndexedDbOutbox } from '../../src/flow/outbox.js';

/**
 * DeliveryController without the element's one-Submit-at-a-time guard: two sends of one lead that
 * overlap (both saved to the outbox before either is on its way) must still deliver it once.
 */
describe('DeliveryController: two sends that overlap', () => {
  it('sends the lead once, and takes the one the flow refused back out of the outbox', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let creates = 0;
    const name = `held-${crypto.randomUUID()}`;
    const adapter: Adapter = {
      name,
      create: async () => {
        creates++;
        await gate;
        return { outcome: { status: 'accepted', retryable: false }, next: null };
      },
    };
    // An element with nowhere to send of its own: only the controller under test sends.
    const host = await fixture<LeadCapture>(html`<lead-capture fields="first_name email" min-fill-ms="0"></lead-capture>`);
    const config: LeadCaptureConfig = { ...host.config, adapter };
    const delivery = new DeliveryController(host, {
      config: () => config,
      steps: () => ({ screen: { fields: ['first_name', 'email'], required: [], consent: false, consentStep: false } }) as unknown as StepsController,
      fields: {} as FieldsController,
      consent: new ConsentController(host),
      tracking: { forLead: () => ({}), pageUrl: () => location.href, render: () => [] } as unknown as TrackingController,
      consentVisibility: () => Promise.reject(new Error('no consent on this form')),
    });
    delivery.configure(config, true);
    const keys: string[] = [];
    host.addEventListener('lead-submit', (event) => keys.push(event.detail.idempotencyKey));

    const lead = { first_name: 'Jane', email: 'jane@example.com' };
    const sends = [delivery.send(lead), delivery.send(lead)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    open();
    await Promise.all(sends);

    expect(creates, 'one lead sent').to.equal(1);
    expect(keys, 'one lead offered to the page').to.have.length(1);
    expect(await new IndexedDbOutbox().pending(`custom:${name}`, Date.now()), 'nothing left for a later visit').to.deep.equal([]);
  });
});
