// Lead quality at the relay (issue 20): a duplicate window per destination and a suppression list
// kept by the operator, both compared as keyed hashes in the ledger, both decided before the
// destination is called, both recorded in the lead's events.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runLeadsCli } from '../../src/ledger/cli.js';
import type { Engine } from '../../src/ledger/engine.js';
import { contactDigests, leadDigests, matchDigest, matchKey, normaliseMatchValue, parseSuppressionEntry } from '../../src/ledger/match-keys.js';
import { showLead } from '../../src/ledger/operator.js';
import { DEFAULT_LEDGER_SETTINGS } from '../../src/ledger/settings.js';
import { createRelay } from '../../src/relay/app.js';
import { RelayConfigError, resolveRelayConfig, type RelayConfigFile } from '../../src/relay/config.js';
import { STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { onEachEngine } from './engines.js';

const PAGE = 'https://lp.example.com';
const MATCH_SECRET = 'a-match-key-secret-of-at-least-32-characters';
const ENV = { ...STANDIN_ENV, RELAY_MATCH_SECRET: MATCH_SECRET };
const JANE = { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123' };

function configFile(webhook: Record<string, unknown>): RelayConfigFile {
  const base = standinRelayConfig('https://hooks.example.com', 'quality', [PAGE]);
  return { ...base, matchKeySecret: { env: 'RELAY_MATCH_SECRET' }, destinations: { webhook: { ...base.destinations['webhook']!, ...webhook } } };
}

/** A relay on `engine` whose webhook accepts every lead; counts what reaches it. */
function relayOn(engine: Engine, webhook: Record<string, unknown>, now = () => new Date()) {
  const sent: unknown[] = [];
  const app = createRelay(resolveRelayConfig(configFile(webhook), ENV), {
    fetch: async (_url, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    },
    now,
    clientAddress: () => '203.0.113.9',
    ledger: { engine, delivery: DEFAULT_LEDGER_SETTINGS.delivery },
  });
  const send = async (lead: Record<string, string>) => {
    const response = await app.request('/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PAGE, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ destination: 'webhook', lead, bot: { honeypot: '', elapsedMs: 10_000 } }),
    });
    return { status: response.status, body: (await response.json()) as { id: string; outcome: { status: string; code?: string } } };
  };
  return { send, sent };
}

async function leadIds(engine: Engine): Promise<string[]> {
  return (await engine.query<{ id: string }>('SELECT id FROM ledger_leads ORDER BY received_at, id')).map((row) => row.id);
}

describe('match keys: the one written form of an email or phone number, hashed with the relay\'s key', () => {
  const key = matchKey(MATCH_SECRET);

  it('writes an email and a phone number one way however they were typed', () => {
    assert.equal(normaliseMatchValue('email', '  Jane.Doe@Example.COM '), 'jane.doe@example.com');
    assert.equal(normaliseMatchValue('phone', '(212) 555-0123'), '+12125550123');
    assert.equal(normaliseMatchValue('phone', '1 212 555 0123'), '+12125550123');
    assert.equal(normaliseMatchValue('phone', '555'), undefined);
  });

  it('gives the same person the same digest, another key another digest, and never the plain value', () => {
    const digest = matchDigest(key, 'email', 'jane.doe@example.com');
    assert.equal(leadDigests({ email: 'JANE.DOE@example.com' }, ['email'], key)[0], digest);
    assert.notEqual(matchDigest(matchKey('another-secret-of-at-least-32-characters!'), 'email', 'jane.doe@example.com'), digest);
    assert.match(digest, /^[0-9a-f]{64}$/);
  });

  it('compares every phone field as one kind: a mobile on the list matches a home phone', () => {
    const listed = parseSuppressionEntry('212-555-0123')!;
    assert.deepEqual(listed, { kind: 'phone', normalised: '+12125550123' });
    assert.ok(contactDigests({ home_phone: '+12125550123' }, key).includes(matchDigest(key, listed.kind, listed.normalised)));
  });
});

describe('the relay config of lead quality', () => {
  it('requires matchKeySecret, from the environment, where a destination dedupes or suppresses', () => {
    const { matchKeySecret: _omitted, ...withoutSecret } = configFile({ suppression: true });
    assert.throws(() => resolveRelayConfig(withoutSecret, ENV), (error: Error) => error instanceof RelayConfigError && /matchKeySecret is required for destinations\.webhook's suppression/.test(error.message));
    assert.throws(() => resolveRelayConfig({ ...configFile({ suppression: true }), matchKeySecret: 'literal' as never }, ENV), /never a literal/);
  });

  it('refuses a window longer than the data it compares is kept, and fields that name no one', () => {
    assert.throws(() => resolveRelayConfig(configFile({ dedupe: { fields: ['email'], days: 45 } }), ENV), /dedupe\.days: 45 is longer than retention\.leadDays \(30\)/);
    assert.throws(() => resolveRelayConfig(configFile({ dedupe: { fields: ['zip_code'], days: 10 } }), ENV), /dedupe\.fields: zip_code cannot be compared/);
    assert.throws(() => resolveRelayConfig(configFile({ dedupe: { fields: ['email'] } }), ENV), /destinations\.webhook\.dedupe\.days: is required/);
  });

  it('refuses to build a relay that dedupes without a ledger to remember in', () => {
    const config = resolveRelayConfig(configFile({ dedupe: { fields: ['email'], days: 30 } }), ENV);
    assert.throws(() => createRelay(config, { fetch, now: () => new Date(), clientAddress: () => '203.0.113.9' }), /need the lead ledger/);
  });
});

onEachEngine('lead quality at the relay', ({ engine }) => {
  it('answers duplicate, without calling the destination, for the same email as a lead delivered within the window', async () => {
    const relay = relayOn(engine(), { dedupe: { fields: ['email', 'mobile'], days: 30 } });
    assert.equal((await relay.send(JANE)).body.outcome.status, 'accepted');
    const again = await relay.send({ ...JANE, email: ' JANE.DOE@EXAMPLE.COM', mobile: '+12125550199' });
    assert.equal(again.status, 201);
    assert.deepEqual(again.body.outcome, { status: 'duplicate', retryable: false, code: 'duplicate' });
    assert.equal(relay.sent.length, 1);
    const [first, second] = await leadIds(engine());
    const { lead, events } = await showLead(engine(), second!);
    assert.equal(lead.state, 'duplicate');
    assert.match(events.at(-1)?.note ?? '', new RegExp(`the same email or mobile as lead ${first}, delivered within 30 days`));
    const stored = JSON.stringify(await engine().query('SELECT * FROM ledger_match_keys'));
    assert.equal(stored.includes('jane.doe'), false, 'only keyed hashes are stored');
  });

  it('lets a lead through when the earlier one is outside the window, or another person', async () => {
    let now = new Date('2026-11-01T10:00:00Z');
    const relay = relayOn(engine(), { dedupe: { fields: ['email'], days: 7 } }, () => now);
    await relay.send(JANE);
    assert.equal((await relay.send({ ...JANE, email: 'john.roe@example.com' })).body.outcome.status, 'accepted');
    now = new Date('2026-11-09T10:00:00Z');
    assert.equal((await relay.send(JANE)).body.outcome.status, 'accepted');
    assert.equal(relay.sent.length, 3);
  });

  it('never forwards a lead on the suppression list, thanks the person as anyone, and records it as suppressed', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'suppress-')), 'relay.config.json');
    writeFileSync(config, JSON.stringify(configFile({ suppression: true })));
    const list = join(mkdtempSync(join(tmpdir(), 'suppress-')), 'litigators.txt');
    writeFileSync(list, '# litigator list, 2026-11\n(212) 555-0123\nsomeone@example.net\n\n');
    let out = '';
    const cli = (...args: string[]) =>
      runLeadsCli(args, { RELAY_CONFIG: config, ...ENV }, { out: (text) => (out += text), err: (text) => (out += text) }, () => new Date(), async () => ({ ...engine(), close: async () => undefined }));
    assert.equal(await cli('suppress', 'import', list), 0);
    assert.match(out, /Imported 2 entries from .*litigators\.txt: 2 new, 0 already on the list/);
    assert.equal(await cli('suppress', 'list'), 0);
    assert.match(out, /phone\s+litigators\.txt\s+1/);
    assert.equal(out.includes('555-0123') || out.includes('someone@'), false, 'the list never shows a value');

    const relay = relayOn(engine(), { suppression: true });
    const answer = await relay.send({ ...JANE, mobile: '+1 212 555 0123' });
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.body.outcome, { status: 'accepted', retryable: false });
    assert.equal(relay.sent.length, 0);
    const [suppressed] = await leadIds(engine());
    assert.equal((await showLead(engine(), suppressed!)).lead.state, 'suppressed');

    assert.equal(await cli('suppress', 'remove', '2125550123'), 0);
    assert.match(out, /Removed 1 entries/);
    assert.equal((await relay.send(JANE)).body.outcome.status, 'accepted');
    assert.equal(relay.sent.length, 1);
  });

  it('refuses a list line that is no email or phone number, changing nothing and quoting nothing', async () => {
    const config = join(mkdtempSync(join(tmpdir(), 'suppress-')), 'relay.config.json');
    writeFileSync(config, JSON.stringify(configFile({ suppression: true })));
    let err = '';
    const code = await runLeadsCli(['suppress', 'add', 'jane@example.com', 'Jane Doe'], { RELAY_CONFIG: config, ...ENV }, { out: () => undefined, err: (text) => (err += text) }, () => new Date(), async () => ({ ...engine(), close: async () => undefined }));
    assert.equal(code, 1);
    assert.match(err, /value 2 is neither an email address nor a phone number; nothing was changed/);
    assert.equal(err.includes('Jane Doe'), false);
    assert.equal((await engine().query('SELECT * FROM ledger_suppressions')).length, 0);
  });
});
