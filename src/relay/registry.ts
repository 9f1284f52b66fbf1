import type { Adapter } from '../adapters/adapter.js';
import { crmCom, type CrmComSettings } from '../adapters/crmcom.js';
import { ivvy, type IvvySettings } from '../adapters/ivvy.js';
import { mlas, type MlasSettings } from '../adapters/mlas.js';
import { pingtree, type PingtreeSettings } from '../adapters/pingtree.js';
import { trackerRms, type TrackerRmsSettings } from '../adapters/trackerrms.js';
import { webhook, type WebhookSettings } from '../adapters/webhook.js';

/** How the relay builds each kind of destination, and which of its settings are secrets. */
export interface AdapterKind {
  readonly build: (settings: Record<string, unknown>) => Adapter;
  /** Settings the adapter cannot work without. */
  readonly required: readonly string[];
  /** Settings that must come from environment variables, never be written in the config file. */
  readonly secrets: readonly string[];
}

function kind<S>(build: (settings: S) => Adapter, required: readonly (keyof S & string)[], secrets: readonly (keyof S & string)[]): AdapterKind {
  return { build: (settings) => build(settings as S), required, secrets };
}

export const ADAPTER_KINDS = {
  webhook: kind<WebhookSettings>(webhook, ['url'], []),
  mlas: kind<MlasSettings>(mlas, ['graphqlUrl', 'tokenUrl', 'clientId', 'clientSecret', 'scope'], ['clientSecret']),
  ivvy: kind<IvvySettings>(ivvy, ['baseUrl', 'apiKey', 'apiSecret', 'sourceId', 'typeId', 'stageId', 'qualityId'], ['apiKey', 'apiSecret']),
  pingtree: kind<PingtreeSettings>(pingtree, ['baseUrl', 'sourceId', 'apiKey'], ['apiKey']),
  trackerrms: kind<TrackerRmsSettings>(trackerRms, ['baseUrl'], ['password', 'oauthToken', 'apiKey']),
  crmcom: kind<CrmComSettings>(crmCom, ['baseUrl', 'username', 'password', 'organisation', 'typeIdentifier', 'importance', 'priority'], ['password']),
} as const satisfies Record<string, AdapterKind>;

export type AdapterName = keyof typeof ADAPTER_KINDS;

export function isAdapterName(value: string): value is AdapterName {
  return Object.hasOwn(ADAPTER_KINDS, value);
}
