// npm run bench: builds the bundles (see package.json), then measures size, first render, keystroke
// cost and relay overhead, prints one table and writes bench-results/bench.json. Targets are reported
// against, never asserted (DESIGN.md, "Budgets").
import { mkdirSync, writeFileSync } from 'node:fs';
import { keystrokeCosts } from './keystrokes.js';
import { ledgerBench } from './ledger.js';
import { relayCpu } from './relay-cpu.js';
import { relayLoad } from './relay.js';
import { renderTimes } from './render.js';
import { dependencyShares, distSizes, pageTotals } from './sizes.js';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const quick = process.argv.includes('--quick');

function table(title: string, headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [`\n${title}`, line(headers), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

const sizes = distSizes();
const shares = await dependencyShares();
const keystrokes = keystrokeCosts(quick ? 20 : 200);
const render = await renderTimes(quick ? 3 : 7);
const cpu = await relayCpu(quick ? 1000 : 5000);
const relay = await relayLoad(quick ? 3 : 10);
const ledger = await ledgerBench(quick ? 200 : 1000);

const totals = pageTotals(sizes);
const plain = render[0]!;
const widgets = render.slice(1);
const ratio = (ms: number) => ms / plain.inputs.medianMs;
const relayStraight = relay[0]!;
const addedP99 = (engine: string) => {
  const through = relay.find((r) => r.run.includes(`ledger on ${engine}, 500`));
  return through ? through.p99Ms - relayStraight.p99Ms : undefined;
};
const targets = [
  ...totals.filter((total) => total.budget).map((total) => [`${total.build}, gzip`, '≤ 35 KB', kb(total.gzip), total.gzip <= 35 * 1024 ? 'met' : 'missed']),
  ...widgets.map((widget) => [`${widget.page}: inputs on screen ÷ plain form’s`, '≤ 1.3×', `${ratio(widget.inputs.medianMs).toFixed(2)}×`, ratio(widget.inputs.medianMs) <= 1.3 ? 'met' : 'missed']),
  ...widgets.map((widget) => [`${widget.page}: validation ready ÷ plain form’s inputs`, '≤ 1.5×', `${ratio(widget.validation.medianMs).toFixed(2)}×`, ratio(widget.validation.medianMs) <= 1.5 ? 'met' : 'missed']),
  ...[['widget, ES module: CLS with the README’s reserved height', 'widget, ES module'], ['widget, ES module, prerendered form: CLS (nothing reserved: the markup is the form)', 'widget, ES module, prerendered form']].map(([target, page]) => {
    const cls = render.find((r) => r.page === page)!.cls;
    return [target!, '0', cls.toFixed(3), cls === 0 ? 'met' : 'missed'];
  }),
  ...['PGlite', 'PostgreSQL'].map((engine) => {
    const added = addedP99(engine);
    return [`relay p99 added at 500 req/s, ledger on ${engine}`, '≤ 5 ms', added === undefined ? 'not run' : `${added.toFixed(1)} ms`, added !== undefined && added <= 5 ? 'met' : 'missed'];
  }),
];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const range = (timing: { minMs: number; maxMs: number }) => `${ms(timing.minMs)}–${ms(timing.maxMs)}`;

const output = [
  table('Bundles and chunks (dist/)', ['file', 'minified', 'gzip', 'brotli'], sizes.map((size) => [size.file, kb(size.minified), kb(size.gzip), kb(size.brotli)])),
  table('What a page fetches for the widget', ['build', 'files', 'gzip'], totals.map((total) => [total.build, total.files, kb(total.gzip)])),
  table('What each part adds to the widget (gzip, left out one at a time)', ['part', 'gzip'], shares.map((share) => [share.part, kb(share.gzip)])),
  table(
    'First render, headless Chromium at 4× CPU slowdown, from navigation (median; range; ÷ the plain form’s inputs on screen)',
    ['page', 'inputs on screen', 'range', '÷ plain', 'validation ready', 'range', '÷ plain', 'CLS'],
    render.map((r) => [r.page, ms(r.inputs.medianMs), range(r.inputs), `${ratio(r.inputs.medianMs).toFixed(2)}×`, ms(r.validation.medianMs), range(r.validation), `${ratio(r.validation.medianMs).toFixed(2)}×`, r.cls.toFixed(3)]),
  ),
  table('Per keystroke (Node, no slowdown)', ['work', 'keystrokes', 'median', 'p99'], keystrokes.map((k) => [k.work, k.keystrokes, `${k.medianUs.toFixed(1)} µs`, `${k.p99Us.toFixed(1)} µs`])),
  table('Relay over a stand-in on loopback (autocannon, 20 connections)', ['run', 'requests', 'req/s', 'p50', 'p99', 'errors', 'non-2xx'], relay.map((r) => [r.run, r.requests, r.rps, `${r.p50Ms} ms`, `${r.p99Ms} ms`, r.errors, r.non2xx])),
  table('The relay’s own work per lead (in-process, destination answering at once)', ['leads', 'median', 'p99'], [[cpu.leads, `${cpu.medianUs.toFixed(0)} µs`, `${cpu.p99Us.toFixed(0)} µs`]]),
  table('The lead ledger’s two statements per lead (in-process, sequential)', ['engine', 'leads', 'median', 'p99', 'note'], ledger.costs.map((cost) => [cost.engine, cost.leads, `${cost.medianMs.toFixed(2)} ms`, `${cost.p99Ms.toFixed(2)} ms`, cost.note ?? ''])),
  table('Ledger start', ['run', 'time'], ledger.starts.map((start) => [start.run, `${start.ms.toFixed(0)} ms`])),
  table('Targets (reported, not asserted)', ['target', 'budget', 'measured', ''], targets),
].join('\n');

console.log(output);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify({ at: new Date().toISOString(), sizes, shares, render, keystrokes, relayCpu: cpu, relay, ledger, targets }, null, 2));
console.log('\nwritten: bench-results/bench.json');
