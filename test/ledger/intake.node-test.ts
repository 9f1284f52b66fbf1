// Idempotency in the database: the key, the body's hash and the lead in one transaction before the
// destination is called; a unique constraint deciding races; the answer and state in a second one.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { awaitAnswer, lookup, receive, settle } from '../../src/ledger/intake.js';
import { summarise } from '../../src/ledger/states.js';
import { onEachEngine } from './engines.js';
import { ACCEPTED, CERT_URL, CONSENT_SHA256, createRequest, seconds, stateOf, T0 } from './samples.js';

onEachEngine('ledger intake', ({ engine, another }) => {
  it('records the key, the lead claimed for its try, its consent evidence and the received and delivering events', async () => {
    const { request, lead } = createRequest();
    assert.deepEqual(await receive(engine(), request, lead), { kind: 'new' });
    assert.deepEqual(await stateOf(engine(), lead.id), { state: 'delivering', attempts: 1, envelope: JSON.parse(JSON.stringify(lead.envelope)) });
    const [evidence] = await engine().query('SELECT sha256, trustedform_cert_url, phones, email, client_ip, user_agent FROM ledger_consent WHERE lead_id = $1', [lead.id]);
    assert.deepEqual(evidence, {
      sha256: CONSENT_SHA256,
      trustedform_cert_url: CERT_URL,
      phones: ['+12125550123'],
      email: 'jane.doe@example.com',
      client_ip: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (test)',
    });
    const events = await engine().query('SELECT state, actor FROM ledger_events WHERE lead_id = $1 ORDER BY id', [lead.id]);
    assert.deepEqual(events, [{ state: 'received', actor: 'relay' }, { state: 'delivering', actor: 'relay' }]);
  });

  it('answers a repeated key with the first answer once it is settled, and as pending before', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const again = createRequest(request.key);
    const pending = await receive(engine(), again.request, again.lead);
    assert.equal(pending.kind, 'pending');
    assert.equal(pending.kind === 'pending' && pending.lead?.state, 'delivering');
    const answer = { status: 201, body: { id: 'signed-id', outcome: { status: 'accepted' }, next: null } };
    const held = await settle(engine(), {
      leadId: lead.id, claimToken: lead.claimToken, decision: { state: 'delivered' }, outcome: summarise(ACCEPTED), attempt: 1, actor: 'relay',
      now: seconds(T0, 1), answer: { scope: request.scope, key: request.key, answer },
    });
    assert.equal(held, true);
    assert.deepEqual(await receive(engine(), again.request, again.lead), { kind: 'answered', answer, leadId: lead.id });
    assert.equal((await engine().query('SELECT id FROM ledger_leads')).length, 1, 'the repeat made no second lead');
  });

  it('answers a key first used with another body as reused', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    assert.deepEqual(await lookup(engine(), request.scope, request.key, 'another-hash'), { kind: 'reused' });
  });

  it('keeps nothing when the transaction fails part-way: no key, no lead', async () => {
    const { request, lead } = createRequest();
    const broken = { ...lead, evidence: { ...lead.evidence!, text: null as unknown as string } };
    await assert.rejects(receive(engine(), request, broken));
    assert.equal(await lookup(engine(), request.scope, request.key, request.requestHash), undefined);
    assert.equal((await engine().query('SELECT id FROM ledger_leads')).length, 0);
  });

  it('lets exactly one of ten concurrent requests with one key through, across instances', async () => {
    const engines = another ? [engine(), await another()] : [engine()];
    const key = crypto.randomUUID();
    const receipts = await Promise.all(
      Array.from({ length: 10 }, (_, index) => {
        const { request, lead } = createRequest(key);
        return receive(engines[index % engines.length]!, request, lead);
      }),
    );
    assert.equal(receipts.filter((receipt) => receipt.kind === 'new').length, 1);
    assert.equal(receipts.filter((receipt) => receipt.kind === 'pending').length, 9);
    assert.equal((await engine().query('SELECT id FROM ledger_leads')).length, 1);
  });

  it('records a late outcome without changing a lead whose claim was taken over', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    await engine().query(`UPDATE ledger_leads SET state = 'uncertain', claim_token = NULL WHERE id = $1`, [lead.id]);
    const held = await settle(engine(), {
      leadId: lead.id, claimToken: lead.claimToken, decision: { state: 'delivered' }, outcome: summarise(ACCEPTED), attempt: 1, actor: 'relay', now: seconds(T0, 30),
    });
    assert.equal(held, false);
    assert.equal((await stateOf(engine(), lead.id)).state, 'uncertain');
    const [last] = await engine().query<{ note: string }>('SELECT note FROM ledger_events WHERE lead_id = $1 ORDER BY id DESC LIMIT 1', [lead.id]);
    assert.match(last!.note, /late answer/);
  });

  it('keeps an outcome without the destination\'s free text', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const withText = { ...ACCEPTED, message: 'pg: duplicate key … jane.doe@example.com', fieldErrors: { email: 'jane.doe@example.com taken' } };
    await settle(engine(), { leadId: lead.id, claimToken: lead.claimToken, decision: { state: 'delivered' }, outcome: summarise(withText), attempt: 1, actor: 'relay', now: T0 });
    const stored = JSON.stringify(await engine().query('SELECT l.outcome, e.outcome AS event FROM ledger_leads l JOIN ledger_events e ON e.lead_id = l.id'));
    assert.equal(stored.includes('jane.doe'), false);
    assert.match(stored, /pt-1/);
  });

  it('lets a request waiting on the same key get the first answer as soon as it is written', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const answer = { status: 201, body: { id: 'signed-id', outcome: { status: 'accepted' }, next: null } };
    const waiting = awaitAnswer(engine(), request, Date.now() + 10_000, { pollMs: 20 });
    await settle(engine(), {
      leadId: lead.id, claimToken: lead.claimToken, decision: { state: 'delivered' }, outcome: summarise(ACCEPTED), attempt: 1, actor: 'relay',
      now: T0, answer: { scope: request.scope, key: request.key, answer },
    });
    assert.deepEqual(await waiting, { kind: 'answered', answer, leadId: lead.id });
  });

  it('stops waiting at the deadline with the key still pending', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const receipt = await awaitAnswer(engine(), request, Date.now() + 100, { pollMs: 20 });
    assert.equal(receipt?.kind, 'pending');
  });
});
