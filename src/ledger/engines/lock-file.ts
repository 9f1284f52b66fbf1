import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LedgerLockedError } from '../engine.js';

/**
 * One process per embedded ledger folder: PGlite is a whole PostgreSQL in one process and has no lock
 * of its own, so two processes on one folder would corrupt it. The lock is a file created with
 * O_EXCL holding the owner's pid and host. A lock left by a process that no longer runs (SIGKILL, a
 * crash, a reboot) is taken over; so is one carrying our own pid (a container restarted as pid 1).
 */
export interface FolderLock {
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the holder is a live process other than this one (on another host we cannot tell: assume live). */
function isLive(holder: Holder | undefined): holder is Holder {
  if (!holder) return false;
  if (holder.host !== hostname()) return true;
  return holder.pid !== process.pid && isRunning(holder.pid);
}

/** Takes the lock at `path` or throws `LedgerLockedError` naming the holder and what to do. */
export function lockFolder(path: string, folder: string, busyAdvice: string): FolderLock {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const descriptor = openSync(path, 'wx', 0o600);
      writeSync(descriptor, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(descriptor);
      const release = () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
        process.off('exit', release);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (isLive(holder)) {
        throw new LedgerLockedError(`The embedded ledger in ${folder} is in use by process ${holder.pid} on ${holder.host}: ${busyAdvice}.`);
      }
      try {
        unlinkSync(path);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new LedgerLockedError(`The embedded ledger in ${folder} was locked by another process starting at the same moment: ${busyAdvice}.`);
}
