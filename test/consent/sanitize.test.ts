import { expect } from '@open-wc/testing';
import { sanitizeDisclosure } from '../../src/consent/sanitize.js';

function sanitized(markup: string): HTMLElement {
  const template = document.createElement('template');
  template.innerHTML = markup;
  const wrapper = document.createElement('div');
  wrapper.append(sanitizeDisclosure(template));
  return wrapper;
}

describe('sanitizeDisclosure', () => {
  it('keeps text, emphasis and links, opening links beside the form', () => {
    const out = sanitized('I agree to the <a href="https://x.example/terms">Terms</a> and <strong>Privacy</strong>.');
    expect(out.textContent).to.equal('I agree to the Terms and Privacy.');
    const link = out.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://x.example/terms');
    expect(link?.getAttribute('target')).to.equal('_blank');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(out.querySelector('strong')?.textContent).to.equal('Privacy');
  });

  it('never keeps scripts, styles, frames or event handlers', () => {
    const out = sanitized(
      '<script>window.__pwned = 1</script><style>*{display:none}</style><iframe src="https://x"></iframe>' +
        '<span onclick="window.__pwned = 2" style="color:red">Agree</span><img src=x onerror="window.__pwned=3">',
    );
    expect(out.innerHTML).to.equal('<span>Agree</span>');
  });

  it('drops javascript: and data: links but keeps their text', () => {
    const out = sanitized('<a href="javascript:alert(1)">one</a> <a href=" data:text/html,x">two</a>');
    expect([...out.querySelectorAll('a')].map((a) => a.hasAttribute('href'))).to.deep.equal([false, false]);
    expect(out.textContent).to.equal('one two');
  });

  it('keeps the text of elements it does not allow', () => {
    expect(sanitized('<div><h1>Consent</h1><ul><li>calls</li></ul></div>').innerHTML).to.equal('Consentcalls');
  });
});
