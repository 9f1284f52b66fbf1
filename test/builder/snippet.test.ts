import { expect } from '@open-wc/testing';
import { attributeText, chunkUrl, embedSnippet, importMapText, pinnedChunks } from '../../src/builder/snippet.js';

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

  it('pins each chunk of the module build in an import map first, and preloads it beside the script, pinned with its hash', () => {
    const chunks = [{ file: 'lead-capture.validation.js', integrity: 'sha384-v' }, { file: 'lead-capture.delivery.js', integrity: 'sha384-d' }];
    expect(embedSnippet({ src: 'https://cdn.example.com/lc/lead-capture.js', type: 'module', integrity: 'sha384-abc', chunks }, [])).to.equal(
      '<script type="importmap">{\n  "integrity": {\n' +
        '    "https://cdn.example.com/lc/lead-capture.validation.js": "sha384-v",\n' +
        '    "https://cdn.example.com/lc/lead-capture.delivery.js": "sha384-d"\n' +
        '  }\n}</script>\n' +
        '<link rel="modulepreload" href="https://cdn.example.com/lc/lead-capture.validation.js" integrity="sha384-v" crossorigin="anonymous">\n' +
        '<link rel="modulepreload" href="https://cdn.example.com/lc/lead-capture.delivery.js" integrity="sha384-d" crossorigin="anonymous">\n' +
        '<script type="module" src="https://cdn.example.com/lc/lead-capture.js" integrity="sha384-abc" crossorigin="anonymous"></script>\n<lead-capture></lead-capture>\n',
    );
  });
});

describe('the embed code with the prerendered form', () => {
  const markup = '  <div data-lc-prerendered id="lc-p-0a1b2c3d4e" class="lc-form">\n    <p class="lc-consent-text">Terms &amp; &lt;conditions&gt;</p>\n  </div>';

  it('pins the widget and its chunks in an import map, links the stylesheet, holds the preloads of the widget and its chunks for the loader, loads the loader, all pinned, and holds the form inside the element, which names it', () => {
    const chunks = [{ file: 'lead-capture.validation.js', integrity: 'sha384-v' }];
    expect(embedSnippet({ src: 'https://cdn.example.com/lc/lead-capture.js', type: 'module', integrity: 'sha384-abc', chunks, loaderIntegrity: 'sha384-l' }, [['fields', 'email']], { markup, token: 'lc-p-0a1b2c3d4e', integrity: 'sha384-css' })).to.equal(
      '<script type="importmap">{\n  "integrity": {\n' +
        '    "https://cdn.example.com/lc/lead-capture.js": "sha384-abc",\n' +
        '    "https://cdn.example.com/lc/lead-capture.validation.js": "sha384-v"\n' +
        '  }\n}</script>\n' +
        '<link rel="stylesheet" href="https://cdn.example.com/lc/lead-capture.css" integrity="sha384-css" crossorigin="anonymous">\n' +
        '<template data-lc-preloads>\n' +
        '<link rel="modulepreload" href="https://cdn.example.com/lc/lead-capture.js" integrity="sha384-abc" crossorigin="anonymous">\n' +
        '<link rel="modulepreload" href="https://cdn.example.com/lc/lead-capture.validation.js" integrity="sha384-v" crossorigin="anonymous">\n' +
        '</template>\n' +
        '<script type="module" src="https://cdn.example.com/lc/lead-capture.loader.js" integrity="sha384-l" crossorigin="anonymous"></script>\n' +
        `<lead-capture\n  fields="email"\n  prerendered="lc-p-0a1b2c3d4e"\n>\n${markup}\n</lead-capture>\n`,
    );
  });

  it('holds the widget’s preload for the loader even unpinned', () => {
    expect(embedSnippet({ src: '/lc/lead-capture.js?v=2', type: 'module' }, [], { markup, token: 'lc-p-0a1b2c3d4e' })).to.equal(
      '<link rel="stylesheet" href="/lc/lead-capture.css">\n<template data-lc-preloads>\n<link rel="modulepreload" href="/lc/lead-capture.js">\n</template>\n<script type="module" src="/lc/lead-capture.loader.js"></script>\n' +
        `<lead-capture\n  prerendered="lc-p-0a1b2c3d4e"\n>\n${markup}\n</lead-capture>\n`,
    );
  });

  it('keeps the widget’s own pinned script tag when the hashes have none for the loader (a build before it)', () => {
    const snippet = embedSnippet({ src: '/lead-capture.js', type: 'module', integrity: 'sha384-abc' }, [], { markup, token: 'lc-p-0a1b2c3d4e' });
    expect(snippet).to.include('<script type="module" src="/lead-capture.js" integrity="sha384-abc" crossorigin="anonymous"></script>');
    expect(snippet).not.to.include('lead-capture.loader.js');
  });

  it('loads the classic script as it is: a classic script in the body runs after the markup is parsed', () => {
    const snippet = embedSnippet({ src: '/lead-capture.classic.js', type: 'classic', integrity: 'sha384-c', loaderIntegrity: 'sha384-l' }, [], { markup, token: 'lc-p-0a1b2c3d4e' });
    expect(snippet).to.include('<script src="/lead-capture.classic.js" integrity="sha384-c" crossorigin="anonymous" defer></script>');
    expect(snippet).not.to.include('modulepreload');
  });

  it('reads back as the element with the form inside, its text exactly as written', () => {
    const snippet = embedSnippet({ src: '/lead-capture.js', type: 'module' }, [], { markup, token: 'lc-p-0a1b2c3d4e' });
    expect(snippet.startsWith('<link rel="stylesheet" href="/lead-capture.css">\n'), 'unpinned without a hash').to.equal(true);
    const element = new DOMParser().parseFromString(snippet, 'text/html').querySelector('lead-capture')!;
    expect(element.children.length).to.equal(1);
    expect(element.querySelector('[data-lc-prerendered] .lc-consent-text')!.textContent).to.equal('Terms & <conditions>');
  });
});

describe('the embed code’s import map', () => {
  it('is written only for a pinned module build, and no address in it can end its script element', () => {
    const chunks = [{ file: 'lead-capture.validation.js', integrity: 'sha384-v' }];
    expect(importMapText({ src: '/lead-capture.classic.js', type: 'classic', integrity: 'sha384-c', chunks }, false)).to.equal(undefined);
    expect(importMapText({ src: '/lead-capture.js', type: 'module', chunks }, true), 'unpinned').to.equal(undefined);
    const map = importMapText({ src: '/x</script><script>alert(1)</script>/lead-capture.js', type: 'module', integrity: 'sha384-abc', chunks }, false)!;
    expect(map).not.to.include('<');
    expect(JSON.parse(map)).to.deep.equal({ integrity: { '/x</script><script>alert(1)</script>/lead-capture.validation.js': 'sha384-v' } });
  });
});

describe('the chunks a page loads', () => {
  const manifest = {
    'lead-capture.js': 'sha384-m',
    'lead-capture.classic.js': 'sha384-c',
    'lead-capture.validation.js': 'sha384-v',
    'lead-capture.delivery.js': 'sha384-d',
    'lead-capture.es.js': 'sha384-es',
    'lead-capture.email-typos.js': 'sha384-t',
    'lead-capture.consent-visibility.js': 'sha384-cv',
    'lead-capture.consent.js': 'sha384-c',
    'lead-capture.questions.js': 'sha384-q',
    'lead-capture.date-of-birth.js': 'sha384-d',
    'lead-capture.us-states.js': 'sha384-s',
    'lead-capture.recorders.js': 'sha384-r',
    'lead-capture.prerendered.js': 'sha384-p',
    'lead-capture.enhanced-conversions.js': 'sha384-e',
  };
  const files = (attributes: Parameters<typeof pinnedChunks>[1]) => pinnedChunks(manifest, attributes).map((chunk) => chunk.file).sort();

  it('are the rules and delivery for every form, the typo table when it asks an email (the default fields do)', () => {
    expect(files([])).to.deep.equal(['lead-capture.delivery.js', 'lead-capture.email-typos.js', 'lead-capture.validation.js']);
    expect(files([['fields', 'first_name mobile']])).to.deep.equal(['lead-capture.delivery.js', 'lead-capture.validation.js']);
  });

  it('include the Spanish words only for a Spanish form', () => {
    expect(files([['locale', 'es'], ['fields', 'email']])).to.deep.equal(['lead-capture.delivery.js', 'lead-capture.email-typos.js', 'lead-capture.es.js', 'lead-capture.validation.js']);
  });

  it('include the consent disclosure and its check only for a form with a consent disclosure', () => {
    expect(files([['fields', 'first_name mobile'], ['consent', 'I agree that {sellers} may call me.']])).to.deep.equal(['lead-capture.consent-visibility.js', 'lead-capture.consent.js', 'lead-capture.delivery.js', 'lead-capture.validation.js']);
    expect(files([['fields', 'first_name mobile'], ['consent', '  ']]), 'no disclosure, no check').to.deep.equal(['lead-capture.delivery.js', 'lead-capture.validation.js']);
  });

  it('include the consent recorders only for a form with TrustedForm or Jornaya', () => {
    expect(files([['fields', 'first_name mobile']])).not.to.include('lead-capture.recorders.js');
    expect(files([['fields', 'first_name mobile'], ['jornaya', '  ']]), 'no campaign key, no recorder').not.to.include('lead-capture.recorders.js');
    expect(files([['fields', 'first_name mobile'], ['trustedform', true]])).to.include('lead-capture.recorders.js');
    expect(files([['fields', 'first_name mobile'], ['jornaya', 'campaign-key']])).to.include('lead-capture.recorders.js');
  });

  it('include the code of questions and steps only for a form with questions or steps', () => {
    const questions = JSON.stringify([{ name: 'debt_amount', label: 'Total debt', type: 'number' }]);
    expect(files([['fields', 'email']])).not.to.include('lead-capture.questions.js');
    expect(files([['fields', 'email debt_amount'], ['questions', questions]])).to.include('lead-capture.questions.js');
    expect(files([['fields', 'first_name email'], ['steps', 'first_name | email']])).to.include('lead-capture.questions.js');
  });

  it('include the hashing of enhanced conversions only for a form with them', () => {
    expect(files([['fields', 'first_name email']])).not.to.include('lead-capture.enhanced-conversions.js');
    expect(files([['fields', 'first_name email'], ['enhanced-conversions', true]])).to.include('lead-capture.enhanced-conversions.js');
  });

  it('include the takeover of a prerendered form only for an element that carries one', () => {
    expect(files([['fields', 'first_name email']])).not.to.include('lead-capture.prerendered.js');
    expect(files([['fields', 'first_name email'], ['prerendered', 'lc-p-5e1f0c2a9b']])).to.include('lead-capture.prerendered.js');
  });

  it('never include the loader: it is the prerendered form’s script, not a chunk', () => {
    expect(pinnedChunks({ ...manifest, 'lead-capture.loader.js': 'sha384-l' }, []).map((chunk) => chunk.file)).not.to.include('lead-capture.loader.js');
  });

  it('include the date of birth’s boxes only for a form whose fields name it', () => {
    expect(files([])).not.to.include('lead-capture.date-of-birth.js');
    expect(files([['fields', 'first_name email zip_code']])).not.to.include('lead-capture.date-of-birth.js');
    expect(files([['fields', 'first_name,date_of_birth email']])).to.include('lead-capture.date-of-birth.js');
  });

  it('include the states’ list only for a form whose fields name the state', () => {
    expect(files([])).not.to.include('lead-capture.us-states.js');
    expect(files([['fields', 'first_name last_name email mobile zip_code']])).not.to.include('lead-capture.us-states.js');
    expect(files([['fields', 'first_name,state zip_code']])).to.include('lead-capture.us-states.js');
  });

  it('are none without a manifest, and resolve beside the script as its own import() does', () => {
    expect(pinnedChunks(undefined, [])).to.deep.equal([]);
    expect(chunkUrl('/dist/lead-capture.js?v=2', 'lead-capture.es.js')).to.equal('/dist/lead-capture.es.js');
    expect(chunkUrl('lead-capture.js', 'lead-capture.es.js')).to.equal('lead-capture.es.js');
  });
});
