import { expect } from '@open-wc/testing';
import { deliveryOfError, exchange, httpFailure, networkFailure, resendPolicy, singleRequestAdapter } from '../../src/adapters/http.js';
import type { Outcome } from '../../src/adapters/lead.js';

const NOW = new Date('2026-11-23T12:00:00Z');

/** A fetch failure as Node's fetch (undici) reports it: a TypeError whose cause carries the system code. */
function nodeFetchError(code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
}

describe('may this failure be sent again? (src/adapters/http.ts)', () => {
  describe('a send with no answer', () => {
    it('was not delivered when the connection was refused or the name did not resolve', () => {
      for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']) {
        expect(deliveryOfError(nodeFetchError(code)), code).to.equal('not_delivered');
      }
    });

    it('reads the code of the first error when the connection attempts were many (AggregateError)', () => {
      const error = new TypeError('fetch failed', { cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]) });
      expect(deliveryOfError(error)).to.equal('not_delivered');
    });

    it('may have been delivered after a timeout, a reset, or a browser’s bare "Failed to fetch"', () => {
      expect(deliveryOfError(new DOMException('signal timed out', 'TimeoutError'))).to.equal('maybe_delivered');
      expect(deliveryOfError(nodeFetchError('ECONNRESET'))).to.equal('maybe_delivered');
      expect(deliveryOfError(nodeFetchError('UND_ERR_SOCKET'))).to.equal('maybe_delivered');
      expect(deliveryOfError(new TypeError('Failed to fetch'))).to.equal('maybe_delivered');
    });

    it('names a timeout as such', () => {
      expect(networkFailure(new DOMException('signal timed out', 'TimeoutError'))).to.include({ status: 'failed', code: 'timeout', delivery: 'maybe_delivered' });
    });

    it('may have been delivered when the answer began and was then cut off', async () => {
      const broken = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          controller.error(new TypeError('network error'));
        },
      });
      const fetch = async () => new Response(broken, { status: 200 });
      const error = await exchange({ url: 'https://x.example/', method: 'POST', headers: {} }, fetch).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(networkFailure(error)).to.include({ status: 'failed', code: 'answer_lost', delivery: 'maybe_delivered' });
    });
  });

  describe('an HTTP answer', () => {
    const answer = (status: number, headers: Record<string, string> = {}) => httpFailure({ status, headers, body: null }, NOW);

    it('was not delivered on 408, 425, 429 and 503 with Retry-After', () => {
      for (const [status, headers] of [[408, {}], [425, {}], [429, {}], [503, { 'retry-after': '3' }]] as const) {
        expect(answer(status, headers), String(status)).to.include({ status: 'failed', retryable: true, delivery: 'not_delivered' });
      }
    });

    it('may have been delivered on 500, 502, 504 and a 503 without Retry-After', () => {
      for (const status of [500, 502, 504, 503]) expect(answer(status), String(status)).to.include({ status: 'failed', delivery: 'maybe_delivered' });
    });

    it('keeps Retry-After, in seconds', () => {
      expect(answer(429, { 'retry-after': '7' }).retryAfterSeconds).to.equal(7);
    });

    it('is a final refusal for the operator on 401 and 403, naming the settings', () => {
      expect(answer(401)).to.include({ status: 'rejected', retryable: false, code: 'http_401' });
      expect(answer(403).message).to.contain('settings');
    });
  });

  describe('resendPolicy', () => {
    const maybe: Outcome = { status: 'failed', retryable: true, delivery: 'maybe_delivered', code: 'timeout' };
    const notDelivered: Outcome = { status: 'failed', retryable: true, delivery: 'not_delivered', code: 'http_429' };

    it('resends what was not delivered, to any destination', () => {
      expect(resendPolicy(notDelivered, false)).to.include({ status: 'failed', retryable: true });
    });

    it('resends what may have been delivered only to a destination that deduplicates by our key', () => {
      expect(resendPolicy(maybe, true)).to.include({ status: 'failed', retryable: true, delivery: 'maybe_delivered' });
    });

    it('makes it uncertain, final, everywhere else: never a silent second record', () => {
      expect(resendPolicy(maybe, false)).to.include({ status: 'uncertain', retryable: false, delivery: 'maybe_delivered', code: 'timeout' });
    });

    it('treats a failure that does not say as maybe delivered', () => {
      expect(resendPolicy({ status: 'failed', retryable: true }, false).status).to.equal('uncertain');
    });

    it('leaves every other outcome as it is', () => {
      const accepted: Outcome = { status: 'accepted', retryable: false };
      expect(resendPolicy(accepted, false)).to.equal(accepted);
    });
  });

  it('a single-request adapter applies it to what fetch throws', async () => {
    const read = (): Outcome => ({ status: 'accepted', retryable: false });
    const build = () => ({ url: 'https://x.example/', method: 'POST' as const, headers: {} });
    const fetch = async (): Promise<Response> => {
      throw new DOMException('signal timed out', 'TimeoutError');
    };
    const context = { fetch, idempotencyKey: 'k', now: () => NOW };
    expect((await singleRequestAdapter('a', build, read, false).create({ lead: {} }, context)).outcome.status).to.equal('uncertain');
    expect((await singleRequestAdapter('b', build, read, true).create({ lead: {} }, context)).outcome).to.include({ status: 'failed', retryable: true });
  });
});
