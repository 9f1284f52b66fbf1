import { expect, fixture, html } from '@open-wc/testing';
import type { Outcome } from '../../src/adapters/lead.js';
import { DeliveryProgress } from '../../src/element/delivery-progress.js';
import type { DeliveryView } from '../../src/element/delivery-view.js';

const DOWN: Outcome = { status: 'failed', retryable: true, code: 'network' };
const REJECTED: Outcome = { status: 'rejected', retryable: false };
const ACCEPTED: Outcome = { status: 'accepted', retryable: false };

/** DeliveryProgress as the delivery controller drives it: `show` and `focusAfterRender` opened up. */
class Probe extends DeliveryProgress {
  tell(change: Partial<DeliveryView>): void {
    this.show(change);
  }
  focusOn(selector: string): void {
    this.focusAfterRender(selector);
  }
}

/** A host that counts the renders asked for, holding the widget's form. */
async function host() {
  const element = await fixture<HTMLDivElement>(html`
    <div>
      <form class="lc-form"><input name="email" /><h2 class="lc-success-title" tabindex="-1">Thanks</h2></form>
    </div>
  `);
  let updates = 0;
  const asHost = Object.assign(element, {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  });
  return { element: asHost, updates: () => updates };
}

describe('DeliveryProgress (what the person is told about the lead on its way)', () => {
  it('starts idle: not busy, not done, nothing to try again, nothing said', async () => {
    const progress = new Probe((await host()).element);
    expect(progress.state).to.deep.equal({ phase: 'idle' });
    expect([progress.busy, progress.done, progress.retryable]).to.deep.equal([false, false, false]);
    expect(progress.view).to.include({ status: '', alert: '', preparing: false });
  });

  it('is busy while the lead is being sent, and while its evidence is prepared', async () => {
    const progress = new Probe((await host()).element);
    progress.tell({ state: { phase: 'sending', stage: 'create', attempt: 1 } });
    expect(progress.busy).to.equal(true);
    progress.tell({ state: { phase: 'idle' }, preparing: true });
    expect(progress.busy).to.equal(true);
  });

  it('offers Try again after a failure that may go through later, or one that needs the certificate, never after a final one', async () => {
    const progress = new Probe((await host()).element);
    progress.tell({ state: { phase: 'failed', stage: 'create', outcome: DOWN } });
    expect(progress.retryable).to.equal(true);
    progress.tell({ state: { phase: 'failed', stage: 'create', outcome: { status: 'rejected', retryable: false, code: 'trustedform_required' } } });
    expect(progress.retryable).to.equal(true);
    progress.tell({ state: { phase: 'failed', stage: 'create', outcome: REJECTED } });
    expect(progress.retryable).to.equal(false);
  });

  it('re-renders the host on every change, the status and the alert included', async () => {
    const { element, updates } = await host();
    const progress = new Probe(element);
    progress.status = 'Sending…';
    progress.alert = 'It failed.';
    expect(progress.view).to.include({ status: 'Sending…', alert: 'It failed.' });
    expect(updates()).to.equal(2);
  });

  it('leaves no failure beside the thank-you when a lead goes through after one, and takes the person to the thank-you', async () => {
    const { element } = await host();
    const progress = new Probe(element);
    progress.tell({ state: { phase: 'failed', stage: 'create', outcome: DOWN }, alert: 'You are offline.' });
    progress.tell({ state: { phase: 'done', outcome: ACCEPTED } });
    expect(progress.done).to.equal(true);
    expect(progress.view.alert).to.equal('');
    progress.hostUpdated();
    expect(document.activeElement).to.equal(element.querySelector('.lc-success-title'));
  });

  it('takes the person to a field to fix after the next render, once', async () => {
    const { element } = await host();
    const progress = new Probe(element);
    progress.focusOn('[name="email"]');
    progress.hostUpdated();
    const email = element.querySelector('input')!;
    expect(document.activeElement).to.equal(email);
    email.blur();
    progress.hostUpdated();
    expect(document.activeElement).to.not.equal(email);
  });
});
