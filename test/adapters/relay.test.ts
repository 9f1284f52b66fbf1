import { expect } from '@open-wc/testing';
import type { WireResponse } from '../../src/adapters/http.js';
import { buildRelayCreateRequest, buildRelaySubmitRequest, readRelayResponse } from '../../src/adapters/relay.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const SETTINGS = { endpoint: 'https://relay.example/v1/', destination: 'mlas' };

function answer(status: number, body: unknown, headers: Record<string, string> = {}): WireResponse {
  return { status, body, headers };
}

describe('relay adapter (the browser side of the relay protocol)', () => {
  it('posts the envelope to {endpoint}/leads naming the destination', () => {
    const request = buildRelayCreateRequest({ lead: { email: 'a@b.co' } }, SETTINGS, 'k1');
    expect(request.url).to.equal('https://relay.example/v1/leads');
    expect(request.headers['idempotency-key']).to.equal('k1');
    expect(JSON.parse(request.body ?? '')).to.deep.equal({ lead: { email: 'a@b.co' }, destination: 'mlas' });
  });

  it('posts the second step to {endpoint}/leads/submit with the lead id in the body, never in the URL', () => {
    const request = buildRelaySubmitRequest('lead.1', { mobile: '+12125550123' }, SETTINGS, 'k1');
    expect(request.url).to.equal('https://relay.example/v1/leads/submit');
    expect(JSON.parse(request.body ?? '')).to.deep.equal({ id: 'lead.1', mobile: '+12125550123' });
  });

  it('reads the field errors of a destination’s invalid outcome', () => {
    const result = readRelayResponse(answer(201, { id: 'r1', outcome: { status: 'invalid', code: 'invalid_field', fieldErrors: { mobile: 'phone', x: 3 } }, next: null }), NOW);
    expect(result.outcome).to.deep.equal({ status: 'invalid', retryable: false, code: 'invalid_field', fieldErrors: { mobile: 'phone' } });
  });

  it('reads 409 in_progress as retryable after the Retry-After, and another 409 as final', () => {
    const busy = readRelayResponse(answer(409, { error: 'in_progress' }, { 'retry-after': '1' }), NOW).outcome;
    expect(busy).to.include({ status: 'failed', retryable: true, retryAfterSeconds: 1 });
    expect(readRelayResponse(answer(409, { error: 'idempotency_key_reused' }), NOW).outcome).to.include({ status: 'rejected', retryable: false });
  });

  it('reads 201 {id, outcome, next}', () => {
    const result = readRelayResponse(answer(201, { id: 'r1', outcome: { status: 'qualified', code: '1013' }, next: 'submit' }), NOW);
    expect(result).to.deep.equal({ outcome: { status: 'qualified', retryable: false, code: '1013' }, next: 'submit', reference: 'r1' });
  });

  it('reads 422 as invalid with the field codes', () => {
    const result = readRelayResponse(answer(422, { errors: { email: 'Enter an email…' }, codes: { email: 'email' } }), NOW);
    expect(result.outcome).to.deep.equal({ status: 'invalid', retryable: false, code: 'invalid_fields', fieldErrors: { email: 'email' } });
  });

  it('reads 502 {outcome} as the destination’s failure, retryable as the relay says', () => {
    expect(readRelayResponse(answer(502, { outcome: { status: 'failed', retryable: true } }), NOW).outcome).to.include({ status: 'failed', retryable: true });
    expect(readRelayResponse(answer(502, { outcome: { status: 'failed', retryable: false } }), NOW).outcome).to.include({ retryable: false });
  });

  it('reads 429 without a body as retryable, with Retry-After', () => {
    expect(readRelayResponse(answer(429, null, { 'retry-after': '3' }), NOW).outcome).to.include({ status: 'failed', retryable: true, retryAfterSeconds: 3 });
  });

  it('reads 403 and 404 as final rejections', () => {
    expect(readRelayResponse(answer(403, { error: 'origin' }), NOW).outcome).to.include({ status: 'rejected', retryable: false });
    expect(readRelayResponse(answer(404, { error: 'destination' }), NOW).outcome).to.include({ status: 'rejected', retryable: false });
  });
});
