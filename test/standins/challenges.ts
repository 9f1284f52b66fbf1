import { Hono } from 'hono';
import { STANDIN_CREDENTIALS } from './credentials.js';
import { receive, type Recorder } from './recorder.js';

/**
 * The bot-challenge providers' `siteverify` endpoints, as documented (src/relay/challenge.ts cites the
 * pages): a form-encoded POST of `secret`, `response`, `remoteip`; HTTP 200 with JSON `{ success,
 * challenge_ts, hostname, "error-codes", … }` whether the token passed or not.
 *
 * - Turnstile (`…/turnstile/:scenario/turnstile/v0/siteverify`): adds `action` and `cdata`; a spent
 *   token is `timeout-or-duplicate`; mode `internal-error` answers the code Cloudflare says to retry.
 * - reCAPTCHA v3 (`…/recaptcha/:scenario/recaptcha/api/siteverify`): adds `score` (1.0 a person … 0.0
 *   a bot) and `action`; a spent token is `timeout-or-duplicate`.
 * - hCaptcha (`…/hcaptcha/:scenario/siteverify`): adds `credit`; no action and (outside Enterprise) no
 *   score; a spent token is `invalid-or-already-seen-response`.
 *
 * All: no secret `missing-input-secret`, another secret `invalid-input-secret`, no token
 * `missing-input-response`. Tokens stand for what the page's widget would have produced: `pass`,
 * optionally with `;score=0.3`, `;action=login`, `;hostname=other.example` (defaults: score 0.9, action
 * `submit`, hostname `lp.example.com`) and anything after to make it unique; any other token is
 * `invalid-input-response`. Each token verifies once, as with the real providers.
 */
type Provider = 'turnstile' | 'recaptcha' | 'hcaptcha';

const SPENT: Readonly<Record<Provider, string>> = {
  turnstile: 'timeout-or-duplicate',
  recaptcha: 'timeout-or-duplicate',
  hcaptcha: 'invalid-or-already-seen-response',
};

const PATHS: Readonly<Record<Provider, string>> = {
  turnstile: '/:scenario/turnstile/v0/siteverify',
  recaptcha: '/:scenario/recaptcha/api/siteverify',
  hcaptcha: '/:scenario/siteverify',
};

function tokenClaims(token: string): Record<string, string> | undefined {
  const [head, ...pairs] = token.split(';');
  if (head !== 'pass') return undefined;
  const claims: Record<string, string> = { score: '0.9', action: 'submit', hostname: 'lp.example.com' };
  for (const pair of pairs) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined) claims[key] = value;
  }
  return claims;
}

function siteverifyStandin(provider: Provider, recorder: Recorder): Hono {
  const app = new Hono();
  app.post(PATHS[provider], async (c) => {
    const scenario = c.req.param('scenario') ?? '';
    const { recorded, answer, early } = await receive(recorder, scenario, c.req.raw);
    if (early) return early;
    const failure = (...codes: string[]) => c.json({ success: false, 'error-codes': codes });
    if (answer.mode === 'internal-error' && provider === 'turnstile') return failure('internal-error');
    const form = (recorded.body ?? {}) as Record<string, string>;
    if (!form['secret']) return failure('missing-input-secret');
    if (form['secret'] !== STANDIN_CREDENTIALS[provider].secret) return failure('invalid-input-secret');
    const token = form['response'];
    if (!token) return failure('missing-input-response');
    const claims = tokenClaims(token);
    if (claims === undefined) return failure('invalid-input-response');
    const spent = recorder.memory(scenario);
    if (spent.has(`${provider}:${token}`)) return failure(SPENT[provider]);
    spent.set(`${provider}:${token}`, true);
    const common = { success: true, challenge_ts: new Date().toISOString(), hostname: claims['hostname'], 'error-codes': [] };
    if (provider === 'turnstile') return c.json({ ...common, action: claims['action'], cdata: '' });
    if (provider === 'recaptcha') return c.json({ ...common, score: Number(claims['score']), action: claims['action'] });
    return c.json({ ...common, credit: false });
  });
  return app;
}

export const turnstileStandin = (recorder: Recorder) => siteverifyStandin('turnstile', recorder);
export const recaptchaStandin = (recorder: Recorder) => siteverifyStandin('recaptcha', recorder);
export const hcaptchaStandin = (recorder: Recorder) => siteverifyStandin('hcaptcha', recorder);
