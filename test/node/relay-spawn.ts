// Real relay processes for tests: `npm run relay` with a config file, credentials in the
// environment, and a ledger of its own (an embedded one seeded from a migrated template, or the
// PostgreSQL database the caller names).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RelayConfigFile } from '../../src/relay/config.js';
import { seededRelayDataDir } from '../ledger/relay-data.js';
import { STANDIN_ENV } from '../standins/credentials.js';

export interface RelayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** Sends `signal` to the process group and waits for it to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface RelayProcessOptions {
  /** The ledger: `{ DATABASE_URL }`, `{ RELAY_DATA_DIR }` (default: a fresh seeded folder). */
  readonly ledger?: { readonly DATABASE_URL?: string; readonly RELAY_DATA_DIR?: string };
  readonly env?: Readonly<Record<string, string>>;
}

export function writeConfig(config: RelayConfigFile | Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'relay-config-')), 'relay.config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

/** Starts `npm run relay` and resolves once it listens; rejects with its output if it exits first. */
export async function startRelayProcess(configPath: string, options: RelayProcessOptions = {}): Promise<RelayProcess> {
  const ledger = options.ledger ?? { RELAY_DATA_DIR: await seededRelayDataDir() };
  const chunks: string[] = [];
  const child = spawn('npm', ['run', '--silent', 'relay'], {
    env: { ...process.env, ...STANDIN_ENV, RELAY_CONFIG: configPath, PORT: '0', DATABASE_URL: '', ...ledger, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${chunks.join('')}`)), 60_000);
    const read = (chunk: Buffer) => {
      chunks.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)/.exec(chunks.join(''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${chunks.join('')}`));
    });
  });
  return {
    url,
    child,
    output: () => chunks.join(''),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        return;
      }
      await exited;
      // npm is gone; wait for the relay under it too (its embedded ledger's lock names its pid).
      while (groupAlive(child.pid!)) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `npm run relay` expecting it to refuse to start; resolves with its exit code and output. */
export async function relayRefusal(configPath: string, env: Readonly<Record<string, string>>): Promise<{ code: number | null; output: string }> {
  const chunks: string[] = [];
  const child = spawn('npm', ['run', '--silent', 'relay'], {
    env: { ...process.env, ...STANDIN_ENV, RELAY_CONFIG: configPath, PORT: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output: chunks.join('') };
}
