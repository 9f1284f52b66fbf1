import { expect, fixture, html } from '@open-wc/testing';
import { releasePreloads } from '../../src/element/held-preloads.js';
import { until, waitForAbsence } from '../helpers/form.js';

/** Markup as the page's parser reads it (Lit leaves a template's content unbound). */
async function held(markup: string): Promise<HTMLDivElement> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.innerHTML = markup;
  return host;
}

describe('releasePreloads', () => {
  it('leaves held preloads out of the page until called: a template’s content is not fetched', async () => {
    const href = new URL('/test/fixtures/held-preload.js?held=kept', location.href).href;
    const host = await held(`<template data-lc-preloads><link rel="modulepreload" href="${href}"></template>`);
    expect(host.querySelector('link'), 'inert in the template').to.equal(null);
    await waitForAbsence(100);
    expect(performance.getEntriesByName(href)).to.deep.equal([]);
  });

  it('puts each held preload into the page where its template was, and the browser fetches it', async () => {
    const href = new URL('/test/fixtures/held-preload.js?held=released', location.href).href;
    const host = await held(`<p>before</p><template data-lc-preloads><link rel="modulepreload" href="${href}"></template><p>after</p>`);
    releasePreloads(host);
    expect([...host.children].map((child) => child.localName)).to.deep.equal(['p', 'link', 'p']);
    expect(host.querySelector('link')?.getAttribute('rel')).to.equal('modulepreload');
    await until(() => performance.getEntriesByName(href).length > 0, 'the preload fetched');
  });

  it('brings nothing but module preloads to life: a script or a handler in such a template stays inert', async () => {
    const href = new URL('/test/fixtures/held-preload.js?held=only', location.href).href;
    const ran: string[] = [];
    (window as unknown as { heldRan?: (what: string) => void }).heldRan = (what) => ran.push(what);
    const host = await held(
      `<template data-lc-preloads><link rel="modulepreload" href="${href}"><script>heldRan('script')</script><img src="data:," onerror="heldRan('img')"><link rel="stylesheet" href="/nowhere.css"></template>`,
    );
    releasePreloads(host);
    expect([...host.children].map((child) => `${child.localName}:${child.getAttribute('rel') ?? ''}`)).to.deep.equal(['link:modulepreload']);
    await until(() => performance.getEntriesByName(href).length > 0, 'the preload fetched');
    expect(ran).to.deep.equal([]);
    delete (window as unknown as { heldRan?: unknown }).heldRan;
  });

  it('leaves every other template as it is', async () => {
    const host = await held('<template slot="consent"><p>Terms</p></template>');
    releasePreloads(host);
    expect(host.querySelector('template')?.content.textContent).to.equal('Terms');
  });
});
