/**
 * What the builder offers as a destination: the relay's six adapters (src/relay/registry.ts) and a
 * webhook the browser posts to itself. For each relay destination, the fields its API insists on and
 * an example of its settings, as in relay.config.example.json; secrets are `{ "env": … }` references,
 * which the relay requires (src/relay/config.ts). test/builder/relay-fragment.test.ts checks every
 * fragment against the relay's own config reader.
 */
export type SettingExample = string | number | boolean | { readonly env: string } | Readonly<Record<string, string>>;

export interface DestinationOffer {
  readonly label: string;
  /** `true`: the browser posts to the endpoint (`adapter="webhook"`); no relay, so no secrets. */
  readonly direct: boolean;
  /** The relay adapter (absent for a direct webhook). */
  readonly adapter?: string;
  /** Fields the destination's API insists on (the relay's `required` for it). */
  readonly needs: readonly string[];
  readonly settings: Readonly<Record<string, SettingExample>>;
  /** One line on what it is and what to fill in. */
  readonly hint: string;
}

const PERSON = ['first_name', 'last_name', 'email'];

export const DESTINATION_CHOICES = {
  webhook: {
    label: 'Your own webhook, through the relay',
    direct: false,
    adapter: 'webhook',
    needs: [],
    settings: { url: 'https://hooks.example.com/leads' },
    hint: 'The relay posts the lead JSON to your URL with an Idempotency-Key.',
  },
  mlas: {
    label: 'Alleviate MLAS',
    direct: false,
    adapter: 'mlas',
    needs: [...PERSON, 'mobile', 'address', 'city', 'state', 'zip_code', 'date_of_birth'],
    settings: {
      graphqlUrl: 'https://leads-sandbox.alleviate.com/graphql',
      tokenUrl: 'https://login.microsoftonline.com/YOUR-TENANT-ID/oauth2/v2.0/token',
      clientId: 'YOUR-CLIENT-ID',
      clientSecret: { env: 'MLAS_CLIENT_SECRET' },
      scope: 'api://YOUR-DEBT-CORE-APP-ID/.default',
    },
    hint: 'Two steps (create, then submit): ping-post partners ask consent after create.',
  },
  ivvy: {
    label: 'iVvy CRM',
    direct: false,
    adapter: 'ivvy',
    needs: PERSON,
    settings: {
      baseUrl: 'https://api.us-west-2.ivvy.com',
      apiKey: { env: 'IVVY_API_KEY' },
      apiSecret: { env: 'IVVY_API_SECRET' },
      sourceId: 1,
      typeId: 1,
      stageId: 1,
      qualityId: 1,
      industryId: 1,
      sourceName: 'Landing page',
    },
    hint: 'Use your account’s source, type, stage, quality and industry ids.',
  },
  pingtree: {
    label: 'Pingtree',
    direct: false,
    adapter: 'pingtree',
    needs: [...PERSON, 'mobile'],
    settings: { baseUrl: 'https://api.pingtree.com', sourceId: '64f2a1b3c4d5e6f708192a3b', apiKey: { env: 'PINGTREE_API_KEY' } },
    hint: 'Put your database source’s id (Dashboard → Database Sources) in the relay config; its API key goes in the relay’s environment.',
  },
  trackerrms: {
    label: 'TrackerRMS',
    direct: false,
    adapter: 'trackerrms',
    needs: PERSON,
    settings: {
      baseUrl: 'https://evoapius.tracker-rms.com',
      username: 'widget@example.com',
      password: { env: 'TRACKERRMS_PASSWORD' },
      source: 'Website',
    },
    hint: 'A TrackerRMS user for the widget, with its password in the relay’s environment.',
  },
  crmcom: {
    label: 'CRM.COM',
    direct: false,
    adapter: 'crmcom',
    needs: PERSON,
    settings: {
      baseUrl: 'https://your-server.crm.com',
      username: 'api-user',
      password: { env: 'CRMCOM_PASSWORD' },
      organisation: 'YOURORG',
      typeIdentifier: { name: 'Web Lead' },
      importance: 'IMPORTANCE3',
      priority: '3',
    },
    hint: 'An API user of your organisation; lead type, importance and priority as your CRM.COM has them.',
  },
  'webhook-url': {
    label: 'A webhook URL, straight from the browser (no relay)',
    direct: true,
    needs: [],
    settings: {},
    hint: 'For keyless endpoints only: anything in this URL is public.',
  },
} as const satisfies Record<string, DestinationOffer>;

export type DestinationChoice = keyof typeof DESTINATION_CHOICES;

export function isDestinationChoice(value: string): value is DestinationChoice {
  return Object.hasOwn(DESTINATION_CHOICES, value);
}

/** The environment variables a destination's relay config reads. */
export function secretNames(choice: DestinationChoice): string[] {
  return Object.values(DESTINATION_CHOICES[choice].settings as Readonly<Record<string, SettingExample>>)
    .filter((value): value is { env: string } => typeof value === 'object' && 'env' in value)
    .map((value) => value.env);
}
