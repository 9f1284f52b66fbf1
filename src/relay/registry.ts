import type { Adapter } from '../adapters/adapter.js';
import { crmCom, validateCrmComSettings, type CrmComSettings } from '../adapters/crmcom.js';
import { ivvy, validateIvvySettings, type IvvySettings } from '../adapters/ivvy.js';
import { mlas, validateMlasSettings, type MlasSettings } from '../adapters/mlas.js';
import { pingtree, validatePingtreeSettings, type PingtreeSettings } from '../adapters/pingtree.js';
import type { Settings, SettingsProblem } from '../adapters/settings-check.js';
import { trackerRms, validateTrackerRmsSettings, type TrackerRmsSettings } from '../adapters/trackerrms.js';
import { validateWebhookSettings, webhook, type WebhookSettings } from '../adapters/webhook.js';

/** How the relay builds each kind of destination, and which of its settings are secrets. */
export interface AdapterKind {
  readonly build: (settings: Record<string, unknown>) => Adapter;
  /** Settings the adapter cannot work without. */
  readonly required: readonly string[];
  /** Settings that must come from environment variables, never be written in the config file. */
  readonly secrets: readonly string[];
  /** Every setting the adapter reads: any other is a mistake (a misspelt name does nothing silently). */
  readonly known: readonly string[];
  /**
   * Checks the resolved settings when the configuration is loaded: a sentence naming what cannot
   * work, beginning with `at` (e.g. `destinations.ivvy.settings`), or undefined when all is well.
   */
  readonly validate: (settings: Settings, at: string) => string | undefined;
}

/** Every setting of `S`, listed once: the compiler insists the list is complete. */
type AllSettings<S> = { readonly [K in keyof Required<S>]: true };

function kind<S>(
  build: (settings: S) => Adapter,
  settings: AllSettings<S>,
  required: readonly (keyof S & string)[],
  secrets: readonly (keyof S & string)[],
  check: (settings: Settings) => SettingsProblem | undefined,
): AdapterKind {
  const known = Object.keys(settings);
  return {
    build: (resolved) => build(resolved as S),
    required,
    secrets,
    known,
    validate(resolved, at) {
      const unknown = Object.keys(resolved).find((name) => !known.includes(name));
      if (unknown !== undefined) return `${at}.${unknown}: not a setting of this adapter (known: ${known.join(', ')})`;
      const found = check(resolved);
      return found && `${at}${found.setting === undefined ? '' : `.${found.setting}`}: ${found.problem}`;
    },
  };
}

export const ADAPTER_KINDS = {
  webhook: kind<WebhookSettings>(webhook, { url: true, headers: true }, ['url'], [], validateWebhookSettings),
  mlas: kind<MlasSettings>(
    mlas,
    { graphqlUrl: true, tokenUrl: true, clientId: true, clientSecret: true, scope: true, manualSubmit: true, timeoutMs: true, pollIntervalMs: true, pollForMs: true },
    ['graphqlUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scope'],
    ['clientSecret'],
    validateMlasSettings,
  ),
  ivvy: kind<IvvySettings>(
    ivvy,
    {
      baseUrl: true,
      apiKey: true,
      apiSecret: true,
      sourceId: true,
      typeId: true,
      stageId: true,
      qualityId: true,
      industryId: true,
      subtypeId: true,
      channelId: true,
      ownerUserId: true,
      customFields: true,
      nameTemplate: true,
      sourceName: true,
    },
    // industryId: "required when lead belongs to contact and id parameter is missing" (seed 001), and
    // every lead we send is a new, contact-type lead.
    ['baseUrl', 'apiKey', 'apiSecret', 'sourceId', 'typeId', 'stageId', 'qualityId', 'industryId'],
    ['apiKey', 'apiSecret'],
    validateIvvySettings,
  ),
  pingtree: kind<PingtreeSettings>(pingtree, { baseUrl: true, sourceId: true, apiKey: true, dedupe: true }, ['baseUrl', 'sourceId', 'apiKey'], ['apiKey'], validatePingtreeSettings),
  trackerrms: kind<TrackerRmsSettings>(
    trackerRms,
    {
      baseUrl: true,
      username: true,
      password: true,
      oauthToken: true,
      apiKey: true,
      leadNameTemplate: true,
      source: true,
      department: true,
      leadPersonType: true,
      createPersonIfNotExists: true,
      notifyDepartment: true,
    },
    ['baseUrl'],
    ['password', 'oauthToken', 'apiKey'],
    validateTrackerRmsSettings,
  ),
  crmcom: kind<CrmComSettings>(
    crmCom,
    {
      baseUrl: true,
      username: true,
      password: true,
      organisation: true,
      unit: true,
      typeIdentifier: true,
      importance: true,
      priority: true,
      sourceType: true,
      sourceName: true,
      contactIdentifier: true,
      accountsReceivableIdentifier: true,
      assignedTo: true,
      estimatedCompletionTime: true,
      expectedCompletionDays: true,
      udfStrings: true,
    },
    ['baseUrl', 'username', 'password', 'organisation', 'typeIdentifier', 'importance', 'priority'],
    ['password'],
    validateCrmComSettings,
  ),
} as const satisfies Record<string, AdapterKind>;

export type AdapterName = keyof typeof ADAPTER_KINDS;

export function isAdapterName(value: string): value is AdapterName {
  return Object.hasOwn(ADAPTER_KINDS, value);
}
