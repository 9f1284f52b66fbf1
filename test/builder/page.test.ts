import { expect } from '@open-wc/testing';
import { chooseOption, control, openPage, snippetText, untokened } from './person.js';

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('builder.html', function () {
  // A person's pace: every choice is typed or pressed through the browser's own keyboard.
  this.timeout(30_000);
  it('works under its strict Content-Security-Policy (no inline script or style), its stylesheet applied', async () => {
    const { frame, builder, violations } = await openPage('?theme=dark&accent=%23c2410c&radius=4');
    const policy = frame.contentDocument!.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).to.equal("default-src 'self'; img-src 'self' data:");
    await chooseOption(builder, control(builder, 'Layout'), 'Stacked');
    await chooseOption(builder, control(builder, 'Theme'), 'Light');
    const preview = builder.querySelector<HTMLElement>('#preview lead-capture')!;
    expect(preview.style.getPropertyValue('--lead-capture-accent')).to.equal('#c2410c');
    expect(frame.contentWindow!.getComputedStyle(preview.querySelector('button[type="submit"]')!).backgroundColor).to.equal('rgb(194, 65, 12)');
    expect(frame.contentWindow!.getComputedStyle(builder.querySelector('.b-panel')!).borderTopLeftRadius).to.equal('8px');
    expect(violations).to.deep.equal([]);
  });

  it('keeps the settings in its address: the link opens the same embed code', async () => {
    const first = await openPage();
    await chooseOption(first.builder, control(first.builder, 'Send leads to'), 'CRM.COM');
    await chooseOption(first.builder, control(first.builder, 'Theme'), 'Dark');
    const search = first.frame.contentWindow!.location.search;
    expect(search).to.equal('?destination=crmcom&theme=dark');
    const again = await openPage(search);
    expect(untokened(snippetText(again.builder)), 'the same code but its token, fresh for each embed code').to.equal(untokened(snippetText(first.builder)));
    expect(snippetText(again.builder)).to.include('destination="crmcom"');
  });
});
