// Where a lead goes after one try (pure): the states, the retry schedule and the settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Outcome } from '../../src/adapters/lead.js';
import { DEFAULT_DELIVERY, LedgerSettingsError, readLedgerSettings } from '../../src/ledger/settings.js';
import { afterAttempt } from '../../src/ledger/states.js';

const T0 = new Date('2026-11-30T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const failed = (extra: Partial<Outcome> = {}): Outcome => ({ status: 'failed', retryable: true, delivery: 'not_delivered', ...extra });

describe('afterAttempt', () => {
  it('settles final outcomes: accepted and qualified are delivered, the rest keep their name', () => {
    for (const [status, state] of [['accepted', 'delivered'], ['qualified', 'delivered'], ['duplicate', 'duplicate'], ['invalid', 'invalid'], ['rejected', 'rejected']] as const) {
      assert.deepEqual(afterAttempt({ status, retryable: false }, { attempts: 1, receivedAt: T0, now: T0 }, DEFAULT_DELIVERY), { state });
    }
  });

  it('waits about 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => {
      const decision = afterAttempt(failed(), { attempts, receivedAt: T0, now: T0 }, { ...DEFAULT_DELIVERY, maxAgeHours: 1000 });
      return (decision.nextAttemptAt!.getTime() - T0.getTime()) / 1000;
    });
    assert.deepEqual(waits, [60, 300, 1800, 7200, 21_600, 43_200, 43_200, 43_200]);
  });

  it('waits at least as long as the destination\'s Retry-After', () => {
    const decision = afterAttempt(failed({ retryAfterSeconds: 900 }), { attempts: 1, receivedAt: T0, now: T0 }, DEFAULT_DELIVERY);
    assert.deepEqual(decision, { state: 'queued', nextAttemptAt: at(900) });
  });

  it('resends a maybe-delivered failure only when the adapter says the destination deduplicates', () => {
    const context = { attempts: 1, receivedAt: T0, now: T0 };
    assert.equal(afterAttempt(failed({ retryable: true, delivery: 'maybe_delivered' }), context, DEFAULT_DELIVERY).state, 'queued');
    assert.equal(afterAttempt(failed({ retryable: false, delivery: 'maybe_delivered' }), context, DEFAULT_DELIVERY).state, 'uncertain');
    assert.equal(afterAttempt(failed({ retryable: false, delivery: undefined }), context, DEFAULT_DELIVERY).state, 'uncertain');
    assert.equal(afterAttempt(failed({ retryable: false, delivery: 'not_delivered' }), context, DEFAULT_DELIVERY).state, 'queued');
  });

  it('fails the lead when the next try would fall past maxAgeHours (72 by default)', () => {
    const late = { attempts: 6, receivedAt: T0, now: at(72 * 3600 - 43_200) };
    assert.equal(afterAttempt(failed(), late, DEFAULT_DELIVERY).state, 'queued');
    assert.equal(afterAttempt(failed(), { ...late, now: at(72 * 3600 - 43_199) }, DEFAULT_DELIVERY).state, 'failed');
  });
});

describe('readLedgerSettings', () => {
  it('fills in the production defaults', () => {
    assert.deepEqual(readLedgerSettings({}), {
      delivery: { retryDelaysSeconds: [60, 300, 1800, 7200, 21_600, 43_200], leaseSeconds: 60, maxAgeHours: 72 },
      retention: { consentDays: 1826, leadDays: 30 },
    });
  });

  it('reads delivery and retention from the config file', () => {
    const settings = readLedgerSettings({ delivery: { retryDelaysSeconds: [1, 2], leaseSeconds: 5 }, retention: { leadDays: 7 } });
    assert.deepEqual(settings.delivery, { retryDelaysSeconds: [1, 2], leaseSeconds: 5, maxAgeHours: 72 });
    assert.deepEqual(settings.retention, { consentDays: 1826, leadDays: 7 });
  });

  it('refuses unknown keys and impossible values with a sentence naming the place', () => {
    assert.throws(() => readLedgerSettings({ delivery: { retryDelays: [1] } }), (error: Error) => error instanceof LedgerSettingsError && /delivery\.retryDelays: unknown setting/.test(error.message));
    assert.throws(() => readLedgerSettings({ delivery: { retryDelaysSeconds: [] } }), /delivery\.retryDelaysSeconds: expected a list/);
    assert.throws(() => readLedgerSettings({ delivery: { retryDelaysSeconds: [60, -1] } }), /delivery\.retryDelaysSeconds\[1\]: expected a positive number/);
    assert.throws(() => readLedgerSettings({ retention: { consentDays: '5y' } }), /retention\.consentDays: expected a positive number/);
    assert.throws(() => readLedgerSettings({ retention: [] }), /retention: expected an object/);
  });
});
