// React ships CommonJS only, which a browser cannot import. For test/react/, the test server bundles
// React and ReactDOM once into one ES module (esbuild; one copy, so hooks and internals agree) and
// answers the page's `react` and `react-dom/client` imports with modules that re-export from it, by
// default and by name, as a bundler would.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

const BUNDLE = '/__react__/bundle.js';
const MODULES: Readonly<Record<string, string>> = { react: 'React', 'react-dom/client': 'ReactDOMClient' };
const path = (name: string) => `/__react__/${name.replace('/', '-')}.js`;

/** `react` as an ES module: its CommonJS exports, each by name, and the whole as the default. */
function facade(rootDir: string, name: string): string {
  const local = MODULES[name] ?? '';
  // Read in a child process: loading React here would patch the test runner's own console.
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
  const keys = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: rootDir, env: { ...process.env, NODE_ENV: 'production' } }).toString()) as string[];
  const names = keys.filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
  return `import { ${local} } from '${BUNDLE}'; export default ${local}; export const { ${names.join(', ')} } = ${local};`;
}

interface Context {
  readonly path: string;
}

export function serveReact(rootDir: string) {
  let bundle: Promise<string> | undefined;
  const facades: Record<string, string> = {};
  const bundled = () =>
    (bundle ??= build({
      stdin: {
        contents: "import React from 'react'; import ReactDOMClient from 'react-dom/client'; export { React, ReactDOMClient };",
        resolveDir: rootDir,
      },
      bundle: true,
      format: 'esm',
      write: false,
      define: { 'process.env.NODE_ENV': '"development"' },
    }).then((result) => result.outputFiles[0]?.text ?? ''));
  return {
    name: 'serve-react',
    resolveImport({ source }: { source: string }) {
      return source in MODULES ? path(source) : undefined;
    },
    async serve(context: Context) {
      if (context.path === BUNDLE) return { body: await bundled(), type: 'js' };
      const name = Object.keys(MODULES).find((candidate) => context.path === path(candidate));
      if (!name) return undefined;
      facades[name] ??= facade(rootDir, name);
      return { body: facades[name], type: 'js' };
    },
  };
}
