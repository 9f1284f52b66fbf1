import type { Adapter, CreateResult, DeliveryContext } from './adapter.js';
import { exchange, resendPolicy, type WireRequest } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { tenDigits } from './lead-mapping.js';
import {
  buildMlasCreateRequest,
  buildMlasStatusRequest,
  buildMlasSubmitRequest,
  buildMlasTokenRequest,
  mlasResult,
  readMlasCreateResponse,
  readMlasStatusResponse,
  readMlasSubmitResponse,
  readMlasTokenResponse,
  type MlasEndpoints,
} from './mlas-graphql.js';
import { firstProblem, flag, httpUrl, positiveMs, text, type Settings, type SettingsProblem } from './settings-check.js';
import { sendWithToken, TokenCache } from './token-cache.js';

export { buildMlasCreateRequest, buildMlasSubmitRequest, mlasLeadInput, readMlasCreateResponse, readMlasSubmitResponse } from './mlas-graphql.js';

/**
 * Alleviate MLAS (seed 000): GraphQL `createLead`, then `submitLead` for qualified leads, behind an
 * OAuth2 client-credentials token from Microsoft Entra ID (DESTINATIONS.md, "Seed 000").
 */
export interface MlasSettings extends MlasEndpoints {
  /** Whether qualified leads need our `submitLead` (the partner's "manual CRM submission"); default true. */
  readonly manualSubmit?: boolean;
  /**
   * How long one step may take, ms; default 60000. `createLead` "blocks until the workflow
   * completes" (dedupe, TrustedForm, a credit pull, the bid), far longer than a CRM's create.
   */
  readonly timeoutMs?: number;
  /** While a lead is 1000 Processing: how often to ask `getLeadStatus` (ms, default 2000)… */
  readonly pollIntervalMs?: number;
  /** …and for how long at most (ms, default 20000), within `timeoutMs`. */
  readonly pollForMs?: number;
}

const UNAUTHORISED: Outcome = {
  status: 'rejected',
  retryable: false,
  code: 'unauthorised',
  message: 'MLAS refused our credentials: check clientId, clientSecret, scope and tokenUrl.',
};

/** Waits `ms`, or less when the step's bound runs out first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The `mlas` adapter: a token cached until five minutes before expiry, refreshed once on a 401. MLAS
 * deduplicates by our `leadId`, so every failure may be sent again; a resend of a lead MLAS already
 * has is answered 1003 with the first record's id, and is resolved through `getLeadStatus` into that
 * lead's real result (a qualified lead still gets its `submitLead`). A 1003 for an earlier lead of
 * the caller's own under another key (`DeliveryContext.ownLead`), qualified, never submitted and sent
 * with this lead's mobile number, is answered qualified with that lead's id, so the person's consent
 * step completes it. A lead still
 * `1000 Processing` is polled within a bound.
 */
export function mlas(settings: MlasSettings): Adapter {
  const tokens = new TokenCache(5 * 60 * 1000);
  const manualSubmit = settings.manualSubmit ?? true;
  // MLAS deduplicates by our leadId: a resend is answered 1003 and resolved (resolveDuplicate);
  // submitLead is idempotent (208 "already submitted").
  const deduplicates = true;

  function authorised(delivery: DeliveryContext, build: (token: string) => WireRequest) {
    const fetchToken = async () =>
      readMlasTokenResponse(await exchange(buildMlasTokenRequest(settings), delivery.fetch, delivery.signal), delivery.now());
    return sendWithToken(tokens, delivery, fetchToken, build, (response) => response.status === 401, UNAUTHORISED);
  }

  async function leadStatus(id: string, delivery: DeliveryContext) {
    const answer = await authorised(delivery, (token) => buildMlasStatusRequest(id, settings, token));
    return 'outcome' in answer ? answer.outcome : readMlasStatusResponse(answer.response, delivery.now());
  }

  /** Asks `getLeadStatus` until the lead is no longer 1000, or the poll's bound or the step's runs out. */
  async function settled(processing: CreateResult, id: string, delivery: DeliveryContext): Promise<CreateResult> {
    const until = delivery.now().getTime() + (settings.pollForMs ?? 20_000);
    let result = processing;
    while (result.outcome.code === '1000' && delivery.now().getTime() < until && !delivery.signal?.aborted) {
      await pause(settings.pollIntervalMs ?? 2000, delivery.signal);
      if (delivery.signal?.aborted) break;
      const status = await leadStatus(id, delivery);
      if ('status' in status) return result;
      result = mlasResult(status.resultCode, id, undefined, manualSubmit);
    }
    return result;
  }

  /**
   * 1003 with an id: whose lead is it? `getLeadStatus` names the partner's leadId. This lead's own
   * key means our own resend of a lead MLAS took before (its answer lost on the way back): that
   * lead's result stands. An earlier key of ours (the caller's `ownLead` knows it) whose lead is
   * qualified, never submitted and sent with this lead's mobile number means the same person again,
   * from a fresh browser, after leaving at the consent step: this lead takes over that lead's submit
   * (see `waitingOwnLead`). Anything else — another partner's lead, one of ours already submitted or
   * not waiting for a submit, or one whose mobile is not this lead's (MLAS matched by email alone,
   * which anyone may type) — is a real duplicate, and never gets a submitLead from us.
   */
  async function resolveDuplicate(duplicate: CreateResult, id: string, envelope: LeadEnvelope, delivery: DeliveryContext): Promise<CreateResult> {
    const status = await leadStatus(id, delivery);
    if ('status' in status && status.code === 'not_found') return duplicate;
    if ('status' in status) return unresolved(id, status, status.message ?? status.code);
    if (status.partnerLeadId !== delivery.idempotencyKey) return (await waitingOwnLead(status, id, envelope, delivery)) ?? duplicate;
    const ours = mlasResult(status.resultCode, id, 'Our own earlier send (1003 resolved through getLeadStatus).', manualSubmit);
    return ours.outcome.code === '1000' ? settled(ours, id, delivery) : ours;
  }

  /** A 1003 whose lead could not be told: MLAS has a lead, so a resend (answered 1003 again) may resolve it. */
  function unresolved(id: string, failure: Omit<Outcome, 'status' | 'retryable'>, reason: string | undefined): CreateResult {
    const outcome: Outcome = { ...failure, status: 'failed', retryable: true, delivery: 'maybe_delivered', message: `1003 for lead ${id} could not be resolved: ${reason}` };
    return { outcome, next: null };
  }

  /**
   * The earlier lead of ours, under another key, that still waits for its submitLead: qualified
   * (1013–1017, with manual submit) and, as far as the caller knows, never submitted. MLAS answers
   * 208 to a submit it has had after all, which reads as accepted: the step is then done. The email
   * MLAS matched by is no proof of the person: the submit attaches this visit's consent, certificate
   * and number to that lead, so it is taken over only when the caller says that lead was sent with
   * this lead's mobile (as `cellPhone` takes it, 10 digits); a lead without one is never taken over.
   */
  async function waitingOwnLead(
    status: { resultCode: string; partnerLeadId: string | undefined },
    id: string,
    envelope: LeadEnvelope,
    delivery: DeliveryContext,
  ): Promise<CreateResult | undefined> {
    const key = status.partnerLeadId;
    if (key === undefined || delivery.ownLead === undefined) return undefined;
    const earlier = mlasResult(status.resultCode, id, 'An earlier lead of ours, never submitted: its submit step is offered again (1003 resolved through getLeadStatus).', manualSubmit);
    if (earlier.next !== 'submit') return undefined;
    let own;
    try {
      own = await delivery.ownLead(key, { mobile: tenDigits(envelope.lead['mobile']) || undefined });
    } catch {
      return unresolved(id, { code: '1003' }, 'the relay could not look up its earlier lead');
    }
    if (own === undefined || own.submitted || !own.samePerson) return undefined;
    return { ...earlier, takesOver: key };
  }

  return {
    name: 'mlas',
    timeoutMs: settings.timeoutMs ?? 60_000,
    deduplicates,
    async create(envelope, delivery) {
      const answer = await authorised(delivery, (token) => buildMlasCreateRequest(envelope, settings, token, delivery.idempotencyKey));
      let result: CreateResult = 'outcome' in answer ? { outcome: answer.outcome, next: null } : readMlasCreateResponse(answer.response, delivery.now(), manualSubmit);
      const id = result.outcome.destinationId;
      if (id !== undefined && result.outcome.code === '1003') result = await resolveDuplicate(result, id, envelope, delivery);
      else if (id !== undefined && result.outcome.code === '1000') result = await settled(result, id, delivery);
      return { ...result, outcome: resendPolicy(result.outcome, deduplicates) };
    },
    async submit(reference, input, delivery) {
      const answer = await authorised(delivery, (token) => buildMlasSubmitRequest(reference, input, settings, token));
      return resendPolicy('outcome' in answer ? answer.outcome : readMlasSubmitResponse(answer.response, delivery.now()), deduplicates);
    },
  };
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateMlasSettings(settings: Settings): SettingsProblem | undefined {
  const timeout = Number(settings['timeoutMs'] ?? 60_000);
  const pollFor = Number(settings['pollForMs'] ?? 20_000);
  return firstProblem(
    httpUrl(settings, 'graphqlUrl'),
    httpUrl(settings, 'tokenUrl'),
    text(settings, 'clientId'),
    text(settings, 'scope'),
    flag(settings, 'manualSubmit'),
    positiveMs(settings, 'timeoutMs'),
    positiveMs(settings, 'pollIntervalMs'),
    positiveMs(settings, 'pollForMs'),
    pollFor < timeout ? undefined : { setting: 'pollForMs', problem: `must be shorter than timeoutMs (${timeout}), which bounds the whole step` },
  );
}
