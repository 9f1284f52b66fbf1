// Tests run in real headless Chromium (Debian's, never a downloaded one; see TOOLCHAIN.md).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { register } from 'tsx/esm/api';
import { forcedColorsPlugin } from './test/helpers/forced-colors-plugin.mjs';

// The stand-ins are TypeScript shared with the demo server; tsx lets Node 20 load them here.
register();
const { createStandins } = await import('./test/standins/index.ts');
const { scenarioRelays } = await import('./test/standins/relays.ts');
const { koaMiddleware } = await import('./test/standins/mount.ts');
const { serveReact } = await import('./test/react/serve-react.ts');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    a11ySnapshotPlugin(),
    forcedColorsPlugin(),
    serveReact(process.cwd()),
  ],
  middleware: [koaMiddleware(createStandins(), ['/standins/']), koaMiddleware(scenarioRelays(), ['/relay/'])],
  testFramework: { config: { timeout: 10000 } },
  // Every test page loads readable-failures.ts first: a failed assertion on a DOM node reports the
  // node's tag instead of hanging the page (and, through its busy browser, other files' tests).
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head></head><body><script type="module" src="/test/helpers/readable-failures.ts"></script><script type="module" src="${testFramework}"></script></body></html>`,
  testsFinishTimeout: 120000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
};
