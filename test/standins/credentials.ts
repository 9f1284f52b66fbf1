/**
 * The credentials the stand-ins accept. Test and demo relay configs pass them to the relay through
 * environment variables, as a real deployment would; they are public test values, not secrets.
 */
export const STANDIN_CREDENTIALS = {
  mlas: { clientId: 'mlas-client', clientSecret: 'mlas-secret-123', scope: 'api://debt-core/.default' },
  ivvy: { apiKey: 'ivvy-key-abc', apiSecret: 'ivvy-secret-xyz' },
  /** Two database sources: deduplication on (the first) and off. */
  pingtree: { sourceId: '64f2a1b3c4d5e6f708192a3b', sourceIdWithoutDedupe: '64f2a1b3c4d5e6f708192a3c', apiKey: 'pt-source-key-789' },
  trackerrms: { username: 'widget@acme.example', password: 'Welcome123', apiKey: 'trk-api-key-456', oauthToken: '1bc7ca1e-8b9a-11e9-bc42-526af7764f64' },
  crmcom: { username: 'mpadministrator', password: '1234', organisation: 'CRMDEMO' },
  /** The bot-challenge providers' secret keys (challenges.ts). */
  turnstile: { secret: 'turnstile-standin-secret' },
  recaptcha: { secret: 'recaptcha-standin-secret' },
  hcaptcha: { secret: '0x00000000000000000000000000000000000000aa' },
  /** ActiveProspect's account API key, the password of TrustedForm's Basic auth (trustedform.ts). */
  trustedform: { apiKey: 'tf-api-key-0123456789abcdef' },
} as const;

/** The environment a relay needs to reach every stand-in. */
export const STANDIN_ENV: Readonly<Record<string, string>> = {
  RELAY_SECRET: 'test-relay-secret-that-is-long-enough-0123456789',
  MLAS_CLIENT_SECRET: STANDIN_CREDENTIALS.mlas.clientSecret,
  IVVY_API_KEY: STANDIN_CREDENTIALS.ivvy.apiKey,
  IVVY_API_SECRET: STANDIN_CREDENTIALS.ivvy.apiSecret,
  PINGTREE_API_KEY: STANDIN_CREDENTIALS.pingtree.apiKey,
  TRACKERRMS_PASSWORD: STANDIN_CREDENTIALS.trackerrms.password,
  TRACKERRMS_API_KEY: STANDIN_CREDENTIALS.trackerrms.apiKey,
  TRACKERRMS_OAUTH_TOKEN: STANDIN_CREDENTIALS.trackerrms.oauthToken,
  CRMCOM_PASSWORD: STANDIN_CREDENTIALS.crmcom.password,
  TURNSTILE_SECRET: STANDIN_CREDENTIALS.turnstile.secret,
  RECAPTCHA_SECRET: STANDIN_CREDENTIALS.recaptcha.secret,
  HCAPTCHA_SECRET: STANDIN_CREDENTIALS.hcaptcha.secret,
  TRUSTEDFORM_API_KEY: STANDIN_CREDENTIALS.trustedform.apiKey,
};
