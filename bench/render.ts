// First render, in headless Chromium at 4x CPU slowdown (Chrome DevTools Protocol): time from the
// script's start to the form painted (and, Lit having bound its listeners while rendering,
// interactive), median of several runs, beside a plain HTML form; and the layout shift (CLS).
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { median } from './stats.js';

export interface RenderResult {
  readonly page: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly cls: number;
}

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves the repository's files (dist/ and bench/pages/) on loopback. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!path.startsWith(root) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function renderTimes(runs = 7): Promise<RenderResult[]> {
  const server = await serve(process.cwd());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results: RenderResult[] = [];
  try {
    for (const [page, label] of [
      ['plain', 'plain HTML form (baseline)'],
      ['classic', 'widget, classic script'],
      ['module', 'widget, ES module'],
    ] as const) {
      const times: number[] = [];
      const shifts: number[] = [];
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await tab.goto(`${base}/bench/pages/${page}.html`);
        await tab.waitForFunction(() => (window as unknown as { __bench: { paintedMs?: number } }).__bench.paintedMs !== undefined);
        await tab.waitForTimeout(300);
        const bench = await tab.evaluate(() => (window as unknown as { __bench: { paintedMs: number; cls: number } }).__bench);
        times.push(bench.paintedMs);
        shifts.push(bench.cls);
        await context.close();
      }
      results.push({ page: label, medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times), cls: median(shifts) });
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
