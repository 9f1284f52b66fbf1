import { isFinal, type Outcome } from '../adapters/lead.js';
import { InFlight, type IdempotencyStore, type StoredAnswer } from './idempotency.js';

/** One answer of the relay: an HTTP status and a JSON body that may carry an `outcome`. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** What a request whose key is already remembered gets: the first answer, a 409, or a fresh try. */
export type Repeat = (previous: StoredAnswer, requestHash: string) => 'replay' | 'conflict' | 'run';

export type Once =
  | { readonly kind: 'answer'; readonly answer: Answer; readonly replayed: boolean }
  /** The key was first used with another body. */
  | { readonly kind: 'conflict' }
  /** The key is being worked on right now for another body. */
  | { readonly kind: 'busy' };

export function outcomeOf(answer: Answer): Outcome | undefined {
  return answer.body['outcome'] as Outcome | undefined;
}

/**
 * How long the relay's memory keeps an answer by its key (7 days): the create step's, and the submit
 * step's, which also tells a later lead of the same person that this one's second step is over.
 */
export const ANSWER_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * Under which key the relay's memory keeps a step's answer for a lead's idempotency key (`person`:
 * not an answer, the keyed hashes a later lead of the same person is told by, ledger-wiring.ts).
 */
export function stepKey(step: 'create' | 'submit' | 'person', destination: string, idempotencyKey: string): string {
  return `${step}:${destination}:${idempotencyKey}`;
}

/** The create step: a key belongs to one body; the same body again gets the first answer. */
export const sameBodyOnly: Repeat = (previous, requestHash) => (previous.requestHash === requestHash ? 'replay' : 'conflict');

/**
 * The submit step, once per lead whatever the Idempotency-Key (issue 11): a repeat gets the first
 * answer. Except a refusal the person can correct — `invalid` or `rejected`, such as MLAS answering
 * that this workflow needs a TrustedForm certificate on submit — when the body is different: that
 * is the corrected retry, and it must reach the destination.
 */
export const oncePerLead: Repeat = (previous, requestHash) => {
  if (previous.requestHash === requestHash) return 'replay';
  return correctable(previous) ? 'run' : 'replay';
};

/** A remembered answer the person may correct by sending again: a refusal (`invalid`, `rejected`). */
export function correctable(previous: StoredAnswer): boolean {
  const status = (previous.body as { outcome?: { status?: unknown } } | null)?.outcome?.status;
  return status === 'invalid' || status === 'rejected';
}

/**
 * Runs a request's work at most once per key, remembering final answers in the store: retryable
 * failures are not remembered (sending again is how they are retried), every other answer is,
 * `uncertain` and `queued` included. Concurrent requests of one key and body share one run.
 */
export class AnswerMemory {
  readonly #inFlight = new InFlight<Answer>();

  constructor(private readonly store: IdempotencyStore) {}

  async once(key: string, requestHash: string, ttlSeconds: number, repeat: Repeat, work: () => Promise<Answer>): Promise<Once> {
    const previous = await this.store.get(key);
    if (previous) {
      const decision = repeat(previous, requestHash);
      if (decision === 'conflict') return { kind: 'conflict' };
      if (decision === 'replay') return { kind: 'answer', answer: { status: previous.status, body: previous.body as Record<string, unknown> }, replayed: true };
    }
    const running = this.#inFlight.run(key, requestHash, async () => {
      const answer = await work();
      const outcome = outcomeOf(answer);
      if (!outcome || isFinal(outcome)) await this.store.set(key, { status: answer.status, body: answer.body, requestHash }, ttlSeconds);
      return answer;
    });
    if (!running) return { kind: 'busy' };
    return { kind: 'answer', answer: await running, replayed: false };
  }
}
