// The operator CLI (`npm run leads -- …`), run in-process against both engines: list, show, retry,
// resolve, export (jsonl and csv), purge — every change an event by the operator.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { runLeadsCli } from '../../src/ledger/cli.js';
import type { Engine } from '../../src/ledger/engine.js';
import { workerPass } from '../../src/ledger/worker.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { onEachEngine } from './engines.js';
import { ACCEPTED, CERT_URL, CONSENT_SHA256, receivedAndTried, seconds, stateOf, T0 } from './samples.js';

const MAYBE_DELIVERED = { status: 'failed', retryable: false, delivery: 'maybe_delivered', code: 'timeout' } as const;

/** Runs the CLI with the engine handed in place of the one the environment would open. */
async function leads(engine: Engine, args: string[], now = T0): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runLeadsCli(args, { RELAY_CONFIG: undefined }, { out: (text) => (out += text), err: (text) => (err += text) }, () => now, async () => ({ ...engine, close: async () => undefined }));
  return { code, out, err };
}

onEachEngine('npm run leads', ({ engine }) => {
  it('lists the newest leads, filtered by state, as a table or JSON', async () => {
    const uncertain = await receivedAndTried(engine(), MAYBE_DELIVERED);
    await receivedAndTried(engine(), ACCEPTED, seconds(T0, 1));
    const table = await leads(engine(), ['list']);
    assert.equal(table.code, 0);
    assert.match(table.out, /^ID\s+STATE\s+DESTINATION\s+TRIES\s+RECEIVED\s+NEXT TRY\s+LAST OUTCOME\n/);
    assert.equal(table.out.trim().split('\n').length, 3);
    const json = await leads(engine(), ['list', '--state', 'uncertain', '--json']);
    const listed = JSON.parse(json.out) as { id: string; state: string; outcome: { code: string } }[];
    assert.deepEqual(listed.map((lead) => [lead.id, lead.state, lead.outcome.code]), [[uncertain.id, 'uncertain', 'timeout']]);
  });

  it('shows a lead by the first 8 characters of its id, with its events', async () => {
    const lead = await receivedAndTried(engine(), ACCEPTED);
    const shown = await leads(engine(), ['show', lead.id.slice(0, 8)]);
    assert.equal(shown.code, 0);
    assert.match(shown.out, new RegExp(`${lead.id}\\s+delivered\\s+pingtree`));
    assert.match(shown.out, /received\s+relay/);
    assert.match(shown.out, /delivered\s+relay\s+1\s+accepted pt-1/);
    const missing = await leads(engine(), ['show', '00000000']);
    assert.deepEqual([missing.code, missing.err], [1, 'leads: no lead 00000000\n']);
  });

  it('retries an uncertain lead: queued now, and the next worker pass sends it', async () => {
    const lead = await receivedAndTried(engine(), MAYBE_DELIVERED);
    const now = seconds(T0, 3600);
    const retried = await leads(engine(), ['retry', lead.id], now);
    assert.equal(retried.code, 0, retried.err);
    assert.match(retried.out, /is queued/);
    const sent: string[] = [];
    const pass = { engine: engine(), delivery: DEFAULT_DELIVERY, claimSeconds: 75, now: () => now, resendsSafely: () => false, deliver: async (claimed: { idempotencyKey: string }) => (sent.push(claimed.idempotencyKey), ACCEPTED) };
    assert.equal(await workerPass(pass), 1);
    assert.deepEqual(sent, [lead.key]);
    assert.equal((await stateOf(engine(), lead.id)).state, 'delivered');
    const [event] = await engine().query<{ actor: string; note: string }>(`SELECT actor, note FROM ledger_events WHERE lead_id = $1 AND state = 'queued'`, [lead.id]);
    assert.deepEqual(event, { actor: 'operator', note: 'operator asked for another try' });
  });

  it('resolves an uncertain lead as delivered after the operator checked, and refuses to move a settled one', async () => {
    const lead = await receivedAndTried(engine(), MAYBE_DELIVERED);
    const resolved = await leads(engine(), ['resolve', lead.id, 'delivered']);
    assert.deepEqual([resolved.code, resolved.out], [0, `Lead ${lead.id} is delivered.\n`]);
    const again = await leads(engine(), ['resolve', lead.id, 'failed']);
    assert.equal(again.code, 1);
    assert.match(again.err, /is delivered: only uncertain leads can be moved to failed/);
    const retry = await leads(engine(), ['retry', lead.id]);
    assert.match(retry.err, /only uncertain or failed leads can be moved to queued/);
  });

  it('exports one consent-evidence record per lead as JSON Lines, with the consent hash and certificate', async () => {
    const lead = await receivedAndTried(engine(), ACCEPTED);
    await receivedAndTried(engine(), ACCEPTED, seconds(T0, -86_400));
    const exported = await leads(engine(), ['export', '--since', T0.toISOString()]);
    const lines = exported.out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines.length, 1, 'only leads since the date');
    assert.deepEqual(
      { ...lines[0], received_at: undefined },
      {
        lead_id: lead.id, destination: 'pingtree', status: 'delivered', destination_id: 'pt-1', received_at: undefined, settled_at: T0.toISOString(),
        consent_text: lead.envelope.consent!.text, consent_sha256: CONSENT_SHA256, consent_version: null, sellers: ['ACME Insurance'],
        checked_at: '2026-11-30T10:00:01.000Z', submitted_at: '2026-11-30T10:00:09.000Z', page_url: 'https://lp.example.com/quote',
        client_ip: '203.0.113.7', user_agent: 'Mozilla/5.0 (test)', trustedform_cert_url: CERT_URL, jornaya_lead_id: null,
        phones: ['+12125550123'], email: 'jane.doe@example.com', trustedform_claim: null, tracking: null, first_touch: null,
      },
    );
  });

  it('exports CSV for spreadsheets', async () => {
    await receivedAndTried(engine(), ACCEPTED);
    const csv = (await leads(engine(), ['export', '--format', 'csv'])).out.split('\r\n');
    assert.equal(csv[0], 'lead_id,destination,status,destination_id,received_at,settled_at,consent_text,consent_sha256,consent_version,sellers,checked_at,submitted_at,page_url,client_ip,user_agent,trustedform_cert_url,jornaya_lead_id,phones,email,trustedform_claim,tracking,first_touch');
    assert.match(csv[1]!, new RegExp(`,${CONSENT_SHA256},,ACME Insurance,.*,${CERT_URL},,'\\+12125550123,jane\\.doe@example\\.com,,,$`));
  });

  it('purges by the retention settings', async () => {
    await receivedAndTried(engine(), ACCEPTED);
    const purged = await leads(engine(), ['purge'], seconds(T0, 31 * 86_400));
    assert.deepEqual([purged.code, purged.out], [0, 'Erased the personal data of 1 settled leads; deleted 0 leads past the consent retention.\n']);
  });
});
