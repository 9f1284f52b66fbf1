import type { LeadEnvelope, SubmitStepInput } from '../adapters/lead.js';

/**
 * Leads the person submitted that have not reached a final outcome yet. Written before anything is
 * sent, removed only on a final outcome (accepted, duplicate, invalid, rejected), so a lead survives a
 * dropped connection, a closed tab or a reload, and is sent again, with the same key, when the page
 * loads or the browser comes back online. Entries expire: a lead is personal data, kept no longer
 * than its purpose needs: a day by default.
 */
export interface OutboxEntry {
  /** The idempotency key: the entry's identity. */
  readonly key: string;
  /** Which widget configuration sends it (endpoint, adapter, destination), so only a matching one resumes it. */
  readonly target: string;
  readonly envelope: LeadEnvelope;
  /** `create` until the first step is settled; `submit` while an automatic second step is owed. */
  readonly stage: 'create' | 'submit';
  readonly reference?: string;
  readonly submitInput?: SubmitStepInput;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface Outbox {
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
  /** The unexpired entries for `target`; expired ones are deleted on the way. */
  pending(target: string, now: number): Promise<OutboxEntry[]>;
}

/**
 * How long a lead may wait on the device by default: a day (issue 11). Long enough for a retry after
 * a closed laptop or a night offline; personal data is not kept on a shared computer for a week.
 */
export const OUTBOX_TTL_MS = 24 * 60 * 60 * 1000;

/** An entry's life capped at `lifeMs` from its creation, whatever it asked for. */
function capped(entry: OutboxEntry, lifeMs: number): OutboxEntry {
  const latest = entry.createdAt + lifeMs;
  return entry.expiresAt <= latest ? entry : { ...entry, expiresAt: latest };
}

/** For pages that opt out of persistence: the lead lives as long as the page. */
export class MemoryOutbox implements Outbox {
  readonly #entries = new Map<string, OutboxEntry>();
  constructor(private readonly lifeMs = OUTBOX_TTL_MS) {}
  async put(entry: OutboxEntry): Promise<void> {
    this.#entries.set(entry.key, capped(entry, this.lifeMs));
  }
  async remove(key: string): Promise<void> {
    this.#entries.delete(key);
  }
  async pending(target: string, now: number): Promise<OutboxEntry[]> {
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    return [...this.#entries.values()].filter((entry) => entry.target === target);
  }
}

const STORE = 'outbox';
const OUTBOX_DATABASE = 'lead-capture';
const OUTBOX_PREFIX = 'lead-capture:outbox:';

/** IndexedDB, the durable store that every current browser has. */
export class IndexedDbOutbox implements Outbox {
  #db: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly name = OUTBOX_DATABASE,
    private readonly lifeMs = OUTBOX_TTL_MS,
  ) {}

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const request = indexedDB.open(this.name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB is blocked'));
    });
    return this.#db;
  }

  async #run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.#open();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  }

  async put(entry: OutboxEntry): Promise<void> {
    await this.#run('readwrite', (store) => store.put(capped(entry, this.lifeMs)));
  }

  async remove(key: string): Promise<void> {
    await this.#run('readwrite', (store) => store.delete(key));
  }

  async pending(target: string, now: number): Promise<OutboxEntry[]> {
    const all = (await this.#run('readonly', (store) => store.getAll())) as OutboxEntry[];
    const expired = all.filter((entry) => entry.expiresAt <= now);
    await Promise.all(expired.map((entry) => this.remove(entry.key)));
    return all.filter((entry) => entry.expiresAt > now && entry.target === target);
  }
}

/** localStorage, for browsers where IndexedDB is missing or refused (some private modes). */
export class LocalStorageOutbox implements Outbox {
  constructor(
    private readonly storage: Storage,
    private readonly prefix = OUTBOX_PREFIX,
    private readonly lifeMs = OUTBOX_TTL_MS,
  ) {}

  async put(entry: OutboxEntry): Promise<void> {
    this.storage.setItem(this.prefix + entry.key, JSON.stringify(capped(entry, this.lifeMs)));
  }

  async remove(key: string): Promise<void> {
    this.storage.removeItem(this.prefix + key);
  }

  async pending(target: string, now: number): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    for (let index = this.storage.length - 1; index >= 0; index--) {
      const name = this.storage.key(index);
      if (!name?.startsWith(this.prefix)) continue;
      try {
        const entry = JSON.parse(this.storage.getItem(name) ?? '') as OutboxEntry;
        if (entry.expiresAt <= now) this.storage.removeItem(name);
        else if (entry.target === target) entries.push(entry);
      } catch {
        this.storage.removeItem(name);
      }
    }
    return entries.sort((a, b) => a.createdAt - b.createdAt);
  }
}

/**
 * Deletes expired leads from every durable store this site's widgets use, whatever this widget's own
 * configuration (issue 11: they were deleted only when a widget with the same settings loaded again).
 * A store that was never created is not created here.
 */
export async function purgeExpired(now: number): Promise<void> {
  try {
    if (localStorage.length > 0) await new LocalStorageOutbox(localStorage).pending('', now);
  } catch {
    // No localStorage here (a sandboxed frame): nothing of ours can be in it.
  }
  try {
    const databases = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    if (databases.some((database) => database.name === OUTBOX_DATABASE)) await new IndexedDbOutbox().pending('', now);
  } catch {
    // IndexedDB refused: the same.
  }
}

/**
 * The most durable outbox this browser allows: IndexedDB when it opens, else localStorage, else memory.
 * Storage that throws (quota, private mode, a sandboxed frame) must never cost the lead itself. Every
 * call first purges expired leads from every store, so any widget loading on the site tidies up.
 * `lifeMs` caps how long a lead may wait (default a day).
 */
export async function openOutbox(persist: boolean, lifeMs = OUTBOX_TTL_MS, now = Date.now()): Promise<Outbox> {
  await purgeExpired(now);
  if (!persist) return new MemoryOutbox(lifeMs);
  try {
    const outbox = new IndexedDbOutbox(OUTBOX_DATABASE, lifeMs);
    await outbox.pending('', now);
    return outbox;
  } catch {
    try {
      localStorage.setItem('lead-capture:probe', '1');
      localStorage.removeItem('lead-capture:probe');
      return new LocalStorageOutbox(localStorage, OUTBOX_PREFIX, lifeMs);
    } catch {
      return new MemoryOutbox(lifeMs);
    }
  }
}

/** An outbox usable at once whose store opens in the background (IndexedDB opens asynchronously). */
export function lazyOutbox(ready: Promise<Outbox>): Outbox {
  return {
    put: async (entry) => (await ready).put(entry),
    remove: async (key) => (await ready).remove(key),
    pending: async (target, now) => (await ready).pending(target, now),
  };
}
