import { expect } from '@open-wc/testing';
import { until } from '../helpers/form.js';
import { button, control, openBuilder, pasteIntoBlankPage, press, preview, servedSriManifest, settled, typeInto } from './person.js';

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

describe('the embed code’s Subresource Integrity', function () {
  this.timeout(30_000);
  it('pins the script: the browser runs the file it was pinned to, and refuses any other', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const { builder, clipboard } = await openBuilder('prerender=off', manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    expect(clipboard.text).to.include(`<script type="module" src="/dist/lead-capture.js" integrity="${hashes['lead-capture.js']}" crossorigin="anonymous"></script>`);
    expect(clipboard.text, 'no markup, so no loader: nothing to paint first').not.to.include('lead-capture.loader.js');
    expect(clipboard.text, 'no markup, so nothing to take over').not.to.include('lead-capture.prerendered.js');

    const pinned = await pasteIntoBlankPage(clipboard.text!);
    await until(() => pinned.contentDocument?.querySelector('lead-capture form') !== null, 'the pinned bundle to render the form', 20_000);

    // What a compromised CDN looks like to the page: another file than the one pinned. Module
    // scripts have run (or been refused) by the time the page's load event fires.
    const swapped = await pasteIntoBlankPage(clipboard.text!.replace('/dist/lead-capture.js', '/dist/lead-capture.classic.js'));
    expect(swapped.contentWindow?.customElements.get('lead-capture')).to.equal(undefined);
    expect(swapped.contentDocument!.querySelector('lead-capture form')).to.equal(null);
  });

  it('pins the prerendered form’s loader, the widget it imports and each chunk: the browser runs the files they were pinned to, and refuses any other', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const { builder, clipboard } = await openBuilder('', manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    // The loader is the script; the widget it imports is preloaded, pinned as its own script tag would be.
    expect(clipboard.text).to.include(`<script type="module" src="/dist/lead-capture.loader.js" integrity="${hashes['lead-capture.loader.js']}" crossorigin="anonymous"></script>`);
    expect(clipboard.text).to.include(`<link rel="modulepreload" href="/dist/lead-capture.js" integrity="${hashes['lead-capture.js']}" crossorigin="anonymous">`);
    // The import map comes first and pins the widget and each chunk for every import of them.
    expect(clipboard.text!.startsWith('<script type="importmap">'), 'the import map first').to.equal(true);
    const map = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(clipboard.text!)![1]!) as { integrity: Record<string, string> };
    expect(map.integrity).to.deep.equal({
      '/dist/lead-capture.js': hashes['lead-capture.js'],
      '/dist/lead-capture.validation.js': hashes['lead-capture.validation.js'],
      '/dist/lead-capture.delivery.js': hashes['lead-capture.delivery.js'],
      '/dist/lead-capture.email-typos.js': hashes['lead-capture.email-typos.js'],
      '/dist/lead-capture.prerendered.js': hashes['lead-capture.prerendered.js'],
    });
    // Each chunk this form loads is preloaded, pinned: the rules, delivery, (it asks an email) the typo table, and the takeover of its markup.
    for (const chunk of ['lead-capture.validation.js', 'lead-capture.delivery.js', 'lead-capture.email-typos.js', 'lead-capture.prerendered.js']) {
      expect(clipboard.text).to.include(`<link rel="modulepreload" href="/dist/${chunk}" integrity="${hashes[chunk]}" crossorigin="anonymous">`);
    }
    expect(clipboard.text, 'an English form never loads the Spanish words').not.to.include('lead-capture.es.js');
    expect(clipboard.text, 'a form without questions or steps never loads their code').not.to.include('lead-capture.questions.js');
    expect(clipboard.text, 'a form without a date of birth never loads its boxes').not.to.include('lead-capture.date-of-birth.js');
    expect(clipboard.text, 'a form without a state never loads the states’ list').not.to.include('lead-capture.us-states.js');
    expect(clipboard.text, 'a form without a consent disclosure never loads it').not.to.include('lead-capture.consent.js');
    // The prerendered form's stylesheet, pinned like the scripts.
    expect(clipboard.text).to.include(`<link rel="stylesheet" href="/dist/lead-capture.css" integrity="${hashes['lead-capture.css']}" crossorigin="anonymous">`);

    const pinned = await pasteIntoBlankPage(clipboard.text!);
    await until(() => pinned.contentDocument?.querySelector('lead-capture form') !== null, 'the pinned bundle to render the form', 20_000);
    const widget = pinned.contentDocument!.querySelector('lead-capture')! as HTMLElement & { submit(): Promise<void> };
    const email = widget.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.value = 'not-an-email';
    email.dispatchEvent(new (pinned.contentWindow as typeof window).Event('input', { bubbles: true }));
    await widget.submit();
    expect(email.getAttribute('aria-invalid'), 'the pinned rules judged the email').to.equal('true');
    expect(widget.querySelector('[data-lc-prerendered]'), 'the prerendered form taken over').to.equal(null);

    // A chunk swapped on the CDN: the form still shows (its own script is the one pinned), but the
    // browser refuses the chunk, so no code but this build's ever runs in the page. Refused again on
    // the second Submit, after the preload was refused: Chromium does not remember a refused preload,
    // and the import that follows fetches the file again; the import map's pin holds it.
    const chunkSwapped = await pasteIntoBlankPage(clipboard.text!.replaceAll(hashes['lead-capture.validation.js']!, hashes['lead-capture.delivery.js']!));
    await until(() => chunkSwapped.contentDocument?.querySelector('lead-capture form') !== null, 'the form', 20_000);
    const refused = chunkSwapped.contentDocument!.querySelector('lead-capture')! as HTMLElement & { submit(): Promise<void> };
    expect(await refused.submit().then(() => 'ran', () => 'refused')).to.equal('refused');
    expect(await refused.submit().then(() => 'ran', () => 'refused'), 'the second Submit').to.equal('refused');
    const chunkSwappedEmail = refused.querySelector<HTMLInputElement>('input[name="email"]')!;
    expect(chunkSwappedEmail.getAttribute('aria-invalid'), 'no swapped rules ran').to.not.equal('true');

    // The widget swapped on the CDN: the loader's import takes the preloaded file, checked against its
    // pin, and is refused: the page keeps its markup, and no code but this build's runs.
    const widgetSwapped = await pasteIntoBlankPage(
      `${clipboard.text!.replaceAll(hashes['lead-capture.js']!, hashes['lead-capture.delivery.js']!)}<script>addEventListener('unhandledrejection', (event) => (window.refused = String(event.reason)));</script>`,
    );
    const page = widgetSwapped.contentWindow as typeof window & { refused?: string };
    await until(() => page.refused !== undefined, 'the loader’s import to be answered', 20_000);
    expect(page.refused).to.include('dynamically imported module');
    expect(page.customElements.get('lead-capture')).to.equal(undefined);
    expect(widgetSwapped.contentDocument!.querySelector('[data-lc-prerendered]'), 'the markup stays').to.not.equal(null);

    // The loader swapped: refused before it runs (module scripts have run, or been refused, by the load event).
    const loaderSwapped = await pasteIntoBlankPage(clipboard.text!.replace('/dist/lead-capture.loader.js', '/dist/lead-capture.classic.js'));
    expect(loaderSwapped.contentWindow?.customElements.get('lead-capture')).to.equal(undefined);
    expect(loaderSwapped.contentDocument!.querySelector('[data-lc-prerendered]'), 'the markup stays').to.not.equal(null);
  });

  it('preloads the code of questions and steps, pinned, for a form with a question, whose prerendered form the widget takes over', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const { builder, clipboard } = await openBuilder('', manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await press(builder, button(builder, 'Add a question'), 'Enter');
    await typeInto(builder, control(builder, 'Label'), 'Total debt');
    await typeInto(builder, control(builder, 'Name (sent as)'), 'debt_amount');
    await until(() => preview(builder).querySelector('[name="debt_amount"]') !== null, 'the question in the preview');
    await settled(builder);
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    expect(clipboard.text).to.include(`<link rel="modulepreload" href="/dist/lead-capture.questions.js" integrity="${hashes['lead-capture.questions.js']}" crossorigin="anonymous">`);
    expect(clipboard.text, 'the question in the prerendered form').to.match(/data-lc-prerendered[\s\S]*name="debt_amount"/);

    const page = await pasteIntoBlankPage(clipboard.text!);
    await until(() => page.contentDocument?.querySelector('lead-capture form.lc-form') !== null, 'the widget to take the form over', 20_000);
    const widget = page.contentDocument!.querySelector('lead-capture')!;
    expect(widget.querySelector('[data-lc-prerendered]'), 'the prerendered form taken over').to.equal(null);
    expect(widget.querySelector('form.lc-form [name="debt_amount"]'), 'the widget asks the question').not.to.equal(null);
    expect(widget.querySelector('label[for$="-debt_amount"]')?.textContent).to.include('Total debt');
  });

  it('preloads the date of birth’s boxes, pinned, for a form that asks for it, whose prerendered form the widget takes over', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const { builder, clipboard } = await openBuilder('fields=first_name+email+date_of_birth', manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await settled(builder);
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    expect(clipboard.text).to.include(`<link rel="modulepreload" href="/dist/lead-capture.date-of-birth.js" integrity="${hashes['lead-capture.date-of-birth.js']}" crossorigin="anonymous">`);
    expect(clipboard.text, 'the date’s boxes in the prerendered form').to.match(/data-lc-prerendered[\s\S]*name="date_of_birth-year"/);

    const page = await pasteIntoBlankPage(clipboard.text!);
    await until(() => page.contentDocument?.querySelector('lead-capture form.lc-form') !== null, 'the widget to take the form over', 20_000);
    const widget = page.contentDocument!.querySelector('lead-capture')!;
    expect(widget.querySelector('[data-lc-prerendered]'), 'the prerendered form taken over').to.equal(null);
    expect(widget.querySelectorAll('form.lc-form fieldset.lc-date input').length, 'the widget asks the date in its three boxes').to.equal(3);
  });

  it('preloads the consent disclosure and its check, pinned, for a TCPA form, whose prerendered form the widget takes over with the disclosure as written and its box unchecked', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const disclosure = 'By checking this box I agree that {sellers} may call and text me at the number above.';
    const { builder, clipboard } = await openBuilder(`consent=${encodeURIComponent(disclosure)}&sellers=ACME+Insurance`, manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await settled(builder);
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    for (const chunk of ['lead-capture.consent.js', 'lead-capture.consent-visibility.js']) {
      expect(clipboard.text).to.include(`<link rel="modulepreload" href="/dist/${chunk}" integrity="${hashes[chunk]}" crossorigin="anonymous">`);
    }

    const page = await pasteIntoBlankPage(clipboard.text!);
    await until(() => page.contentDocument?.querySelector('lead-capture form.lc-form') !== null, 'the widget to take the form over', 20_000);
    const widget = page.contentDocument!.querySelector('lead-capture')!;
    expect(widget.querySelector('[data-lc-prerendered]'), 'the prerendered form taken over').to.equal(null);
    expect(widget.querySelector('form.lc-form .lc-consent-text')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(disclosure.replace('{sellers}', 'ACME Insurance'));
    expect(widget.querySelector<HTMLInputElement>('form.lc-form input[name="consent"]')?.checked).to.equal(false);
  });

  it('shows the import map’s SHA-256 for a Content-Security-Policy, and the pasted code works under a strict one that allows it', async function () {
    this.timeout(60_000);
    const manifest = await servedSriManifest();
    const { builder, clipboard } = await openBuilder('', manifest);
    await typeInto(builder, control(builder, 'Script URL'), '/dist/lead-capture.js');
    await settled(builder);
    await until(() => builder.querySelector('#b-csp-hash') !== null, 'the hash to be worked out');
    await press(builder, button(builder, 'Copy the embed code'), 'Enter');
    await until(() => clipboard.text !== undefined, 'the copy');
    const hash = builder.querySelector('#b-csp-hash')!.textContent!.trim();
    expect(hash).to.match(/^'sha256-[A-Za-z0-9+/]+=*'$/);

    const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${hash}">`;
    const watch = `<script src="/test/fixtures/probe.js"></script>`;
    const page = await pasteIntoBlankPage(clipboard.text!, `${policy}${watch}`);
    await until(() => page.contentDocument?.querySelector('lead-capture form.lc-form') !== null, 'the widget to take the form over', 20_000);
    const probe = (page.contentWindow as unknown as { __probe: { violations: string[]; errors: string[] } }).__probe;
    expect(probe.violations, 'the import map allowed by its hash').to.deep.equal([]);
    expect(probe.errors).to.deep.equal([]);
    // Each file the widget imports (the widget, each chunk: what the import map pins) is fetched once:
    // its preload's response is the one the import takes. (The loader's and the stylesheet's own tags
    // are left out: this page is written with document.write, whose speculative fetches the tags do not reuse.)
    await (page.contentDocument!.querySelector('lead-capture') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const requests = page.contentWindow!.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/') && !['/dist/lead-capture.loader.js', '/dist/lead-capture.css'].includes(path));
    expect(requests.filter((path, index) => requests.indexOf(path) !== index), 'fetched twice').to.deep.equal([]);
    expect(requests).to.include.members(['/dist/lead-capture.js', '/dist/lead-capture.validation.js', '/dist/lead-capture.delivery.js', '/dist/lead-capture.prerendered.js']);

    // A policy that does not allow the import map (its hash left out): the map is blocked, and a widget
    // swapped on the CDN is still refused, by its preload's own pin, fetched once; the markup stays.
    const manifestHashes = JSON.parse(decodeURIComponent(manifest.slice(manifest.indexOf(',') + 1))) as Record<string, string>;
    const blocked = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;
    const swapped = await pasteIntoBlankPage(
      clipboard.text!.replaceAll(manifestHashes['lead-capture.js']!, manifestHashes['lead-capture.delivery.js']!),
      `${blocked}${watch}`,
    );
    const swappedProbe = (swapped.contentWindow as unknown as { __probe: { violations: string[]; rejections: string[] } }).__probe;
    await until(() => swappedProbe.rejections.length > 0, 'the loader’s import to be answered', 20_000);
    expect(swappedProbe.rejections.join(' ')).to.include('dynamically imported module');
    expect(swappedProbe.violations.join(' '), 'the import map blocked').to.include('script-src');
    expect(swapped.contentWindow!.customElements.get('lead-capture'), 'the swapped widget never ran').to.equal(undefined);
    expect(swapped.contentDocument!.querySelector('[data-lc-prerendered]'), 'the markup stays').to.not.equal(null);
    const widgetRequests = swapped.contentWindow!.performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/dist/lead-capture.js'));
    expect(widgetRequests, 'the widget fetched once').to.have.length(1);
  });

  it('says the script is not pinned when the build has no dist/sri.json', async () => {
    const { builder } = await openBuilder('', '/dist/no-such-sri.json');
    expect(builder.querySelector('#snippet')?.textContent).not.to.include('integrity');
    expect(builder.querySelector('#b-sri')?.textContent).to.include('Not pinned with Subresource Integrity');
  });
});
