import { expect } from '@open-wc/testing';
import {
  parseChallengeSettings,
  readSiteverifyAnswer,
  SITEVERIFY_URLS,
  verifyChallenge,
  type ChallengeProvider,
  type ChallengeSettings,
} from '../../src/relay/challenge.js';
import { RelayConfigError } from '../../src/relay/settings.js';
import { STANDIN_CREDENTIALS, STANDIN_ENV } from '../standins/credentials.js';
import { newScenario, received, script } from '../helpers/standins.js';

const WHERE = 'botProtection.challenge';
const SECRETS: Readonly<Record<ChallengeProvider, string>> = { turnstile: 'TURNSTILE_SECRET', recaptcha: 'RECAPTCHA_SECRET', hcaptcha: 'HCAPTCHA_SECRET' };
const PATHS: Readonly<Record<ChallengeProvider, string>> = {
  turnstile: 'turnstile/v0/siteverify',
  recaptcha: 'recaptcha/api/siteverify',
  hcaptcha: 'siteverify',
};

function refusal(value: unknown, env: Record<string, string | undefined> = STANDIN_ENV): string {
  try {
    parseChallengeSettings(value, WHERE, env);
  } catch (error) {
    if (error instanceof RelayConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

/** Settings that reach the scenario's stand-in for `provider`, as a config file would write them. */
function standin(provider: ChallengeProvider, scenario: string, extra: Record<string, unknown> = {}): ChallengeSettings {
  const verifyUrl = `${location.origin}/standins/${provider}/${scenario}/${PATHS[provider]}`;
  return parseChallengeSettings({ provider, secret: { env: SECRETS[provider] }, verifyUrl, ...extra }, WHERE, STANDIN_ENV);
}

const unique = () => `;n=${crypto.randomUUID()}`;

describe('parseChallengeSettings', () => {
  it("uses each provider's documented siteverify URL and a 5 s limit unless told otherwise", () => {
    for (const provider of ['turnstile', 'recaptcha', 'hcaptcha'] as const) {
      const settings = parseChallengeSettings({ provider, secret: { env: SECRETS[provider] } }, WHERE, STANDIN_ENV);
      expect(settings).to.deep.equal({ provider, secret: STANDIN_CREDENTIALS[provider].secret, verifyUrl: SITEVERIFY_URLS[provider], timeoutMs: 5000 });
    }
    expect(SITEVERIFY_URLS).to.deep.equal({
      turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
      recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
      hcaptcha: 'https://api.hcaptcha.com/siteverify',
    });
  });

  it('refuses a provider it does not know, naming the place', () => {
    expect(refusal({ provider: 'friendlycaptcha', secret: { env: 'TURNSTILE_SECRET' } })).to.equal(
      'botProtection.challenge.provider: "friendlycaptcha" is not one of turnstile, recaptcha, hcaptcha',
    );
  });

  it('refuses a secret written in the file, and names the environment variable that is not set', () => {
    expect(refusal({ provider: 'turnstile', secret: '0x4AAAAAAA' })).to.equal('botProtection.challenge.secret: a secret must be { "env": "NAME" }, never a literal');
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' } }, { ...STANDIN_ENV, TURNSTILE_SECRET: undefined })).to.equal(
      'botProtection.challenge.secret: environment variable TURNSTILE_SECRET is not set',
    );
  });

  it('takes a minimum score for reCAPTCHA v3 only, from 0.0 to 1.0', () => {
    expect(parseChallengeSettings({ provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minScore: 0.5 }, WHERE, STANDIN_ENV).minScore).to.equal(0.5);
    expect(refusal({ provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minScore: 5 })).to.equal(
      'botProtection.challenge.minScore: must be a number from 0.0 to 1.0, not 5',
    );
    expect(refusal({ provider: 'hcaptcha', secret: { env: 'HCAPTCHA_SECRET' }, minScore: 0.5 })).to.equal(
      'botProtection.challenge.minScore: only reCAPTCHA v3 answers a score where higher means a person; hcaptcha does not',
    );
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, minScore: 0.5 })).to.contain('turnstile does not');
  });

  it('sends the secret over https only, or plain http to this machine', () => {
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, verifyUrl: 'http://verify.example.com/siteverify' })).to.equal(
      'botProtection.challenge.verifyUrl: the secret is sent there, so it must be an https URL (plain http only for localhost), not "http://verify.example.com/siteverify"',
    );
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, verifyUrl: 'http://127.0.0.1:9000/siteverify' })).to.equal('accepted');
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, verifyUrl: 'not a url' })).to.contain('must be an https URL (plain http only for localhost), not "not a url"');
  });

  it('refuses a misspelt key, an action hCaptcha never answers, empty host lists and odd timeouts', () => {
    expect(refusal({ provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minscore: 0.5 })).to.equal(
      'botProtection.challenge.minscore: unknown key (known: provider, secret, minScore, verifyUrl, action, hostnames, timeoutMs)',
    );
    expect(refusal({ provider: 'hcaptcha', secret: { env: 'HCAPTCHA_SECRET' }, action: 'submit' })).to.contain('hCaptcha answers no action');
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, hostnames: [] })).to.contain('.hostnames: must be a list of host names');
    expect(refusal({ provider: 'turnstile', secret: { env: 'TURNSTILE_SECRET' }, timeoutMs: 0 })).to.contain('.timeoutMs: must be a whole number');
    expect(refusal('turnstile')).to.equal('botProtection.challenge: must be an object { provider, secret, … }');
  });
});

describe('verifyChallenge', () => {
  for (const provider of ['turnstile', 'recaptcha', 'hcaptcha'] as const) {
    describe(provider, () => {
      it('posts the secret, the token and the client address form-encoded, and passes a good token', async () => {
        const scenario = newScenario();
        const token = `pass${unique()}`;
        const verdict = await verifyChallenge(standin(provider, scenario), token, '203.0.113.7', fetch);
        expect(verdict).to.include({ kind: 'passed', provider, hostname: 'lp.example.com' });
        if (verdict.kind === 'passed') expect(Date.parse(verdict.challengeTs ?? '')).to.be.above(0);
        const [request] = await received(scenario);
        expect(request?.method).to.equal('POST');
        expect(request?.headers['content-type']).to.equal('application/x-www-form-urlencoded');
        expect(request?.body).to.deep.equal({ secret: STANDIN_CREDENTIALS[provider].secret, response: token, remoteip: '203.0.113.7' });
      });

      it('fails a token verified once already, with the code the provider uses for it', async () => {
        const scenario = newScenario();
        const settings = standin(provider, scenario);
        const token = `pass${unique()}`;
        expect((await verifyChallenge(settings, token, undefined, fetch)).kind).to.equal('passed');
        const again = await verifyChallenge(settings, token, undefined, fetch);
        const spent = provider === 'hcaptcha' ? 'invalid-or-already-seen-response' : 'timeout-or-duplicate';
        expect(again).to.deep.equal({ kind: 'failed', reason: 'refused', errorCodes: [spent] });
      });

      it('fails a made-up token, and a missing one without asking', async () => {
        const scenario = newScenario();
        expect(await verifyChallenge(standin(provider, scenario), 'any-string-a-bot-sends', undefined, fetch)).to.deep.equal({
          kind: 'failed',
          reason: 'refused',
          errorCodes: ['invalid-input-response'],
        });
        expect(await verifyChallenge(standin(provider, scenario), '  ', undefined, fetch)).to.deep.equal({ kind: 'failed', reason: 'missing_token', errorCodes: [] });
        expect(await received(scenario)).to.have.length(1);
      });

      it('is unavailable, not failed, when the provider refuses our secret: the person did nothing wrong', async () => {
        const scenario = newScenario();
        const settings = { ...standin(provider, scenario), secret: 'rotated-away' };
        expect(await verifyChallenge(settings, `pass${unique()}`, undefined, fetch)).to.deep.equal({
          kind: 'unavailable',
          reason: 'misconfigured',
          errorCodes: ['invalid-input-secret'],
        });
      });
    });
  }

  it('reCAPTCHA v3: refuses a score under minScore and passes one at it', async () => {
    const scenario = newScenario();
    const settings = standin('recaptcha', scenario, { minScore: 0.5 });
    expect(await verifyChallenge(settings, `pass;score=0.3${unique()}`, undefined, fetch)).to.deep.equal({
      kind: 'failed',
      reason: 'low_score',
      errorCodes: [],
      score: 0.3,
    });
    expect(await verifyChallenge(settings, `pass;score=0.5${unique()}`, undefined, fetch)).to.include({ kind: 'passed', score: 0.5, action: 'submit' });
  });

  it('refuses a token solved for another action or on another host', async () => {
    const scenario = newScenario();
    const settings = standin('turnstile', scenario, { action: 'submit', hostnames: ['LP.example.com'] });
    expect((await verifyChallenge(settings, `pass;action=login${unique()}`, undefined, fetch)).kind).to.equal('failed');
    expect(await verifyChallenge(settings, `pass;hostname=evil.example${unique()}`, undefined, fetch)).to.deep.include({ kind: 'failed', reason: 'wrong_hostname' });
    expect(await verifyChallenge(settings, `pass${unique()}`, undefined, fetch)).to.include({ kind: 'passed', action: 'submit' });
  });

  it("is unavailable when Turnstile answers internal-error, which Cloudflare says to retry", async () => {
    const scenario = newScenario();
    await script(scenario, { mode: 'internal-error' });
    expect(await verifyChallenge(standin('turnstile', scenario), `pass${unique()}`, undefined, fetch)).to.deep.equal({
      kind: 'unavailable',
      reason: 'provider_error',
      errorCodes: ['internal-error'],
    });
  });

  it('is unavailable on a non-2xx answer, an answer that is not the documented JSON, a timeout and no connection', async () => {
    const scenario = newScenario();
    await script(scenario, { status: 503, body: { error: 'down' } }, { status: 200, body: { ok: true } }, { delayMs: 400 });
    const settings = { ...standin('hcaptcha', scenario), timeoutMs: 150 };
    expect(await verifyChallenge(settings, `pass${unique()}`, undefined, fetch)).to.deep.equal({ kind: 'unavailable', reason: 'http_status', status: 503 });
    expect(await verifyChallenge(settings, `pass${unique()}`, undefined, fetch)).to.deep.equal({ kind: 'unavailable', reason: 'unreadable_answer', status: 200 });
    expect(await verifyChallenge(settings, `pass${unique()}`, undefined, fetch)).to.deep.equal({ kind: 'unavailable', reason: 'timeout' });
    const closed = { ...settings, verifyUrl: 'http://127.0.0.1:9/siteverify' };
    expect(await verifyChallenge(closed, `pass${unique()}`, undefined, fetch)).to.deep.equal({ kind: 'unavailable', reason: 'network' });
  });

  it('asks for a score it needs: a v2 key under minScore is ours to fix, not the person', () => {
    const settings = parseChallengeSettings({ provider: 'recaptcha', secret: { env: 'RECAPTCHA_SECRET' }, minScore: 0.5 }, WHERE, STANDIN_ENV);
    const v2Answer = { status: 200, headers: {}, body: { success: true, challenge_ts: '2026-12-01T10:00:00Z', hostname: 'lp.example.com' } };
    expect(readSiteverifyAnswer(settings, v2Answer)).to.deep.equal({ kind: 'unavailable', reason: 'misconfigured', errorCodes: ['no-score'] });
  });
});
