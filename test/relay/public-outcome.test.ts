import { expect } from '@open-wc/testing';
import { publicOutcome } from '../../src/relay/public-outcome.js';

describe('publicOutcome: only our words leave the relay (issue 11)', () => {
  it('keeps our own codes and the HTTP status we wrote', () => {
    expect(publicOutcome({ status: 'rejected', retryable: false, code: 'trustedform_required', message: 'x' })).to.deep.equal({
      status: 'rejected',
      retryable: false,
      code: 'trustedform_required',
    });
    expect(publicOutcome({ status: 'failed', retryable: true, code: 'http_503', retryAfterSeconds: 30 })).to.deep.equal({
      status: 'failed',
      retryable: true,
      code: 'http_503',
      retryAfterSeconds: 30,
    });
  });

  it('maps a destination’s documented words to ours, and anything else to destination_error on a problem', () => {
    expect(publicOutcome({ status: 'invalid', retryable: false, code: 'missingField' }).code).to.equal('missing_field');
    expect(publicOutcome({ status: 'rejected', retryable: false, code: 'Lead from jane@victim.example refused' }).code).to.equal('destination_error');
    expect(publicOutcome({ status: 'rejected', retryable: false, code: 'constructor' }).code).to.equal('destination_error');
    expect(publicOutcome({ status: 'accepted', retryable: false, code: '1001' })).to.deep.equal({ status: 'accepted', retryable: false });
  });

  it('keeps field errors on our field keys only, each as one of our codes', () => {
    const outcome = publicOutcome({
      status: 'invalid',
      retryable: false,
      fieldErrors: { email: 'duplicate key jane@victim.example', mobile: 'phone_length', zip_code: 'Zip is required', homePhone: 'bad', __proto__x: 'y' },
    });
    expect(outcome.fieldErrors).to.deep.equal({ email: 'email', mobile: 'phone_length', zip_code: 'required' });
  });

  it('says required for every field of a missingField answer', () => {
    expect(publicOutcome({ status: 'invalid', retryable: false, code: 'missingField', fieldErrors: { first_name: 'First name' } }).fieldErrors).to.deep.equal({
      first_name: 'required',
    });
  });

  it('keeps a destination id only when it looks like an id', () => {
    expect(publicOutcome({ status: 'accepted', retryable: false, destinationId: 'lead_81f2-3a' }).destinationId).to.equal('lead_81f2-3a');
    expect(publicOutcome({ status: 'accepted', retryable: false, destinationId: 'jane@victim.example' })).to.not.have.property('destinationId');
  });
});
