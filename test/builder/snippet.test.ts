import { expect } from '@open-wc/testing';
import { attributeText, embedSnippet } from '../../src/builder/snippet.js';

/** An attribute as a browser reads it back from the markup. */
function parsed(markup: string, name: string): string | null {
  return new DOMParser().parseFromString(`<div ${markup}></div>`, 'text/html').body.firstElementChild!.getAttribute(name);
}

describe('embed code attributes', () => {
  const tricky = [
    'Terms & Conditions',
    'Copyright &copy; and &amp; as typed',
    'She said "call me"',
    "O'Neil's offer",
    `Both ' and " in one`,
    '<script>alert(1)</script>',
    'Two\nlines',
    '[{"name":"debt_amount","label":"Total \\"debt\\"","options":["A & B"]}]',
  ];

  it('reads back exactly as chosen, whatever the value holds', () => {
    for (const value of tricky) expect(parsed(attributeText(['x', value]), 'x'), value).to.equal(value);
  });

  it('writes JSON in single quotes, so its double quotes stay readable', () => {
    expect(attributeText(['questions', '[{"name":"a"}]'])).to.equal(`questions='[{"name":"a"}]'`);
  });

  it('writes a boolean attribute bare', () => {
    expect(attributeText(['trustedform', true])).to.equal('trustedform');
  });
});

describe('the embed code', () => {
  it('pins a module script with its SRI hash, then the element one attribute a line', () => {
    expect(embedSnippet({ src: 'https://cdn.example.com/lead-capture.js', type: 'module', integrity: 'sha384-abc' }, [['endpoint', 'https://r.example/v1'], ['trustedform', true]])).to.equal(
      '<script type="module" src="https://cdn.example.com/lead-capture.js" integrity="sha384-abc" crossorigin="anonymous"></script>\n' +
        '<lead-capture\n  endpoint="https://r.example/v1"\n  trustedform\n></lead-capture>\n',
    );
  });

  it('loads the classic script deferred, and leaves the tag unpinned without a hash', () => {
    expect(embedSnippet({ src: '/lead-capture.classic.js', type: 'classic' }, [])).to.equal(
      '<script src="/lead-capture.classic.js" defer></script>\n<lead-capture></lead-capture>\n',
    );
  });
});
