import { chunks } from '../../src/element/chunks.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { forgetPageLoads } from '../../src/element/load-once.js';

/**
 * The module build's lazily loaded chunks, held back or counted as a slow network would show them
 * (src/element/chunks.ts is one object so tests can do this). Call `restoreChunks()` after each test.
 */
export type ChunkName = keyof typeof chunks;
const restores: (() => void)[] = [];

/** Holds a chunk back until `release()` (or `restoreChunks()`); counts how often the element asked for it. */
export function hold(name: ChunkName): { release: () => void; readonly asked: number } {
  const original = chunks[name];
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let asked = 0;
  (chunks as Record<ChunkName, () => Promise<unknown>>)[name] = async () => {
    asked++;
    await gate;
    return original();
  };
  // Put back, and let a load still held through: an element removed with it then finishes its work.
  restores.push(() => {
    (chunks as Record<ChunkName, unknown>)[name] = original;
    open();
  });
  return {
    release: () => open(),
    get asked() {
      return asked;
    },
  };
}

/** Counts how often the element asks for a chunk, without holding it. */
export function count(name: ChunkName): { readonly asked: number } {
  const original = chunks[name];
  let asked = 0;
  (chunks as Record<ChunkName, () => Promise<unknown>>)[name] = () => {
    asked++;
    return original();
  };
  restores.push(() => ((chunks as Record<ChunkName, unknown>)[name] = original));
  return {
    get asked() {
      return asked;
    },
  };
}

/** Undoes something else a test changed (a style, a console method) with the loaders, in `restoreChunks()`. */
export function restoreLater(restore: () => void): void {
  restores.push(restore);
}

/** Puts every loader back as it was, and undoes what was given to `restoreLater`. */
export function restoreChunks(): void {
  for (const restore of restores.splice(0)) restore();
}

/**
 * As if the page had just opened: every chunk loaded once per page forgotten (src/element/load-once.ts),
 * and the recorders' scripts an earlier form added gone (loaded once per page, they record only the
 * forms already there). Call it before each test that counts, holds or fails a chunk, so it stands
 * alone, in any order.
 */
export function freshPage(): void {
  forgetPageLoads();
  document.querySelectorAll('script[data-lead-capture]').forEach((script) => script.remove());
}

/**
 * Lets each form in the page finish its loads (3 s at most), then removes it: a form still loading
 * (delivery waits for a quiet page) would otherwise ask for a chunk inside the next test, counted
 * as that test's, or load one into the page `freshPage` has just emptied.
 */
export async function settleAndRemoveForms(): Promise<void> {
  const elements = [...document.querySelectorAll<LeadCapture>('lead-capture')];
  await Promise.race([Promise.allSettled(elements.map((element) => element.updateComplete)), new Promise((resolve) => setTimeout(resolve, 3000))]);
  elements.forEach((element) => element.remove());
}
