// How the relay tells a fetch failure that never left from one that may have reached the destination:
// the system error code under the failure, named in the outcome's message (src/adapters/never-sent.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neverSent } from '../../src/adapters/never-sent.js';

function failure(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

describe('neverSent', () => {
  it('names the code on the cause', () => {
    assert.equal(neverSent(failure({ code: 'ECONNREFUSED' })), 'The destination could not be reached (ECONNREFUSED).');
  });

  it('names the first of an AggregateError’s codes when the cause has none', () => {
    assert.equal(neverSent(failure(new AggregateError([Object.assign(new Error('a'), { code: 'ENETUNREACH' })]))), 'The destination could not be reached (ENETUNREACH).');
  });

  it('names the first of an AggregateError’s codes when the cause’s own code is a number', () => {
    const cause = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'EHOSTUNREACH' })]), { code: 111 });
    assert.equal(neverSent(failure(cause)), 'The destination could not be reached (EHOSTUNREACH).');
  });

  it('answers undefined for a code that may have come after the request left, or none', () => {
    assert.equal(neverSent(failure({ code: 'ECONNRESET' })), undefined);
    assert.equal(neverSent(new TypeError('Failed to fetch')), undefined);
  });
});
