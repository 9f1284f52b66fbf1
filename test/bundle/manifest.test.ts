import { expect } from '@open-wc/testing';
import { LeadCapture } from '../../src/element/lead-capture.js';

interface Manifest {
  modules: { declarations?: { tagName?: string; attributes?: { name: string }[]; events?: { name: string }[]; cssProperties?: { name: string }[]; slots?: { name: string }[] }[] }[];
}

/** custom-elements.json (npm run manifest) describes the element as it is, for editors and tools. */
describe('custom-elements.json', () => {
  async function declaration() {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    return manifest.modules.flatMap((module) => module.declarations ?? []).find((entry) => entry.tagName === 'lead-capture');
  }

  it('lists every attribute the element observes (regenerate with npm run manifest when this fails)', async () => {
    const documented = new Set((await declaration())?.attributes?.map((attribute) => attribute.name));
    const observed = (LeadCapture as unknown as { observedAttributes: string[] }).observedAttributes;
    expect(observed.filter((name) => !documented.has(name))).to.deep.equal([]);
  });

  it('lists the events, the consent slot and the CSS custom properties', async () => {
    const entry = await declaration();
    expect(entry?.events?.map((event) => event.name)).to.include.members(['lead-invalid', 'lead-submit', 'lead-created', 'lead-submitted', 'lead-error']);
    expect(entry?.slots?.map((slot) => slot.name)).to.deep.equal(['consent']);
    expect(entry?.cssProperties?.map((property) => property.name)).to.include.members(['--lead-capture-accent', '--lead-capture-font', '--lead-capture-background']);
  });
});
