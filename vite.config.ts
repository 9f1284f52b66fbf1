import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import { demoBackends } from './demo/backends.js';
import { minifyTemplates } from './scripts/minify-templates.js';

/**
 * The demo server: the relay and the stand-ins for every destination answer on the same origin as
 * the page, so `npm start` is the whole system on one port.
 */
function backends(): Plugin {
  return {
    name: 'lead-capture-demo-backends',
    configureServer(server) {
      const demo = demoBackends();
      server.middlewares.use(demo.middleware);
      server.httpServer?.on('listening', () => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') demo.warm(`http://localhost:${address.port}`);
      });
      server.httpServer?.on('close', () => void demo.close());
    },
  };
}

/**
 * The builder site carries the SRI hashes of the bundles built beside it (`dist/sri.json`, written
 * by scripts/sri.mjs), at the same relative path the builder reads in development.
 */
function sriForSite(): Plugin {
  return {
    name: 'lead-capture-builder-sri',
    generateBundle() {
      if (!existsSync('dist/sri.json')) {
        this.warn('dist/sri.json not found: the builder will offer unpinned script tags (run the bundle builds and scripts/sri.mjs first)');
        return;
      }
      this.emitFile({ type: 'asset', fileName: 'dist/sri.json', source: readFileSync('dist/sri.json') });
    },
  };
}

/**
 * `lead-capture/react` imports the widget from the package's own entry (`lead-capture`), so an app
 * that uses the component and the plain element runs one copy of the widget, not two.
 */
function ownEntryExternal(): Plugin {
  return {
    name: 'lead-capture-own-entry',
    enforce: 'pre',
    resolveId(source, importer) {
      return importer?.includes('/src/react/') && source === '../embed.js' ? { id: 'lead-capture', external: true } : null;
    },
  };
}

/**
 * The classic build is one file: its element takes every chunk from chunks-inline.ts (already in the
 * file) instead of importing it.
 */
function inlineChunks(): Plugin {
  return {
    name: 'lead-capture-inline-chunks',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './chunks.js' || !importer?.replaceAll('\\', '/').includes('/src/element/')) return null;
      return this.resolve('./chunks-inline.ts', importer);
    },
  };
}

/**
 * The widget's bundles run in browsers, whose fetch fails with no system error code: they take
 * src/adapters/never-sent.browser.ts for never-sent.ts, without the codes Node's fetch gives (the
 * relay's build, the package, the dev server and the tests keep them).
 */
function browserFetchFailures(): Plugin {
  return {
    name: 'lead-capture-browser-fetch-failures',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './never-sent.js' || !importer?.replaceAll('\\', '/').includes('/src/adapters/')) return null;
      return this.resolve('./never-sent.browser.ts', importer);
    },
  };
}

/**
 * The prerendered form's loader (src/loader.ts) imports the widget as a file beside it, not a copy:
 * `./embed.js` is `./lead-capture.js`, the module build's entry, resolved relative to the loader.
 */
function widgetBesideLoader(): Plugin {
  return {
    name: 'lead-capture-widget-beside-loader',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './embed.js' || !importer?.replaceAll('\\', '/').endsWith('/src/loader.ts')) return null;
      return { id: './lead-capture.js', external: 'relative' };
    },
  };
}

/**
 * The widget's markup and style sheet without the source's indentation and comments
 * (scripts/minify-templates.ts): Lit templates anywhere in src/, and every template literal of the
 * style sheet's modules. Build only; the tests and the dev server run the source as written.
 */
const STYLE_MODULES = /\/src\/element\/(?:styles[\w-]*|theme)\.ts$/;

function minifiedTemplates(): Plugin {
  return { ...templateMinifier(), apply: 'build' };
}

function templateMinifier(): Plugin {
  return {
    name: 'lead-capture-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replaceAll('\\', '/');
      if (!/\/src\/.*\.ts$/.test(path)) return null;
      const minified = minifyTemplates(code, path, { css: STYLE_MODULES.test(path) });
      // Line breaks stay where they were, so the source map's lines hold without a map of our own.
      return minified === null ? null : { code: minified, map: null };
    },
  };
}

/**
 * `dist/lead-capture.css`: the sheet the widget adopts, for a page that paints the builder's prerendered
 * form before the script arrives. It is styles.ts's own `CSS`, evaluated at build time (Vite's module
 * runner) through the same template minifier as the bundles, so the file is the sheet the bundle
 * adopts, text for text: there is no second copy to edit.
 */
function stylesheetFile(): Plugin {
  return {
    name: 'lead-capture-stylesheet',
    async generateBundle() {
      const styles = fileURLToPath(new URL('./src/element/styles.ts', import.meta.url));
      const { module } = await runnerImport<{ CSS: string }>(styles, { configFile: false, logLevel: 'silent', plugins: [templateMinifier()] });
      this.emitFile({ type: 'asset', fileName: 'lead-capture.css', source: module.CSS });
    },
  };
}

/**
 * `vite build` writes the ES-module bundle (`dist/lead-capture.js`, exports + tag registration);
 * `vite build --mode classic` adds the classic-script bundle (`dist/lead-capture.classic.js`), an
 * IIFE with no exports, so it defines no global beyond the custom element.
 */
export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  if (mode === 'react') {
    // `vite build --mode react`: dist/react.js; React, @lit/react and the widget stay imports.
    return {
      plugins: [ownEntryExternal()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/react/index.ts', formats: ['es'], fileName: () => 'react.js' },
        rolldownOptions: { external: ['react', '@lit/react'], output: { minify: true } },
      },
    };
  }
  if (mode === 'site') {
    // `vite build --mode site`: the builder (builder.html) as a static site in dist-site/, hostable anywhere.
    return {
      base: './',
      plugins: [sriForSite()],
      build: { target: 'es2022', outDir: 'dist-site', rolldownOptions: { input: { builder: 'builder.html' } } },
    };
  }
  if (mode === 'loader') {
    // `vite build --mode loader`: dist/lead-capture.loader.js, the prerendered form's script, on its own
    // (a second entry of the module build would share the paint helpers with it through a common chunk).
    return {
      plugins: [widgetBesideLoader()],
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/loader.ts', formats: ['es'], fileName: () => 'lead-capture.loader.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  if (mode === 'relay') {
    // `vite build --mode relay`: the relay as one web-standard ES module, dependencies inside.
    return {
      build: {
        target: 'es2022',
        emptyOutDir: false,
        sourcemap: true,
        lib: { entry: 'src/relay/index.ts', formats: ['es'], fileName: () => 'relay.js' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }
  return {
    plugins: classic
      ? [inlineChunks(), browserFetchFailures(), minifiedTemplates()]
      : [backends(), browserFetchFailures(), minifiedTemplates(), stylesheetFile()],
    server: { port: Number(process.env['PORT'] ?? 5173) },
    build: {
      target: 'es2022',
      emptyOutDir: !classic,
      sourcemap: true,
      lib: {
        entry: classic ? 'src/define.ts' : 'src/embed.ts',
        formats: [classic ? 'iife' : 'es'],
        name: classic ? 'LeadCaptureClassic' : undefined,
        fileName: () => (classic ? 'lead-capture.classic.js' : 'lead-capture.js'),
      },
      // Vite 8's library mode leaves `es` output unminified (TOOLCHAIN.md). The module build is split:
      // its lazily imported chunks (src/chunks/) sit beside lead-capture.js under stable names,
      // `lead-capture.validation.js` and so on, so the README's snippet and the SRI pins never chase a
      // hash; the classic build inlines them and stays one file.
      rolldownOptions: {
        // The entry may export what its chunks import from it (lit, the strings, the catalogue), so no
        // common chunk stands between the page and its first render.
        preserveEntrySignatures: 'allow-extension',
        // No `/* @__PURE__ */` marks left in the module build (the classic build has none): they help a
        // bundler drop what is unused, and the widget's files are what a page runs, every line used.
        output: classic
          ? { minify: true }
          : { minify: true, chunkFileNames: 'lead-capture.[name].js', comments: { annotation: false } },
      },
    },
  };
});
