import { chai, expect } from '@open-wc/testing';

/** What the runner is handed when an assertion on a DOM node fails (readable-failures.ts, loaded before every test file). */
function failureOf(assertion: () => void): Chai.AssertionError & { actual?: unknown; expected?: unknown } {
  try {
    assertion();
  } catch (error) {
    if (error instanceof chai.AssertionError) return error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
    throw error;
  }
  throw new Error('the assertion passed');
}

describe('a failed assertion on a DOM node', () => {
  it('reports the node by its opening tag, not the node itself (which hung the runner’s report)', () => {
    const element = document.createElement('lead-capture');
    element.setAttribute('fields', 'email');
    const failure = failureOf(() => expect(element).to.equal(null));
    expect(failure.actual).to.equal('<lead-capture fields="email"> (a DOM element)');
    expect(failure.expected).to.equal(null);
  });

  it('leaves other values as they are, for the runner’s diff', () => {
    const failure = failureOf(() => expect({ a: 1 }).to.deep.equal({ a: 2 }));
    expect(failure.actual).to.deep.equal({ a: 1 });
    expect(failure.expected).to.deep.equal({ a: 2 });
  });
});
