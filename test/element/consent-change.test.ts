import { expect } from '@open-wc/testing';
import { consentChangeAction } from '../../src/element/consent-change.js';

const withConsent = { consent: true, consentStep: false };
const consentStep = { consent: false, consentStep: true };

describe('consentChangeAction: a box ticked or unticked while the lead waits (issue 15)', () => {
  it('amends the waiting lead with the consent shown now when a box is still ticked', () => {
    expect(consentChangeAction(withConsent, true, true, false)).to.equal('amend');
  });

  it('withdraws the waiting lead when the form requires consent and none is given now', () => {
    expect(consentChangeAction(withConsent, true, false, false)).to.equal('withdraw');
  });

  it('amends rather than withdraws when the form sends leads without consent (consent-optional)', () => {
    expect(consentChangeAction(withConsent, true, false, true)).to.equal('amend');
  });

  it('changes nothing for a lead that carries no consent record, or a screen that asks none', () => {
    expect(consentChangeAction(withConsent, false, false, false)).to.equal(undefined);
    expect(consentChangeAction({ consent: false, consentStep: false }, true, false, false)).to.equal(undefined);
  });

  it('holds back the deferred consent step’s second step when its box is unticked, and leaves it when ticked', () => {
    expect(consentChangeAction(consentStep, false, false, false)).to.equal('withdrawSubmit');
    expect(consentChangeAction(consentStep, false, true, false)).to.equal(undefined);
  });

  it('holds back the consent step even where consent is optional (the step is the consent)', () => {
    expect(consentChangeAction(consentStep, true, false, true)).to.equal('withdrawSubmit');
  });
});
