import { expect } from '@open-wc/testing';
import type { OutcomeStatus } from '../../src/adapters/lead.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import type { ScriptedAnswer } from '../standins/index.js';
import { GOOD_LEAD, testRelay } from '../helpers/relay.js';
import { script } from '../helpers/standins.js';

type Relay = ReturnType<typeof testRelay>;

export interface ContractCase {
  readonly name: string;
  /** How the stand-in answers the next requests. */
  readonly script?: readonly ScriptedAnswer[];
  /** The envelope sent; default `{ lead: GOOD_LEAD }`. */
  readonly envelope?: Record<string, unknown>;
  /** Anything to do first (send an earlier lead, say). */
  readonly before?: (relay: Relay) => Promise<void>;
  /** Changes to the relay's configuration for this case (wrong credentials, say). */
  readonly config?: Parameters<typeof testRelay>[0];
  readonly expect: { readonly httpStatus: number; readonly status: OutcomeStatus; readonly code?: string; readonly retryable?: boolean };
}

type AtLeastOne<T> = readonly [T, ...T[]];

/**
 * Each outcome at least once, from the destination's document; a duplicate or an invalid-lead answer
 * only where the document has one (say why not otherwise).
 */
export interface ContractCases {
  readonly accepted: AtLeastOne<ContractCase>;
  readonly duplicate: AtLeastOne<ContractCase> | { readonly undocumented: string };
  readonly invalid: AtLeastOne<ContractCase> | { readonly undocumented: string };
  readonly rejected: AtLeastOne<ContractCase>;
  readonly failed: AtLeastOne<ContractCase>;
}

const SECRETS = Object.entries(STANDIN_ENV)
  .filter(([name]) => name !== 'RELAY_SECRET')
  .map(([, value]) => value);

/** The suite every destination runs through the relay against its stand-in. */
export function adapterContract(destination: string, cases: ContractCases): void {
  describe(`${destination} through the relay: the contract`, () => {
    for (const [kind, list] of Object.entries(cases) as [string, ContractCases[keyof ContractCases]][]) {
      if (!Array.isArray(list)) {
        it(`has no documented ${kind} outcome: ${(list as { undocumented: string }).undocumented}`, () => {
          expect((list as { undocumented: string }).undocumented).to.not.equal('');
        });
        continue;
      }
      for (const testCase of list as readonly ContractCase[]) {
        it(`${kind}: ${testCase.name}`, async () => {
          const relay = testRelay(testCase.config);
          await testCase.before?.(relay);
          if (testCase.script) await script(relay.scenario, ...testCase.script);
          const answer = await relay.create(destination, testCase.envelope ?? { lead: GOOD_LEAD });
          expect(answer.status, JSON.stringify(answer.body)).to.equal(testCase.expect.httpStatus);
          expect(answer.body['outcome']?.status).to.equal(testCase.expect.status);
          if (testCase.expect.code !== undefined) expect(answer.body['outcome']?.code).to.equal(testCase.expect.code);
          if (testCase.expect.retryable !== undefined) expect(answer.body['outcome']?.retryable).to.equal(testCase.expect.retryable);
          const text = JSON.stringify(answer.body);
          for (const secret of SECRETS) expect(text, 'a credential reached the browser').to.not.contain(secret);
          expect(answer.body['outcome'], 'the destination’s raw message reached the browser').to.not.have.property('message');
        });
      }
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
