// The operator CLI's arguments and its CSV (pure): what each command line means, and a spreadsheet
// never running a formula planted in a form field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLeadsCommand, UsageError } from '../../src/ledger/cli-args.js';
import { toCsv } from '../../src/ledger/export.js';
import type { EvidenceExport } from '../../src/ledger/operator.js';

describe('parseLeadsCommand', () => {
  it('reads each command as DESIGN.md names it', () => {
    assert.deepEqual(parseLeadsCommand(['list', '--state', 'uncertain', '--json']), { command: 'list', state: 'uncertain', json: true, limit: 100 });
    assert.deepEqual(parseLeadsCommand(['list', '--limit=5']), { command: 'list', json: false, limit: 5 });
    assert.deepEqual(parseLeadsCommand(['show', '1b4e28ba']), { command: 'show', id: '1b4e28ba', json: false });
    assert.deepEqual(parseLeadsCommand(['retry', '1b4e28ba']), { command: 'retry', id: '1b4e28ba' });
    assert.deepEqual(parseLeadsCommand(['resolve', '1b4e28ba', 'delivered']), { command: 'resolve', id: '1b4e28ba', resolution: 'delivered' });
    assert.deepEqual(parseLeadsCommand(['export', '--since', '2026-11-01', '--format', 'csv']), { command: 'export', since: new Date('2026-11-01'), format: 'csv' });
    assert.deepEqual(parseLeadsCommand(['export']), { command: 'export', format: 'jsonl' });
    assert.deepEqual(parseLeadsCommand(['purge']), { command: 'purge' });
    assert.deepEqual(parseLeadsCommand([]), { command: 'help' });
  });

  it('refuses what it cannot run with a sentence', () => {
    const refusals: [string[], RegExp][] = [
      [['lsit'], /unknown command lsit/],
      [['list', '--state', 'lost'], /--state lost is not one of received, delivering/],
      [['list', '--limit', '0'], /--limit must be a whole number above 0/],
      [['show'], /expected one lead id/],
      [['resolve', 'abc', 'maybe'], /expected resolve ID delivered, or resolve ID failed/],
      [['export', '--since', 'yesterday'], /--since yesterday is not a date/],
      [['export', '--format', 'xlsx'], /--format xlsx is not jsonl or csv/],
      [['export', '--sinse', '2026-01-01'], /unknown option --sinse/],
      [['purge', 'now'], /purge takes no now/],
    ];
    for (const [args, message] of refusals) assert.throws(() => parseLeadsCommand(args), (error: Error) => error instanceof UsageError && message.test(error.message), args.join(' '));
  });
});

describe('toCsv', () => {
  const record: EvidenceExport = {
    leadId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', destination: 'webhook', state: 'delivered', receivedAt: new Date('2026-11-30T10:00:00Z'),
    settledAt: null, destinationId: null, consent: { text: 'I agree, "really".\nLine two', sha256: 'ab', sellers: ['ACME', 'Beta Co'], version: null, checkedAt: null, submittedAt: null, pageUrl: null },
    clientIp: '203.0.113.7', userAgent: null, trustedformCertUrl: null, jornayaLeadId: null, phones: ['+12125550123', '+12125550199'], email: '=HYPERLINK("http://evil.example")',
    trustedformClaim: null,
    tracking: null,
    firstTouch: null,
  };

  it('quotes commas, quotes and line breaks, joins lists, and neutralises formulas', () => {
    const [, row] = toCsv([record]).split('\r\n');
    assert.equal(
      row,
      `1b4e28ba-2fa1-11d2-883f-0016d3cca427,webhook,delivered,,2026-11-30T10:00:00.000Z,,"I agree, ""really"".\nLine two",ab,,ACME; Beta Co,,,,203.0.113.7,,,,'+12125550123; +12125550199,"'=HYPERLINK(""http://evil.example"")",,,`,
    );
  });
});
