import type { chai as Chai } from '@open-wc/testing';
// The pure entry: the same chai, without registering the fixtures' cleanup (an `afterEach`) before
// mocha is there to take it. Its types leave chai out, though the module exports it.
import * as pure from '@open-wc/testing/pure';

const { chai } = pure as unknown as { readonly chai: typeof Chai };

/**
 * Loaded before every test file (web-test-runner.config.mjs, testRunnerHtml). A failed assertion
 * whose actual or expected value is a DOM node (`expect(element).to.equal(null)`) carried the node to
 * the runner, whose report of it never finished: the page hung for the whole file's time limit, and
 * its busy browser made other files' tests time out. A node is reported as its opening tag instead.
 */
function described(value: unknown): unknown {
  if (!(value instanceof Node)) return value;
  if (!(value instanceof Element)) return `[${value.nodeName}]`;
  const html = value.outerHTML;
  const open = html.slice(0, html.indexOf('>') + 1);
  return `${open.length > 200 ? `${open.slice(0, 200)}…` : open} (a DOM element)`;
}

const { assert } = chai.Assertion.prototype;
chai.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    return assert.apply(this, args);
  } catch (error) {
    if (error instanceof chai.AssertionError) {
      const failure = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
      failure.actual = described(failure.actual);
      failure.expected = described(failure.expected);
    }
    throw error;
  }
} as typeof assert;
