import type { RecordedRequest, ScriptedAnswer } from '../standins/index.js';

/** A fresh scenario id, so this test sees only its own traffic at the stand-ins. */
export function newScenario(): string {
  return `t-${crypto.randomUUID()}`;
}

/** What the scenario's stand-ins have received so far. */
export async function received(scenario: string): Promise<RecordedRequest[]> {
  const response = await fetch(`/standins/_log/${scenario}`);
  return (await response.json()) as RecordedRequest[];
}

/** Tells the scenario's stand-ins how to answer their next requests, in order. */
export async function script(scenario: string, ...answers: ScriptedAnswer[]): Promise<void> {
  await fetch(`/standins/_script/${scenario}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
}

/** Forgets the scenario's scripted answers not yet used: the destination recovers. */
export async function unscript(scenario: string): Promise<void> {
  await fetch(`/standins/_script/${scenario}`, { method: 'DELETE' });
}

/** The idempotency keys of the leads the scenario's webhook stored: a lead stored twice appears twice. */
export async function delivered(scenario: string): Promise<string[]> {
  const response = await fetch(`/standins/_delivered/${scenario}`);
  return (await response.json()) as string[];
}
