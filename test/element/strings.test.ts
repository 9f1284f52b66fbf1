import { expect } from '@open-wc/testing';
import { UI_STRINGS, uiStrings, type UiStrings } from '../../src/element/strings/index.js';

const KEYS = Object.keys(UI_STRINGS.en) as (keyof UiStrings)[];

/** Every string, functions called with sample arguments, as the widget would show it. */
function shown(strings: UiStrings, key: keyof UiStrings): string {
  const value = strings[key];
  return typeof value === 'function' ? (value as (...args: unknown[]) => string)(2, 5) : value;
}

describe('the widget’s own words', () => {
  it('exist in English and Spanish, every one', () => {
    expect(Object.keys(UI_STRINGS.es).sort()).to.deep.equal([...KEYS].sort());
    for (const key of KEYS) expect(shown(UI_STRINGS.es, key), key).to.not.equal(shown(UI_STRINGS.en, key));
  });

  it('can every one be replaced by a page through messages.ui, in either locale', () => {
    for (const locale of ['en', 'es'] as const) {
      for (const key of KEYS) {
        const strings = uiStrings(locale, { [key]: `page words for ${key}` });
        expect(shown(strings, key), `${locale} ${key}`).to.equal(`page words for ${key}`);
      }
    }
  });

  it('fills a page’s placeholders where ours take values', () => {
    const strings = uiStrings('en', { retryingServer: 'Retrying ({attempt}/{of})', useSuggestion: 'Take {email}' });
    expect(strings.retryingServer(2, 5)).to.equal('Retrying (2/5)');
    expect(strings.useSuggestion('jane@yahoo.com')).to.equal('Take jane@yahoo.com');
    expect(strings.submit, 'the rest stay ours').to.equal('Submit');
  });

  it('ignores what is not one of our words, or not text', () => {
    const strings = uiStrings('en', { submit: 42 as unknown as string, ...({ nonsense: 'x' } as object) });
    expect(strings.submit).to.equal('Submit');
    expect('nonsense' in strings).to.equal(false);
  });
});
