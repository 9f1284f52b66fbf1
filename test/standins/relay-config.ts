import type { RelayConfigFile } from '../../src/relay/config.js';
import { STANDIN_CREDENTIALS } from './credentials.js';

/**
 * A relay configuration whose every destination is a stand-in under `standinsBase` (for example
 * `http://localhost:5173/standins`) in one scenario. Secrets are environment references, as in a
 * real deployment; `STANDIN_ENV` supplies them.
 */
export function standinRelayConfig(standinsBase: string, scenario: string, allowedOrigins: readonly string[]): RelayConfigFile {
  const base = (destination: string) => `${standinsBase}/${destination}/${scenario}`;
  return {
    allowedOrigins,
    rateLimit: { windowSeconds: 60, max: 1000 },
    destinationTimeoutMs: 5000,
    leadIdSecret: { env: 'RELAY_SECRET' },
    // Tests drive the widget faster than a person; the bot check has its own tests.
    botProtection: { minFillMs: 0 },
    destinations: {
      webhook: { adapter: 'webhook', settings: { url: `${standinsBase}/webhook/${scenario}` } },
      mlas: {
        adapter: 'mlas',
        required: ['first_name', 'last_name', 'email', 'mobile', 'address', 'city', 'state', 'zip_code', 'date_of_birth'],
        settings: {
          graphqlUrl: `${base('mlas')}/graphql`,
          tokenUrl: `${base('mlas')}/oauth2/v2.0/token`,
          clientId: STANDIN_CREDENTIALS.mlas.clientId,
          clientSecret: { env: 'MLAS_CLIENT_SECRET' },
          scope: STANDIN_CREDENTIALS.mlas.scope,
        },
      },
      ivvy: {
        adapter: 'ivvy',
        required: ['first_name', 'last_name', 'email'],
        settings: {
          baseUrl: base('ivvy'),
          apiKey: { env: 'IVVY_API_KEY' },
          apiSecret: { env: 'IVVY_API_SECRET' },
          sourceId: 3,
          typeId: 1,
          stageId: 2,
          qualityId: 4,
          industryId: 7,
          sourceName: 'Landing page',
        },
      },
      pingtree: {
        adapter: 'pingtree',
        required: ['first_name', 'last_name', 'email', 'mobile'],
        settings: { baseUrl: base('pingtree'), sourceId: STANDIN_CREDENTIALS.pingtree.sourceId, apiKey: { env: 'PINGTREE_API_KEY' }, dedupe: true },
      },
      trackerrms: {
        adapter: 'trackerrms',
        required: ['first_name', 'last_name', 'email'],
        settings: {
          baseUrl: base('trackerrms'),
          username: STANDIN_CREDENTIALS.trackerrms.username,
          password: { env: 'TRACKERRMS_PASSWORD' },
          department: 'Sales',
          source: 'Website',
        },
      },
      crmcom: {
        adapter: 'crmcom',
        required: ['first_name', 'last_name', 'email'],
        settings: {
          baseUrl: base('crmcom'),
          username: STANDIN_CREDENTIALS.crmcom.username,
          password: { env: 'CRMCOM_PASSWORD' },
          organisation: STANDIN_CREDENTIALS.crmcom.organisation,
          typeIdentifier: { name: 'Web Lead' },
          importance: 'IMPORTANCE3',
          priority: '3',
          sourceType: 'WEBSITE',
          sourceName: 'lp.example.com',
        },
      },
    },
  };
}

/**
 * The same configuration with `questions` (the page's own questions, as the widget's `questions`
 * attribute has them) on every destination: the relay then validates their answers and each adapter
 * places them where its destination keeps them. The builder's test leads go through such a relay.
 */
export function withQuestions(file: RelayConfigFile, questions: unknown): RelayConfigFile {
  const destinations = Object.fromEntries(Object.entries(file.destinations).map(([name, destination]) => [name, { ...destination, questions }]));
  return { ...file, destinations };
}
