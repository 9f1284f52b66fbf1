import { expect } from '@open-wc/testing';
import type { Outcome } from '../../src/adapters/lead.js';
import { failureMessage, fieldsRefused, successAnnouncement } from '../../src/element/delivery-view.js';
import { UI_STRINGS } from '../../src/element/strings/index.js';

const en = UI_STRINGS.en;
const outcome = (fields: Partial<Outcome>): Outcome => ({ status: 'failed', retryable: false, ...fields });

describe('failureMessage: what the person is told when a step failed', () => {
  it('says our system is not responding when the failure may pass and the person is online', () => {
    expect(failureMessage(en, outcome({ retryable: true }), false, true)).to.equal(en.failedServer);
    expect(en.failedServer).to.match(/^Our system isn't responding\./);
    expect(en.failedServer).to.not.contain('back online');
  });

  it('says the person seems offline only when the browser is', () => {
    expect(failureMessage(en, outcome({ retryable: true }), false, false)).to.equal(en.failedOffline);
  });

  it('never says the details are saved on this device when the form keeps nothing (persist="none")', () => {
    expect(failureMessage(en, outcome({ retryable: true }), false, true, false)).to.equal(en.failedServerUnsaved);
    expect(failureMessage(en, outcome({ retryable: true }), false, false, false)).to.equal(en.failedOfflineUnsaved);
    for (const locale of [UI_STRINGS.en, UI_STRINGS.es]) {
      expect(locale.failedServerUnsaved).to.not.match(/saved on this device|guardados en este dispositivo/);
      expect(locale.failedOfflineUnsaved).to.not.match(/saved on this device|guardados en este dispositivo/);
    }
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

describe('fieldsRefused: a destination\'s refusals as the form shows them', () => {
  it('keeps a destination\'s own words for the field, and our codes as codes', () => {
    const refused = fieldsRefused(outcome({ status: 'invalid', fieldErrors: { zip_code: 'zip', email: 'This email domain is not accepted' } }), ['email', 'zip_code']);
    expect(refused).to.deep.equal({
      first: 'email',
      codes: { zip_code: 'zip', email: 'characters' },
      reasons: { email: 'This email domain is not accepted' },
      unasked: [],
    });
  });

  it('names the fields the form does not ask, and takes the first refused field in the form\'s order', () => {
    const refused = fieldsRefused(outcome({ status: 'invalid', fieldErrors: { zip_code: 'zip', mobile: 'required', shoe: 'x' } }), ['mobile', 'zip_code']);
    expect(refused.first).to.equal('mobile');
    expect(refused.unasked).to.deep.equal(['shoe']);
  });
});

describe('successAnnouncement: the thank-you in one sentence for the status region', () => {
  it('joins the title and the body', () => {
    expect(successAnnouncement(en, { status: 'accepted', retryable: false })).to.equal('Thank you. We have your details and will be in touch soon.');
    expect(successAnnouncement(en, { status: 'duplicate', retryable: false })).to.equal('Thank you. We already have your details and will be in touch soon.');
  });

  it('tells the person a queued lead needs nothing more from them (the relay\'s ledger delivers it)', () => {
    expect(successAnnouncement(en, { status: 'queued', retryable: false })).to.equal(
      'Thank you. We have your details and will pass them on shortly. There is no need to send them again.',
    );
  });

  it('does not add a full stop after a page\'s own exclamation', () => {
    expect(successAnnouncement({ ...en, successTitle: 'Thanks!' }, { status: 'accepted', retryable: false })).to.equal(
      'Thanks! We have your details and will be in touch soon.',
    );
  });
});
