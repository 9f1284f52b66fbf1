import type { Adapter } from '../adapters/adapter.js';
import { noAnswerFields, type AnswerField, type AnswerFieldCheck } from '../adapters/answers.js';
import { crmCom, crmComAnswerField, validateCrmComSettings, type CrmComSettings } from '../adapters/crmcom.js';
import { ivvy, ivvyAnswerField, validateIvvySettings, type IvvySettings } from '../adapters/ivvy.js';
import { mlas, validateMlasSettings, type MlasSettings } from '../adapters/mlas.js';
import { pingtree, pingtreeAnswerField, validatePingtreeSettings, type PingtreeSettings } from '../adapters/pingtree.js';
import type { Settings, SettingsProblem } from '../adapters/settings-check.js';
import { trackerRms, trackerRmsAnswerField, validateTrackerRmsSettings, type TrackerRmsSettings } from '../adapters/trackerrms.js';
import { validateWebhookSettings, webhook, type WebhookSettings } from '../adapters/webhook.js';

/** How the relay builds each kind of destination, and which of its settings are secrets. */
export interface AdapterKind {
  /** The adapter, from its resolved settings and its destination's questions (where it puts their answers). */
  readonly build: (settings: Record<string, unknown>, questions: readonly AnswerField[]) => Adapter;
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
  /** Whether a question may be mapped to this destination field (`questionFields`): why not, or undefined. */
  readonly answerField: AnswerFieldCheck;
}

/** Every setting of `S`, listed once: the compiler insists the list is complete. */
type AllSettings<S> = { readonly [K in keyof Required<S>]: true };

function kind<S>(
  build: (settings: S, questions: readonly AnswerField[]) => Adapter,
  settings: AllSettings<S>,
  required: readonly (keyof S & string)[],
  secrets: readonly (keyof S & string)[],
  check: (settings: Settings) => SettingsProblem | undefined,
  answerField: AnswerFieldCheck,
): AdapterKind {
  const known = Object.keys(settings);
  return {
    build: (resolved, questions) => build(resolved as S, questions),
    answerField,
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
  webhook: kind<WebhookSettings>(
    webhook,
    { url: true, headers: true },
    ['url'],
    [],
    validateWebhookSettings,
    // The webhook gets our lead JSON as it is: answers under their own names, beside the fields.
    noAnswerFields('the webhook receives answers under their own names in lead; it has no fields to map them to'),
  ),
  mlas: kind<MlasSettings>(
    mlas,
    { graphqlUrl: true, tokenUrl: true, clientId: true, clientSecret: true, scope: true, manualSubmit: true, timeoutMs: true, pollIntervalMs: true, pollForMs: true },
    ['graphqlUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scope'],
    ['clientSecret'],
    validateMlasSettings,
    noAnswerFields('MLAS’s LeadInput (seed 000) has no field for a page’s own answers'),
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
    ivvyAnswerField,
  ),
  pingtree: kind<PingtreeSettings>(pingtree, { baseUrl: true, sourceId: true, apiKey: true, dedupe: true }, ['baseUrl', 'sourceId', 'apiKey'], ['apiKey'], validatePingtreeSettings, pingtreeAnswerField),
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
    trackerRmsAnswerField,
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
    crmComAnswerField,
  ),
} as const satisfies Record<string, AdapterKind>;

export type AdapterName = keyof typeof ADAPTER_KINDS;

export function isAdapterName(value: string): value is AdapterName {
  return Object.hasOwn(ADAPTER_KINDS, value);
}
