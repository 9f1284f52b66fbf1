/**
 * Where a multi-step form was, kept for the browser tab's session (sessionStorage): a reload on
 * step 2 comes back to step 2 with step 1's answers, and closing the tab forgets them. Only the
 * steps already completed are kept, and nothing when the page says `persist="none"`.
 */
export interface StepPlace {
  /** The step shown, counting from 0. */
  readonly step: number;
  /** The values of the steps before it. */
  readonly values: Readonly<Record<string, string>>;
}

export interface StepMemory {
  load(): StepPlace | undefined;
  save(place: StepPlace): void;
  clear(): void;
}

const PREFIX = 'lead-capture:step:';

function isPlace(value: unknown): value is StepPlace {
  if (typeof value !== 'object' || value === null) return false;
  const { step, values } = value as Record<string, unknown>;
  return (
    typeof step === 'number' &&
    Number.isInteger(step) &&
    step >= 0 &&
    typeof values === 'object' &&
    values !== null &&
    Object.values(values).every((entry) => typeof entry === 'string')
  );
}

/**
 * The memory of one form, under a key naming the page, the form and its steps (a changed form
 * starts afresh). Storage that throws (blocked, full, private mode) is a memory that keeps nothing.
 */
export function stepMemory(storage: Storage | undefined, form: string): StepMemory {
  const key = `${PREFIX}${form}`;
  return {
    load() {
      try {
        const stored = storage?.getItem(key);
        const place: unknown = stored ? JSON.parse(stored) : undefined;
        return isPlace(place) ? place : undefined;
      } catch {
        return undefined;
      }
    },
    save(place) {
      try {
        storage?.setItem(key, JSON.stringify(place));
      } catch {
        // Nothing kept: a reload starts at step 1, as a form without memory does.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to clear where nothing could be kept.
      }
    },
  };
}
