import { defineConfig, type Plugin } from 'vite';
import { demoBackends } from './demo/backends.js';

/**
 * The demo server: the relay and the stand-ins for every destination answer on the same origin as
 * the page, so `npm start` is the whole system on one port.
 */
function backends(): Plugin {
  return {
    name: 'lead-capture-demo-backends',
    configureServer(server) {
      server.middlewares.use(demoBackends());
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
    plugins: [backends()],
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
      // Vite 8's library mode leaves `es` output unminified (TOOLCHAIN.md).
      rolldownOptions: { output: { minify: true } },
    },
  };
});
