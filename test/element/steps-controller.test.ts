import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { resolveConfig, type LeadCaptureAttributes, type LeadCaptureConfig } from '../../src/element/config.js';
import { ConsentController } from '../../src/element/consent-controller.js';
import type { DeliveryController } from '../../src/element/delivery-controller.js';
import type { FieldsController } from '../../src/element/fields-controller.js';
import { StepsController } from '../../src/element/steps-controller.js';
import type { FlowState } from '../../src/flow/submission.js';

const ATTRIBUTES: LeadCaptureAttributes = {
  endpoint: '', adapter: 'relay', destination: '', fields: 'first_name email mobile', required: 'email mobile', locale: 'en',
  country: 'US', minAge: 18, submitLabel: undefined, messages: undefined, consent: 'I agree that {sellers} may call me.',
  sellers: 'ACME', consentVersion: undefined, consentOptional: false, consentTiming: 'submit', trustedform: false,
  trustedformSrc: undefined, trustedformTimeout: 3000, jornaya: '', jornayaSrc: undefined,
};

/** The steps of a form with deferred consent, seen without the element: a bare host, and delivery reduced to its state. */
function stepsAt(state: FlowState, attributes: Partial<LeadCaptureAttributes> = {}): StepsController {
  const controllers: ReactiveController[] = [];
  const host = Object.assign(document.createElement('div'), {
    addController: (controller: ReactiveController) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  });
  const config: LeadCaptureConfig = resolveConfig({ ...ATTRIBUTES, ...attributes }).config;
  const consent = new ConsentController(host);
  const delivery = { state } as DeliveryController;
  return new StepsController(host, { config: () => config, consent, delivery, fields: {} as FieldsController });
}

describe('StepsController: the screen the person is on', () => {
  it('shows the form without consent before create when consent comes after it', () => {
    const screen = stepsAt({ phase: 'idle' }).screen;
    expect(screen).to.deep.equal({ fields: ['first_name', 'email', 'mobile'], required: ['email', 'mobile'], consent: false, consentStep: false });
  });

  it('shows the consent step once the destination wants the second step: the mobile to confirm, and the consent', () => {
    const created = { outcome: { status: 'qualified', retryable: false }, next: 'submit' } as const;
    const screen = stepsAt({ phase: 'awaiting-submit', created }).screen;
    expect(screen).to.deep.equal({ fields: ['mobile'], required: ['mobile'], consent: true, consentStep: true });
  });

  it('stays on the consent step after a failed second step, so the person can agree again', () => {
    const outcome = { status: 'failed', retryable: true } as const;
    expect(stepsAt({ phase: 'failed', stage: 'submit', outcome }).onConsentStep).to.equal(true);
    expect(stepsAt({ phase: 'failed', stage: 'create', outcome }).onConsentStep).to.equal(false);
  });

  it('asks consent on the form itself when it comes with create', () => {
    const screen = stepsAt({ phase: 'idle' }, { consentTiming: 'create' }).screen;
    expect([screen.consent, screen.consentStep]).to.deep.equal([true, false]);
  });
});
