import { html, nothing, type TemplateResult } from 'lit';
import { defined } from '../adapters/defined.js';
import { isFinal } from '../adapters/lead.js';
import { countsAsLead } from '../conversions/datalayer.js';
import type { SubmissionFlow } from '../flow/submission.js';
import { LeadCreatedEvent, LeadSubmittedEvent } from './events.js';
import { secondStepInput } from './lead-envelope.js';
import type { UiStrings } from './strings/index.js';

/**
 * Leads an earlier visit left on this device (a failed send, a reload mid-send) go in the background,
 * through a flow of their own, so the form the person now in front of it sees stays theirs: empty,
 * with no one else's name, number or consent in it (issue 15, "the return visit on a shared device").
 * The most it says is a neutral notice while such a lead is still waiting.
 */
export class BackgroundResume {
  /** Whether a lead of an earlier visit is still waiting to be sent. */
  #waiting = false;
  #running = false;
  /** Asked to run while running (the browser came online mid-send): run once more after. */
  #again: (() => Promise<void>) | undefined;

  constructor(private readonly host: HTMLElement & { requestUpdate(): void }) {}

  /**
   * Sends each waiting lead of this configuration with its own key, except `skipKey` (the lead the
   * person on the page is sending). The page hears of each lead the destination took, marked `resumed`.
   */
  async run(flow: SubmissionFlow | undefined, skipKey?: string): Promise<void> {
    if (!flow) return;
    if (this.#running) {
      this.#again = () => this.run(flow, skipKey);
      return;
    }
    this.#running = true;
    try {
      let waiting = false;
      for (const entry of await flow.pending()) {
        if (entry.key === skipKey) continue;
        this.#show(true);
        const report = await flow.resume(entry);
        if (!report) continue;
        if (report.stage === 'create' && countsAsLead(report.result.outcome.status)) {
          this.host.dispatchEvent(new LeadCreatedEvent({ ...report.result, idempotencyKey: entry.key, evidence: NOT_KNOWN, resumed: true }));
        }
        // A second step that follows by itself (consent came with the form) follows here too.
        if (flow.state.phase === 'awaiting-submit' && flow.dependencies.autoSubmit) {
          await flow.submit(secondStepInput(entry.envelope));
        }
        const state = flow.state;
        if (state.phase === 'done') {
          this.host.dispatchEvent(
            new LeadSubmittedEvent({ outcome: state.outcome, idempotencyKey: entry.key, evidence: NOT_KNOWN, resumed: true, ...defined({ consent: entry.envelope.consent }) }),
          );
        } else if (state.phase === 'failed' && !isFinal(state.outcome)) {
          waiting = true;
        }
        flow.reset();
      }
      this.#show(waiting);
    } finally {
      this.#running = false;
    }
    const again = this.#again;
    this.#again = undefined;
    await again?.();
  }

  #show(waiting: boolean): void {
    if (waiting === this.#waiting) return;
    this.#waiting = waiting;
    this.host.requestUpdate();
  }

  /** The neutral notice, while an earlier lead waits; nothing otherwise. Not a live region: nobody need be interrupted. */
  render(strings: UiStrings): TemplateResult | typeof nothing {
    return this.#waiting ? html`<p class="lc-notice">${strings.resumePending}</p>` : nothing;
  }
}

/** The evidence of an earlier visit is not known to this one: its certificate travels in the envelope. */
const NOT_KNOWN = { trustedform: 'off', jornaya: 'off' } as const;
