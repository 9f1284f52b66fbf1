// First render, in headless Chromium at 4x CPU slowdown (Chrome DevTools Protocol), beside a plain
// HTML form of the same fields in the same run: time from navigation to the inputs on screen (for
// every page alike, when the form's last label is painted, by Element Timing: pages/measure.js), and
// to validation ready (a bad email refused on leaving the field); median of several runs; and the
// layout shift (CLS) with the height reserved as the README says, from loads of the same pages that no
// probe types into (`?layout`, pages/measure.js). The prerendered page carries the
// builder's embed code in its body (stylesheet, preloads, the loader, then the element holding the form's
// markup): its inputs are on screen as the page is parsed, and the widget takes them over.
import { createReadStream, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium, type CDPSession } from 'playwright-core';
import { median } from './stats.js';

export interface RenderResult {
  readonly page: string;
  /** Navigation to the form's inputs on screen. */
  readonly inputs: Timing;
  /** Navigation to a bad email refused on leaving the field. */
  readonly validation: Timing;
  /** The shifts the page makes on its own: median over the loads no probe typed into. */
  readonly cls: number;
}

export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

interface Sample {
  readonly inputsMs: number;
  /** Unset on a `?layout` load, which no probe types into. */
  readonly validationMs?: number;
  /** A `?layout` load: the widget has rendered with every chunk it loads (the plain form: painted). */
  readonly settled?: boolean;
  readonly cls: number;
  /** Set when the probe's typing was lost as the widget took a prerendered form over (it must never be). */
  readonly lost?: boolean;
  /** Set when the markup's own early verdict on the email was gone once the widget had taken the form over (it must never be). */
  readonly dropped?: boolean;
}

const timing = (times: readonly number[]): Timing => ({ medianMs: median(times), minMs: Math.min(...times), maxMs: Math.max(...times) });

const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

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

const PAGES = [
  ['plain', 'plain HTML form (baseline)'],
  ['classic', 'widget, classic script'],
  ['module', 'widget, ES module'],
  ['prerendered', 'widget, ES module, prerendered form'],
] as const;

/**
 * What the page measured, read once validation is ready, or on a `?layout` load once the page has
 * settled (and 300 ms more, for late layout shifts).
 * Waited for by a few lines evaluated in the page over the DevTools protocol, not by Playwright's
 * waitForFunction, whose injected script (tens of milliseconds to compile at 4x slowdown) would land
 * in the middle of what is measured.
 */
async function measured(cdp: CDPSession, page: string, layout: boolean): Promise<Sample> {
  const done = layout ? 'window.__bench.settled' : '(window.__bench.validationMs !== undefined || window.__bench.dropped)';
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `new Promise((resolve, reject) => {
      const start = performance.now();
      const poll = () => {
        if (${done} && window.__bench.inputsMs !== undefined) setTimeout(() => resolve(JSON.stringify(window.__bench)), 300);
        else if (performance.now() - start > 10000) reject(new Error('no ${layout ? 'settled page' : 'validation'} or inputs on screen within 10 s (the page measured ' + JSON.stringify(window.__bench) + ')'));
        else setTimeout(poll, 50);
      };
      poll();
    })`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`${page}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return JSON.parse(result.value as string) as Sample;
}

/**
 * Each page loaded `runs` times in a fresh context, the pages taking turns so that the machine's
 * load falls on all of them alike: the widget's times are read beside the plain form's of the same run.
 * Each run loads every page twice: once with the probe (times), once left alone (`?layout`, CLS).
 */
export async function renderTimes(runs = 7): Promise<RenderResult[]> {
  const server = await serve(process.cwd());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const samples = new Map<string, Sample[]>(PAGES.map(([page]) => [page, []]));
  const layouts = new Map<string, Sample[]>(PAGES.map(([page]) => [page, []]));
  try {
    for (let run = 0; run < runs; run++) {
      for (const layout of [false, true]) {
        for (const [page] of PAGES) {
          const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
          const tab = await context.newPage();
          const cdp = await context.newCDPSession(tab);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          await tab.goto(`${base}/bench/pages/${page}.html${layout ? '?layout' : ''}`);
          const sample = await measured(cdp, page, layout);
          if (sample.lost) throw new Error(`${page}: the probe's typing was lost when the widget took the prerendered form over`);
          if (sample.dropped) throw new Error(`${page}: the email's early verdict was gone once the widget took the prerendered form over`);
          (layout ? layouts : samples).get(page)!.push(sample);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return PAGES.map(([page, label]) => {
    const runs = samples.get(page)!;
    return {
      page: label,
      inputs: timing(runs.map((sample) => sample.inputsMs)),
      validation: timing(runs.map((sample) => sample.validationMs ?? NaN)),
      cls: median(layouts.get(page)!.map((sample) => sample.cls)),
    };
  });
}
