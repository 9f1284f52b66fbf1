import { expect } from '@open-wc/testing';
import type { Outcome } from '../../src/adapters/lead.js';
import { failureMessage } from '../../src/element/delivery-view.js';
import { UI_STRINGS } from '../../src/element/strings/index.js';

const en = UI_STRINGS.en;
const outcome = (fields: Partial<Outcome>): Outcome => ({ status: 'failed', retryable: false, ...fields });

describe('failureMessage: what the person is told when a step failed', () => {
  it('asks to try again when the failure may pass', () => {
    expect(failureMessage(en, outcome({ retryable: true }), false)).to.equal(en.failedRetryable);
  });

  it('says it plainly when it will not', () => {
    expect(failureMessage(en, outcome({ status: 'rejected' }), false)).to.equal(en.failedFinal);
  });

  it('points at the fields when the destination refused values shown on the form', () => {
    expect(failureMessage(en, outcome({ status: 'invalid' }), true)).to.equal(en.invalidAtDestination);
  });

  it('never blames the person for fields the form does not ask', () => {
    expect(failureMessage(en, outcome({ status: 'invalid' }), false)).to.equal(en.failedFinal);
  });

  it('names a missing or failed TrustedForm certificate before anything else', () => {
    expect(failureMessage(en, outcome({ code: 'trustedform_required', retryable: true }), false)).to.equal(en.trustedformRequired);
    expect(failureMessage(en, outcome({ code: 'trustedform_failed', status: 'invalid' }), true)).to.equal(en.trustedformFailed);
  });
});
