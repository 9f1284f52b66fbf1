import type { Adapter } from '../adapters/adapter.js';
import type { FieldKey } from '../fields/keys.js';
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
  /** What the destination's API requires of every lead; a destination's `required` must cover it. */
  readonly leadRequires: LeadRequires;
}

/**
 * One field a destination's API requires of every lead, as the lead fields the adapter fills it from:
 * any one of them will do (MLAS's `homePhone` is the home phone, or else the mobile).
 */
export type LeadRequirement = readonly [FieldKey, ...FieldKey[]];

/** What a destination's API requires of every lead, and the document that says so (`seed 000`). */
export interface LeadRequires {
  readonly fields: readonly LeadRequirement[];
  readonly source?: string;
}

/**
 * A destination's API that requires nothing fixed of the lead: what the adapter sends comes from
 * settings or is derived, and anything else the account's own configuration decides (say so in `required`).
 */
const NOTHING_FIXED = (source?: string): LeadRequires => ({ fields: [], ...(source === undefined ? {} : { source }) });

/** Every setting of `S`, listed once: the compiler insists the list is complete. */
type AllSettings<S> = { readonly [K in keyof Required<S>]: true };

function kind<S>(
  build: (settings: S, questions: readonly AnswerField[]) => Adapter,
  settings: AllSettings<S>,
  required: readonly (keyof S & string)[],
  secrets: readonly (keyof S & string)[],
  check: (settings: Settings) => SettingsProblem | undefined,
  answerField: AnswerFieldCheck,
  leadRequires: LeadRequires,
): AdapterKind {
  const known = Object.keys(settings);
  return {
    build: (resolved, questions) => build(resolved as S, questions),
    answerField,
    leadRequires,
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
    // Our own lead JSON to the operator's endpoint: no document, so nothing it requires is known to us.
    NOTHING_FIXED(),
  ),
  mlas: kind<MlasSettings>(
    mlas,
    { graphqlUrl: true, tokenUrl: true, clientId: true, clientSecret: true, scope: true, manualSubmit: true, timeoutMs: true, pollIntervalMs: true, pollForMs: true },
    ['graphqlUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scope'],
    ['clientSecret'],
    validateMlasSettings,
    noAnswerFields('MLAS’s LeadInput (seed 000) has no field for a page’s own answers'),
    // `LeadInput`'s required fields. The seed file 000 is MLAS's submitLead page; createLead's
    // `LeadInput` is in DESTINATIONS.md, "Seed 000" ("LeadInput, required fields", from the vendor's
    // lead-input-schema page): firstName, lastName, email, homePhone, address1, city, state, zipCode,
    // each `String!`; and dateOfBirth, "the new required field" of the migration guide, which the
    // schema page still lists as optional ("Always send it"). mlasLeadInput fills firstName and
    // lastName from first_name and last_name or else splits them from full_name (a one-word full name
    // has no lastName: MLAS refuses that lead), and homePhone from home_phone or else the mobile.
    {
      source: 'seed 000',
      fields: [
        ['first_name', 'full_name'],
        ['last_name', 'full_name'],
        ['email'],
        ['home_phone', 'mobile'],
        ['address'],
        ['city'],
        ['state'],
        ['zip_code'],
        ['date_of_birth'],
      ],
    },
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
    // Seed 001, lines 6-46: what a new lead requires is qualityId, sourceId, typeId, stageId and
    // industryId (settings), `name` (filled from nameTemplate) and a contact (contactId, or the inline
    // contact the adapter makes of the person); the seed names no lead field the contact must carry.
    NOTHING_FIXED('seed 001'),
  ),
  pingtree: kind<PingtreeSettings>(
    pingtree,
    { baseUrl: true, sourceId: true, apiKey: true, dedupe: true },
    ['baseUrl', 'sourceId', 'apiKey'],
    ['apiKey'],
    validatePingtreeSettings,
    pingtreeAnswerField,
    // Seed 002, lines 9-16: every lead field is "Conditional", required as the database source is
    // configured: the source's own list goes in the destination's `required`.
    NOTHING_FIXED('seed 002'),
  ),
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
    // Seed 003 publishes a sample request and no field rules; `leadname` is filled from leadNameTemplate.
    NOTHING_FIXED('seed 003'),
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
    // Seed 004: importance, priority, type_identifier and the lead source (lines 16, 17, 19, 53) come
    // from settings, the contact information object (line 52) from contactIdentifier or the person's
    // name; contact_email and contact_phone (lines 8, 10) are "mandatory on conditions" the lead
    // type's communication settings decide: where it sends one, name the field in `required`.
    NOTHING_FIXED('seed 004'),
  ),
} as const satisfies Record<string, AdapterKind>;

export type AdapterName = keyof typeof ADAPTER_KINDS;

export function isAdapterName(value: string): value is AdapterName {
  return Object.hasOwn(ADAPTER_KINDS, value);
}

/**
 * Whether a destination's `required` (`at`) covers what its API requires of every lead: a lead
 * without it would come back `invalid` from the destination, which the widget shows the person as
 * their mistake. The sentence refusing the configuration, or undefined when it is covered.
 */
export function checkLeadRequires(adapter: AdapterName, required: readonly string[], at: string): string | undefined {
  const { fields, source } = ADAPTER_KINDS[adapter].leadRequires;
  const uncovered = fields.filter((anyOf) => !anyOf.some((key) => required.includes(key)));
  if (uncovered.length === 0) return undefined;
  const names = uncovered.map((anyOf) => anyOf.join(' or ')).join(', ');
  return `${at}: ${adapter} requires ${names} of every lead${source === undefined ? '' : ` (${source})`}; add ${uncovered.length === 1 ? 'it' : 'them'}`;
}
