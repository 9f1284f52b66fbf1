import { expect } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import { isDelivered, type OutcomeStatus } from '../../src/adapters/lead.js';
import { RelayConfigError, resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import type { RecordedRequest, ScriptedAnswer } from '../standins/index.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { GOOD_LEAD, testRelay } from '../helpers/relay.js';
import { delivered, script } from '../helpers/standins.js';
import { isPublicCode } from '../../src/relay/public-outcome.js';

type Relay = ReturnType<typeof testRelay>;
type ConfigChange = (file: RelayConfigFile) => RelayConfigFile;

export interface ContractCase {
  readonly name: string;
  /** How the stand-in answers the next requests. */
  readonly script?: readonly ScriptedAnswer[];
  /** The envelope sent; default `{ lead: GOOD_LEAD }`. */
  readonly envelope?: Record<string, unknown>;
  /** Anything to do first (send an earlier lead, say). */
  readonly before?: (relay: Relay) => Promise<void>;
  /** Changes to the relay's configuration for this case (wrong credentials, say). */
  readonly config?: ConfigChange;
  readonly expect: {
    readonly httpStatus: number;
    readonly status: OutcomeStatus;
    readonly code?: string;
    readonly retryable?: boolean;
    /** The fields blamed on the person, by our names; none unless listed. */
    readonly fieldErrors?: readonly string[];
  };
  /** What the destination must (or must not) have been sent, read from the stand-in's log. */
  readonly sent?: (requests: readonly RecordedRequest[]) => void;
}

/** Settings that cannot work: the relay refuses to start and says why, before any lead is blamed. */
export interface MisconfiguredCase {
  readonly name: string;
  readonly config: ConfigChange;
  readonly refusal: RegExp;
}

/**
 * The destination receives the lead, then holds its answer past the relay's bound. The relay must
 * answer so that the widget's resend (same key) never makes a second record: `uncertain` (final,
 * replayed to the resend), or a retryable failure that the resend resolves at a destination that
 * deduplicates by our key.
 */
export interface TimeoutCase {
  readonly name: string;
  readonly expect: 'uncertain' | 'resolved-by-resend';
  readonly config?: ConfigChange;
  /** What else to check once the resend is answered (MLAS: the qualified lead still gets its submit). */
  readonly then?: (relay: Relay, resend: Awaited<ReturnType<Relay['create']>>) => Promise<void>;
}

type AtLeastOne<T> = readonly [T, ...T[]];
type Undocumented = { readonly undocumented: string };

/**
 * Each outcome at least once, from the destination's document; a duplicate or an invalid-lead answer
 * only where the document has one (say why not otherwise). Then the faults the first pass missed
 * (issue 12): a timeout after the destination received the lead, each conditional field of the
 * document, and settings that cannot work.
 */
export interface ContractCases {
  readonly accepted: AtLeastOne<ContractCase>;
  readonly duplicate: AtLeastOne<ContractCase> | Undocumented;
  readonly invalid: AtLeastOne<ContractCase> | Undocumented;
  readonly rejected: AtLeastOne<ContractCase>;
  /** Failures that may be sent again: not delivered, or delivered to a destination that deduplicates. */
  readonly failed: AtLeastOne<ContractCase>;
  /** Failures that may have been delivered to a destination that does not deduplicate. */
  readonly uncertain: AtLeastOne<ContractCase> | { readonly deduplicates: string };
  readonly timeoutAfterReceipt: AtLeastOne<TimeoutCase>;
  readonly conditional: AtLeastOne<ContractCase> | Undocumented;
  readonly misconfigured: AtLeastOne<MisconfiguredCase>;
}

const SECRETS = Object.entries(STANDIN_ENV)
  .filter(([name]) => name !== 'RELAY_SECRET')
  .map(([, value]) => value);

/** The relay bound in the timeout case, and how long the stand-in holds its answer beyond it. */
const SHORT_TIMEOUT_MS = 400;
const HELD_MS = 1200;

function compose(...changes: readonly (ConfigChange | undefined)[]): ConfigChange {
  return (file) => changes.reduce((current, change) => (change ? change(current) : current), file);
}

/** The refusal `resolveRelayConfig` gives the stand-in configuration after `change`, or 'accepted'. */
export function refusalOf(change: ConfigChange): string {
  try {
    resolveRelayConfig(change(standinRelayConfig('http://localhost/standins', 'config-test', ['https://lp.example.com'])), STANDIN_ENV);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

/** The adapter the relay builds for `destination` from the stand-in configuration after `change`. */
function adapterOf(destination: string, change: ConfigChange | undefined): Adapter | undefined {
  const file = (change ?? ((same: RelayConfigFile) => same))(standinRelayConfig('http://localhost/standins', 'config-test', ['https://lp.example.com']));
  return resolveRelayConfig(file, STANDIN_ENV).destinations.get(destination)?.adapter;
}

async function storedOnce(scenario: string): Promise<readonly string[]> {
  for (let waited = 0; waited < 5000; waited += 100) {
    const stored = await delivered(scenario);
    if (stored.length > 0) return stored;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return delivered(scenario);
}

function runCase(destination: string, kind: string, testCase: ContractCase): void {
  it(`${kind}: ${testCase.name}`, async () => {
    const relay = testRelay(testCase.config);
    await testCase.before?.(relay);
    if (testCase.script) await script(relay.scenario, ...testCase.script);
    const answer = await relay.create(destination, testCase.envelope ?? { lead: GOOD_LEAD });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(testCase.expect.httpStatus);
    expect(answer.body['outcome']?.status, JSON.stringify(answer.body)).to.equal(testCase.expect.status);
    // The destination's own code stays in the relay; the browser gets one of ours (issue 11).
    if (testCase.expect.code !== undefined) expect(relay.outcomes.at(-1)?.code).to.equal(testCase.expect.code);
    const code = answer.body['outcome']?.code;
    if (code !== undefined) expect(isPublicCode(code), `code ${code} is not ours`).to.equal(true);
    if (testCase.expect.retryable !== undefined) expect(answer.body['outcome']?.retryable).to.equal(testCase.expect.retryable);
    expect(Object.keys(answer.body['outcome']?.fieldErrors ?? {}), 'fields blamed on the person').to.deep.equal(testCase.expect.fieldErrors ?? []);
    const text = JSON.stringify(answer.body);
    for (const secret of SECRETS) expect(text, 'a credential reached the browser').to.not.contain(secret);
    expect(answer.body['outcome'], 'the destination’s raw message reached the browser').to.not.have.property('message');
    testCase.sent?.(await relay.received());
  });
}

/** The suite every destination runs through the relay against its stand-in. */
export function adapterContract(destination: string, cases: ContractCases): void {
  describe(`${destination} through the relay: the contract`, () => {
    for (const kind of ['accepted', 'duplicate', 'invalid', 'rejected', 'failed', 'uncertain', 'conditional'] as const) {
      const list = cases[kind];
      if (!Array.isArray(list)) {
        const why = 'undocumented' in list ? list.undocumented : (list as { deduplicates: string }).deduplicates;
        it(`has no ${kind} outcome: ${why}`, () => expect(why).to.not.equal(''));
        continue;
      }
      for (const testCase of list as readonly ContractCase[]) runCase(destination, kind, testCase);
    }

    for (const testCase of cases.misconfigured) {
      it(`refuses to start with settings that cannot work: ${testCase.name}`, () => {
        expect(refusalOf(testCase.config)).to.match(testCase.refusal);
      });
    }

    for (const timeout of cases.timeoutAfterReceipt) {
      it(`a timeout after the destination received the lead (${timeout.name}): ${timeout.expect === 'uncertain' ? 'uncertain, and the resend makes no second record' : 'the resend resolves it, one record'}`, async () => {
        const relay = testRelay(compose((file) => ({ ...file, destinationTimeoutMs: SHORT_TIMEOUT_MS }), timeout.config));
        await script(relay.scenario, { delayMs: HELD_MS });
        const key = `held-${crypto.randomUUID()}`;
        const first = await relay.create(destination, { lead: GOOD_LEAD }, { key });
        if (timeout.expect === 'uncertain') {
          expect(first.status, JSON.stringify(first.body)).to.equal(201);
          expect(first.body['outcome']).to.include({ status: 'uncertain', retryable: false });
        } else {
          expect(first.status, JSON.stringify(first.body)).to.equal(502);
          expect(first.body['outcome']).to.include({ status: 'failed', retryable: true });
        }
        expect(await storedOnce(relay.scenario), 'the destination stored the held lead').to.have.length(1);
        // The widget sends the same lead again with the same key, as it does after a failure.
        const resend = await relay.create(destination, { lead: GOOD_LEAD }, { key });
        if (timeout.expect === 'uncertain') expect(resend.body).to.deep.equal(first.body);
        else expect(isDelivered(resend.body['outcome']), JSON.stringify(resend.body)).to.equal(true);
        expect(await delivered(relay.scenario), 'records at the destination').to.have.length(1);
        await timeout.then?.(relay, resend);
      });
    }

    // The relay's worker asks the adapter, not an answer, when a try was abandoned mid-call.
    for (const timeout of cases.timeoutAfterReceipt) {
      it(`says it deduplicates by our key exactly where a resend resolves a held answer (${timeout.name})`, () => {
        expect(adapterOf(destination, timeout.config)?.deduplicates === true).to.equal(timeout.expect === 'resolved-by-resend');
      });
    }

    it('answers a repeated Idempotency-Key with the first answer and calls the destination once', async () => {
      const relay = testRelay();
      const first = await relay.create(destination, { lead: GOOD_LEAD }, { key: 'repeat-key-0001' });
      const before = (await relay.received()).length;
      const again = await relay.create(destination, { lead: GOOD_LEAD }, { key: 'repeat-key-0001' });
      expect(again.status).to.equal(first.status);
      expect(again.body).to.deep.equal(first.body);
      expect(again.headers.get('idempotent-replayed')).to.equal('true');
      expect((await relay.received()).length).to.equal(before);
    });

    it('logs the outcome without any personal data', async () => {
      const relay = testRelay();
      await relay.create(destination, { lead: GOOD_LEAD });
      const logged = JSON.stringify(relay.logs);
      for (const value of Object.values(GOOD_LEAD)) expect(logged).to.not.contain(value);
      expect(relay.logs[0]).to.include({ route: 'create', destination });
    });
  });
}
