import { expect } from '@open-wc/testing';
import { LeadStepEvent } from '../../src/element/events.js';
import { StepSequence } from '../../src/element/step-sequence.js';
import type { StepsHost } from '../../src/element/steps-controller.js';
import { en } from '../../src/element/strings/en.js';

/**
 * Moving through a form of several steps, seen without the element (the questions chunk's part of
 * the steps controller): a bare host that holds values and counts the updates it was asked for.
 */
const STEPS = [['zip_code'], ['first_name', 'last_name'], ['email']];

function host(): StepsHost & { updates: number } {
  const element = Object.assign(document.createElement('div'), {
    values: {} as Record<string, string>,
    updates: 0,
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate() {
      element.updates++;
    },
    updateComplete: Promise.resolve(true),
  });
  document.body.append(element);
  return element;
}

afterEach(() => {
  sessionStorage.clear();
  document.body.querySelectorAll(':scope > div').forEach((element) => element.remove());
});

describe('StepSequence', () => {
  it('moves to another step, asks for a render and tells the page which step of how many', () => {
    const page = host();
    const sequence = new StepSequence(page, { steps: () => STEPS });
    const moves: LeadStepEvent[] = [];
    page.addEventListener('lead-step', (event) => moves.push(event as LeadStepEvent));
    expect(sequence.current).to.equal(0);
    sequence.go(1);
    expect(sequence.current).to.equal(1);
    expect(page.updates).to.equal(1);
    expect(moves.map((event) => event.detail)).to.deep.equal([{ step: 2, total: 3 }]);
  });

  it('never shows a step past the last, when the configuration has fewer', () => {
    let steps = STEPS;
    const sequence = new StepSequence(host(), { steps: () => steps });
    sequence.go(2);
    steps = STEPS.slice(0, 2);
    expect(sequence.current).to.equal(1);
  });

  it('keeps the place and the earlier steps’ values for a reload when it may remember, and forgets them', () => {
    const first = host();
    first.values = { zip_code: '10001', first_name: 'Jane' };
    const sequence = new StepSequence(first, { steps: () => STEPS, remember: () => true });
    sequence.restore();
    sequence.go(1);
    const again = host();
    // The same page's same form, loaded again (a new element in the first one's place).
    first.remove();
    const restored = new StepSequence(again, { steps: () => STEPS, remember: () => true });
    restored.restore();
    expect(restored.current).to.equal(1);
    expect(again.values).to.deep.equal({ zip_code: '10001' });
    restored.forget();
    const fresh = new StepSequence(again, { steps: () => STEPS, remember: () => true });
    fresh.restore();
    expect(fresh.current).to.equal(0);
  });

  it('keeps nothing when it may not remember', () => {
    const sequence = new StepSequence(host(), { steps: () => STEPS });
    sequence.restore();
    sequence.go(2);
    expect(Object.keys(sessionStorage)).to.deep.equal([]);
  });

  it('shows "Step N of M", and Back from the second step on', () => {
    const sequence = new StepSequence(host(), { steps: () => STEPS });
    expect(sequence.renderBack(en, () => undefined)).to.equal(undefined);
    sequence.go(1);
    expect(sequence.renderProgress(en, 'p').values).to.include('Step 2 of 3');
    expect(sequence.renderBack(en, () => undefined)).not.to.equal(undefined);
  });
});
