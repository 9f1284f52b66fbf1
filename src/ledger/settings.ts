/**
 * The ledger's settings, as the relay's config file names them (`delivery`, `retention`), with the
 * production defaults of DESIGN.md ("The lead ledger").
 */
export interface DeliverySettings {
  /** Waits between tries; the first counts from the synchronous try, the last repeats. */
  readonly retryDelaysSeconds: readonly number[];
  /** How long a claim outlives the destination's timeout before another instance takes it over. */
  readonly leaseSeconds: number;
  /** A lead still not delivered this long after it arrived is `failed`. */
  readonly maxAgeHours: number;
}

export interface RetentionSettings {
  /** How long the consent evidence is kept: five years, the TCPA's four-year limit plus margin. */
  readonly consentDays: number;
  /** How long the rest of a lead's personal data is kept after it settles. */
  readonly leadDays: number;
}

export interface LedgerSettings {
  readonly delivery: DeliverySettings;
  readonly retention: RetentionSettings;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  // About 1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h.
  retryDelaysSeconds: [60, 300, 1800, 7200, 21_600, 43_200],
  leaseSeconds: 60,
  maxAgeHours: 72,
};

export const DEFAULT_RETENTION: RetentionSettings = { consentDays: 1826, leadDays: 30 };

export const DEFAULT_LEDGER_SETTINGS: LedgerSettings = { delivery: DEFAULT_DELIVERY, retention: DEFAULT_RETENTION };

/** A setting that cannot work, said in one sentence naming its place in the config file. */
export class LedgerSettingsError extends Error {}

function positive(value: unknown, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new LedgerSettingsError(`${where}: expected a positive number`);
  return value;
}

function known(value: object, keys: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new LedgerSettingsError(`${where}.${key}: unknown setting (known: ${keys.join(', ')})`);
  }
}

function section(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LedgerSettingsError(`${where}: expected an object`);
  return value as Record<string, unknown>;
}

/** Reads `delivery` and `retention` from the config file strictly, filling in the defaults. */
export function readLedgerSettings(file: { readonly delivery?: unknown; readonly retention?: unknown }): LedgerSettings {
  const delivery = section(file.delivery, 'delivery');
  known(delivery, ['retryDelaysSeconds', 'leaseSeconds', 'maxAgeHours'], 'delivery');
  const retention = section(file.retention, 'retention');
  known(retention, ['consentDays', 'leadDays'], 'retention');
  const delays = delivery['retryDelaysSeconds'] ?? DEFAULT_DELIVERY.retryDelaysSeconds;
  if (!Array.isArray(delays) || delays.length === 0) throw new LedgerSettingsError('delivery.retryDelaysSeconds: expected a list of seconds');
  return {
    delivery: {
      retryDelaysSeconds: delays.map((delay, index) => positive(delay, `delivery.retryDelaysSeconds[${index}]`, 0)),
      leaseSeconds: positive(delivery['leaseSeconds'], 'delivery.leaseSeconds', DEFAULT_DELIVERY.leaseSeconds),
      maxAgeHours: positive(delivery['maxAgeHours'], 'delivery.maxAgeHours', DEFAULT_DELIVERY.maxAgeHours),
    },
    retention: {
      consentDays: positive(retention['consentDays'], 'retention.consentDays', DEFAULT_RETENTION.consentDays),
      leadDays: positive(retention['leadDays'], 'retention.leadDays', DEFAULT_RETENTION.leadDays),
    },
  };
}
