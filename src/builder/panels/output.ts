import { html, nothing, type TemplateResult } from 'lit';
import type { RelayFragment } from '../relay-fragment.js';
import { bundleFile, STYLESHEET, type SriManifest } from '../snippet.js';
import { checkboxControl, selectControl, textControl, type PanelContext } from './controls.js';

export interface OutputContext extends PanelContext {
  readonly snippet: string;
  readonly fragment: RelayFragment | undefined;
  /** The build's SRI hashes: null while they load, undefined when there are none. */
  readonly sri: SriManifest | undefined | null;
  readonly hasStyle: boolean;
  /** The embed code's import map, when it has one, and its `sha256-…` once worked out (undefined without Web Crypto). */
  readonly importMap: { readonly hash: string | undefined } | undefined;
  /** Copies the text of the element with this id. */
  readonly copy: (id: string, what: string) => void;
}

/** The embed code with its script's home, and the relay config for the destination. */
export function outputPanel(context: OutputContext): TemplateResult {
  const { state, change, snippet, fragment, sri, copy } = context;
  const integrity = sri?.[bundleFile(state.scriptType)];
  return html`<section class="b-output" aria-labelledby="b-embed-heading">
    <h2 id="b-embed-heading">Embed code</h2>
    <p>Paste it where the form should appear on your page.</p>
    <div class="b-row">
      ${textControl('b-script-url', 'Script URL', state.scriptUrl, (scriptUrl) => change({ ...state, scriptUrl }), {
        type: 'url',
        hint: `Where you host ${bundleFile(state.scriptType)} from this build.`,
      })}
      ${selectControl('b-script-type', 'Script type', state.scriptType, [['module', 'ES module'], ['classic', 'Classic script (older page builders)']] as const,
        (scriptType) => change({ ...state, scriptType }))}
    </div>
    ${checkboxControl('b-prerender', 'Paint the form with the page (prerendered form)', state.prerender, (prerender) => change({ ...state, prerender }), {
      hint: `The code carries the form itself and links ${STYLESHEET}, so the form is on screen as soon as the page is, and the script takes it over when it arrives. Copy the code again after changing the form. The stylesheet link holds up the page below it until it loads: serve ${STYLESHEET} with your page or from a fast CDN, or untick this.`,
    })}
    <pre id="snippet" class="b-code" tabindex="0" role="region" aria-label="The embed code"><code>${snippet}</code></pre>
    <p class="b-actions">
      <button type="button" id="b-copy-snippet" @click=${() => copy('snippet', 'Embed code')}>Copy the embed code</button>
    </p>
    <p class="b-hint" id="b-sri" data-state=${sri === null ? 'loading' : integrity ? 'pinned' : 'missing'}>
      ${sri === null
        ? 'Looking for this build’s Subresource Integrity hashes…'
        : integrity
          ? html`The script is pinned with Subresource Integrity (<code>${integrity.slice(0, 19)}…</code>): a browser refuses a file that differs from this build.`
          : 'Not pinned with Subresource Integrity: no dist/sri.json was found (npm run build writes it).'}
      ${context.importMap
        ? html` The import map at its top pins every file the widget imports (a preload’s pin alone is not kept by every browser). It is an inline script: under a Content-Security-Policy, add
            ${context.importMap.hash ? html`<code id="b-csp-hash">'${context.importMap.hash}'</code>` : 'its SHA-256'} to <code>script-src</code> (copy the code again after any change: the hash changes with it).`
        : nothing}
      ${context.hasStyle ? ' Under a strict Content-Security-Policy (no inline styles), move the style attribute’s properties into your stylesheet, on lead-capture.' : nothing}
    </p>
    ${fragment
      ? html`<h2 id="b-relay-heading">Relay config</h2>
          <p>Add this to <code>destinations</code> in the relay’s <code>relay.config.json</code>, with your own values, and allow your page’s origin in <code>allowedOrigins</code>.</p>
          <pre id="relay-config" class="b-code" tabindex="0" role="region" aria-labelledby="b-relay-heading"><code>${fragment.json}</code></pre>
          <p class="b-actions"><button type="button" @click=${() => copy('relay-config', 'Relay config')}>Copy the relay config</button></p>
          ${fragment.secrets.length > 0
            ? html`<p class="b-hint">Secrets never go in the file: set ${fragment.secrets.map((name, i) => html`${i > 0 ? ', ' : ''}<code>${name}</code>`)} in the relay’s environment.</p>`
            : nothing}`
      : html`<p class="b-hint">No relay: the browser posts straight to the webhook.</p>`}
  </section>`;
}
