import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WireLog } from '../../demo/wire.js';
import { embedAttributes, styleProperties } from './attributes.js';
import type { PanelContext } from './panels/controls.js';
import { consentPanel, conversionsPanel } from './panels/consent.js';
import { destinationPanel } from './panels/destination.js';
import { fieldsPanel } from './panels/fields.js';
import { lookPanel } from './panels/look.js';
import { outputPanel } from './panels/output.js';
import { questionsPanel } from './panels/questions.js';
import type { LeadCapture } from '../element/lead-capture.js';
import type { EmbedAttribute } from './attributes.js';
import { DEMO_BACKEND, PreviewElement, previewAttributes, type PreviewBackend } from './preview.js';
import { relayFragment } from './relay-fragment.js';
import { prerenderedMarkup, prerenderToken } from './prerender.js';
import { bundleFile, embedSnippet, importMapText, LOADER, pinnedChunks, STYLESHEET, type SriManifest } from './snippet.js';
import { DEFAULT_STATE, type BuilderState } from './state.js';
import { stateFromQuery, stateToQuery } from './url-state.js';

/**
 * The prerendered form's source, a widget out of sight, fresh for each set of attributes: quiet (it
 * stores, tracks, pushes and records nothing, and loads no recorder's script), which changes no part
 * of the first screen the markup is made of (hidden inputs and the recorders' annotations are left
 * out of it anyway), and styled by no `style`.
 */
const SOURCE_LEFT_OUT = new Set(['style', 'persist', 'tracking', 'datalayer', 'trustedform', 'jornaya']);
const SOURCE_QUIET: readonly EmbedAttribute[] = [['persist', 'none'], ['tracking', 'off'], ['datalayer', 'off']];

/** Where the settings live between visits: the page's URL, so a link reopens them. */
export interface SettingsStore {
  read(): string;
  write(query: string): void;
}

export const PAGE_URL: SettingsStore = {
  read: () => location.search,
  write: (query) => history.replaceState(history.state, '', query ? `?${query}` : location.pathname),
};

/**
 * The builder: labelled controls for every setting, the real widget beside them delivering test
 * leads to the demo's stand-ins, and the embed code and relay config below (DESIGN.md, "The
 * builder"). Renders in the light DOM, like the widget, so the page's stylesheet styles it.
 */
export class LeadCaptureBuilder extends LitElement {
  /** Where settings are read from and written to; the page URL by default. */
  @property({ attribute: false }) store: SettingsStore = PAGE_URL;
  /** Where the preview delivers test leads. */
  @property({ attribute: false }) backend: PreviewBackend = DEMO_BACKEND;
  /** The build's Subresource Integrity hashes (`npm run build` writes them). */
  @property({ attribute: 'sri-url' }) sriUrl = 'dist/sri.json';
  @property({ attribute: false }) clipboard: Pick<Clipboard, 'writeText'> | undefined = navigator.clipboard;

  @state() private settings: BuilderState = DEFAULT_STATE;
  @state() private announcement = '';
  /** The build's SRI hashes; null while they load. */
  @state() private sri: SriManifest | undefined | null = null;
  /** Whether the test backend answered, so the preview can deliver. */
  @state() private backendUp = false;
  @state() private wire = 'Nothing yet.';
  @state() private outcome = 'Nothing yet.';
  /** Where the last test lead would have taken the visitor (`success-url`, `rejected-url`). */
  @state() private leftTo = '';
  /** The first screen as markup, for the embed code's prerendered form, and its token; undefined until it has rendered. */
  @state() private prerendered: { readonly markup: string; readonly token: string } | undefined;
  /** The SHA-256 of the embed code's import map (an inline script), for a Content-Security-Policy's `script-src`. */
  @state() private importMapHash: { readonly text: string; readonly hash: string } | undefined;
  /** The import map of the embed code last rendered. */
  #importMap: string | undefined;

  #preview: PreviewElement | undefined;
  /** Where the prerendered form's source widget lives, out of sight. */
  #sourceHost: HTMLElement | undefined;
  /** The attributes the source widget was made with, to make a fresh one only when they change. */
  #sourceKey = '';
  #wireLog: WireLog | undefined;
  #focusId: string | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.settings = stateFromQuery(this.store.read());
    void this.#loadSri();
    this.#wireLog = new WireLog(this.backend.standins, this.backend.scenario);
    void this.#wireLog.start().then((up) => (this.backendUp = up));
  }

  async #loadSri(): Promise<void> {
    try {
      const response = await fetch(new URL(this.sriUrl, document.baseURI));
      const manifest: unknown = response.ok ? await response.json() : undefined;
      this.sri = typeof manifest === 'object' && manifest !== null ? (manifest as SriManifest) : undefined;
    } catch {
      this.sri = undefined;
    }
  }

  #change = (next: BuilderState, message = ''): void => {
    this.settings = next;
    this.announcement = message;
    this.store.write(stateToQuery(next));
  };

  #focusLater = (id: string): void => {
    this.#focusId = id;
  };

  #copy = async (id: string, what: string): Promise<void> => {
    const source = this.querySelector(`#${id}`);
    const text = source?.textContent ?? '';
    try {
      if (!this.clipboard) throw new Error('no clipboard');
      await this.clipboard.writeText(text);
      this.announcement = `${what} copied.`;
    } catch {
      // Clipboard refused (no permission, an old browser): select the code for the person to copy.
      if (source) getSelection()?.selectAllChildren(source);
      this.announcement = `${what} selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
    }
  };

  #navigate = (url: string): void => {
    this.leftTo = url;
  };

  #handleOutcome = async (event: Event): Promise<void> => {
    this.outcome = JSON.stringify((event as CustomEvent<unknown>).detail, null, 2);
    if (this.#wireLog && this.backendUp) this.wire = await this.#wireLog.fresh();
  };

  protected override firstUpdated(): void {
    this.#sourceHost = this.querySelector<HTMLElement>('#b-prerender-source') ?? undefined;
    const host = this.querySelector<HTMLElement>('#preview');
    if (!host) return;
    this.#preview = new PreviewElement(host, this.#navigate);
    host.addEventListener('lead-submit', () => (this.leftTo = ''));
    host.addEventListener('lead-submitted', this.#handleOutcome);
    host.addEventListener('lead-error', this.#handleOutcome);
  }

  protected override updated(): void {
    const embed = embedAttributes(this.settings);
    this.#preview?.apply(previewAttributes(embed, this.backendUp ? this.backend : undefined), styleProperties(this.settings));
    void this.#readPrerendered(embed);
    void this.#hashImportMap();
    if (this.#focusId) {
      this.querySelector<HTMLElement>(`#${CSS.escape(this.#focusId)}`)?.focus();
      this.#focusId = undefined;
    }
  }

  /** Works out the import map's `'sha256-…'` for the output panel; none where the page has no Web Crypto (not a secure context). */
  async #hashImportMap(): Promise<void> {
    const text = this.#importMap;
    if (text === undefined || this.importMapHash?.text === text || !globalThis.crypto?.subtle) return;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    if (this.#importMap === text) this.importMapHash = { text, hash: `sha256-${btoa(String.fromCharCode(...digest))}` };
  }

  /**
   * The prerendered form is the first screen of a widget of its own, out of sight, made afresh with the
   * embed's attributes, as a page pasting the code has it: never the preview, which may show a later
   * step or a thank-you (its markup would pair these attributes with an older form: a consent text
   * edited after a test lead, say).
   */
  async #readPrerendered(embed: readonly EmbedAttribute[]): Promise<void> {
    const host = this.#sourceHost;
    if (!host) return;
    const attributes = [...embed.filter(([name]) => !SOURCE_LEFT_OUT.has(name)), ...SOURCE_QUIET];
    const key = JSON.stringify(attributes);
    if (key === this.#sourceKey) return;
    this.#sourceKey = key;
    const source = host.ownerDocument.createElement('lead-capture') as LeadCapture;
    for (const [name, value] of attributes) source.setAttribute(name, value === true ? '' : value);
    host.replaceChildren(source);
    await source.updateComplete;
    // Settings changed meanwhile: a fresher source is on its way.
    if (key !== this.#sourceKey) return;
    // The same form keeps its token; another one gets a fresh token, so no two embed codes share an id.
    const same = this.prerendered && prerenderedMarkup(source, this.prerendered.token);
    if (same !== undefined && same === this.prerendered?.markup) return;
    const token = prerenderToken();
    const markup = prerenderedMarkup(source, token);
    if (markup !== undefined) this.prerendered = { markup, token };
  }

  /** The preview: the real widget, and what reached the destination. */
  #renderPreview(): TemplateResult {
    const leaves = this.settings.successUrl || this.settings.rejectedUrl;
    return html`<section class="b-preview" aria-labelledby="b-preview-heading">
      <h2 id="b-preview-heading">Preview</h2>
      <p class="b-hint">
        ${this.backendUp
          ? 'The real form. Send a test lead: it goes through the demo’s relay to a stand-in that answers as the destination does.'
          : 'The real form. To send test leads, run the builder with npm start (the demo’s relay and stand-ins).'}
        ${leaves ? ' It does not leave the builder for your thank-you page: it says where your page would go.' : ''}
      </p>
      <div id="preview"></div>
      <div id="b-prerender-source" hidden></div>
      ${this.leftTo ? html`<p id="b-left-to" class="b-note">On your page the visitor would now go to <code>${this.leftTo}</code>.</p>` : nothing}
      ${this.backendUp
        ? html`<h3 id="b-wire-heading">On the wire, at the destination</h3>
            <pre id="wire" class="b-code" tabindex="0" role="region" aria-labelledby="b-wire-heading">${this.wire}</pre>
            <h3 id="b-outcome-heading">Outcome</h3>
            <pre id="outcome" class="b-code" tabindex="0" role="region" aria-labelledby="b-outcome-heading">${this.outcome}</pre>`
        : nothing}
    </section>`;
  }

  protected override render(): TemplateResult {
    const context: PanelContext = { state: this.settings, change: this.#change, focusLater: this.#focusLater };
    const embed = embedAttributes(this.settings);
    const prerendered = this.settings.prerender && this.prerendered !== undefined ? { ...this.prerendered, integrity: this.sri?.[STYLESHEET] } : undefined;
    const script = {
      src: this.settings.scriptUrl.trim(),
      type: this.settings.scriptType,
      integrity: this.sri?.[bundleFile(this.settings.scriptType)],
      // A prerendered form's element carries `prerendered` (embedSnippet adds it): its takeover is a chunk it loads.
      chunks: pinnedChunks(this.sri, prerendered ? [...embed, ['prerendered', prerendered.token]] : embed),
      loaderIntegrity: this.sri?.[LOADER],
    };
    this.#importMap = importMapText(script, prerendered !== undefined);
    return html`<header class="b-header">
        <div>
          <h1>Lead form builder</h1>
          <p>Choose what the form asks and where leads go, try it, then copy the code into your page.</p>
        </div>
        <button type="button" id="b-reset" class="b-secondary" @click=${() => this.#change(DEFAULT_STATE, 'Back to a new form.')}>Reset</button>
      </header>
      <p id="b-status" class="b-status" role="status">${this.announcement}</p>
      <div class="b-layout">
        <form class="b-controls" aria-label="Form settings" @submit=${(event: Event) => event.preventDefault()}>
          ${destinationPanel(context)} ${fieldsPanel(context)} ${questionsPanel(context)} ${consentPanel(context)}
          ${conversionsPanel(context)} ${lookPanel(context)}
        </form>
        ${this.#renderPreview()}
      </div>
      ${outputPanel({
        ...context,
        snippet: embedSnippet(script, embed, prerendered),
        importMap: this.#importMap === undefined ? undefined : { hash: this.importMapHash?.text === this.#importMap ? this.importMapHash.hash : undefined },
        fragment: relayFragment(this.settings),
        sri: this.sri,
        hasStyle: styleProperties(this.settings).length > 0,
        copy: (id, what) => void this.#copy(id, what),
      })}`;
  }
}
