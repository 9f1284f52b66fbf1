import { expect } from '@open-wc/testing';
import type { ReactiveController } from 'lit';
import { resolveConfig, type LeadCaptureAttributes, type LeadCaptureConfig } from '../../src/element/config.js';
import { ConsentController } from '../../src/element/consent-controller.js';
import type { DeliveryController } from '../../src/element/delivery-controller.js';
import type { FieldsController } from '../../src/element/fields-controller.js';
import { StepsController } from '../../src/element/steps-controller.js';
import { ScreenSubmit } from '../../src/element/screen-submit.js';
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
  const steps = new StepsController(host, { config: () => config, consent, delivery, fields: {} as FieldsController });
  // What Submit does on each screen comes with the delivery chunk, which a Submit waits for.
  steps.deliveryArrived(ScreenSubmit);
  return steps;
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

describe('StepsController: two presses of Submit', () => {
  /** A form of one screen, its lead valid, whose check waits at the email-typo table until `release()`. */
  function pressedForm(): { steps: StepsController; release: () => void; readonly sends: number } {
    let release!: () => void;
    const typos = new Promise<undefined>((resolve) => (release = () => resolve(undefined)));
    let sends = 0;
    const host = Object.assign(document.createElement('div'), {
      addController: () => undefined,
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
    });
    const config = resolveConfig({ ...ATTRIBUTES, consent: '' }).config;
    const lead = { first_name: 'Jane', email: 'jane@example.com', mobile: '(212) 555-0123' };
    const fields = { checkLead: () => ({ ok: true, lead }), offerSuggestion: () => typos, submitted: false, errors: {} } as unknown as FieldsController;
    const delivery = {
      state: { phase: 'idle' },
      busy: false,
      done: false,
      send: async () => void sends++,
    } as unknown as DeliveryController;
    const steps = new StepsController(host, { config: () => config, consent: new ConsentController(host), delivery, fields });
    steps.deliveryArrived(ScreenSubmit);
    return {
      steps,
      release,
      get sends() {
        return sends;
      },
    };
  }

  it('a second press while the first is still being checked joins it: the lead is sent once', async () => {
    const form = pressedForm();
    const first = form.steps.submit();
    const second = form.steps.submit();
    expect(second, 'the same attempt').to.equal(first);
    form.release();
    await Promise.all([first, second]);
    expect(form.sends).to.equal(1);
  });

  it('a press after the first was checked is a press of its own', async () => {
    const form = pressedForm();
    form.release();
    await form.steps.submit();
    await form.steps.submit();
    expect(form.sends, 'delivery, not the steps, decides whether a lead already on its way goes again').to.equal(2);
  });
});
