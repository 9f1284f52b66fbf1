import { readFileSync } from 'node:fs';
import { isEnvReference } from '../relay/settings.js';
import { parseLeadsCommand, USAGE, UsageError, type LeadsCommand } from './cli-args.js';
import { LedgerUnavailableError, type Engine } from './engine.js';
import { toCsv, toJsonLines } from './export.js';
import { openLedger, type LedgerEnvironment } from './open.js';
import { exportEvidence, LeadNotFoundError, listLeads, OperatorRefusal, resolveLead, retryLead, showLead, type LeadSummary } from './operator.js';
import { matchDigest, matchKey, parseSuppressionEntry } from './match-keys.js';
import { addSuppressions, removeSuppressions, summariseSuppressions, type SuppressionEntry } from './quality.js';
import { purge } from './retention.js';
import { LedgerSettingsError, readLedgerSettings, type RetentionSettings } from './settings.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface CliEnvironment extends LedgerEnvironment {
  readonly RELAY_CONFIG?: string | undefined;
}

/** The relay's config file, or undefined where there is none and none was named. */
function relayConfigFile(env: CliEnvironment): { retention?: unknown; matchKeySecret?: unknown } | undefined {
  const path = env.RELAY_CONFIG ?? 'relay.config.json';
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { retention?: unknown; matchKeySecret?: unknown };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && env.RELAY_CONFIG === undefined) return undefined;
    throw new LedgerSettingsError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Retention as the relay's config file sets it, so `purge` erases exactly what the relay would. */
function retentionFromConfig(env: CliEnvironment): RetentionSettings {
  // No config file: the defaults, as a relay started without `retention` would use.
  return readLedgerSettings({ retention: relayConfigFile(env)?.retention }).retention;
}

/** The relay's match key, so the list's hashes are the ones the relay compares. */
function matchKeyFromConfig(env: CliEnvironment): Uint8Array {
  const reference = relayConfigFile(env)?.matchKeySecret;
  const where = env.RELAY_CONFIG ?? 'relay.config.json';
  if (!isEnvReference(reference)) throw new LedgerSettingsError(`suppress needs the relay's matchKeySecret: set it in ${where} as { "env": "RELAY_MATCH_SECRET" }`);
  const secret = (env as Record<string, string | undefined>)[reference.env];
  if (!secret) throw new LedgerSettingsError(`suppress needs ${reference.env} set, as the relay has it (${where}'s matchKeySecret)`);
  return matchKey(secret);
}

/** The entries of values as people write them; a value that is no email or phone number stops the command. */
function suppressionEntries(values: readonly string[], key: Uint8Array, where: (index: number) => string): SuppressionEntry[] {
  const entries: SuppressionEntry[] = [];
  values.forEach((value, index) => {
    const text = value.replace(/#.*/, '').trim();
    if (text === '') return;
    const parsed = parseSuppressionEntry(text);
    if (!parsed) throw new OperatorRefusal(`${where(index)} is neither an email address nor a phone number; nothing was changed`);
    entries.push({ kind: parsed.kind, digest: matchDigest(key, parsed.kind, parsed.normalised) });
  });
  return entries;
}

const time = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

function leadLine(lead: LeadSummary): string[] {
  const last = lead.outcome ? [lead.outcome.status, lead.outcome.code].filter(Boolean).join(' ') : '-';
  return [lead.id, lead.state, lead.destination, String(lead.attempts), time(lead.receivedAt), time(lead.nextAttemptAt), last];
}

const LEAD_HEADER = ['ID', 'STATE', 'DESTINATION', 'TRIES', 'RECEIVED', 'NEXT TRY', 'LAST OUTCOME'];

async function run(command: Exclude<LeadsCommand, { command: 'help' }>, engine: Engine, env: CliEnvironment, io: CliIo, now: Date): Promise<void> {
  switch (command.command) {
    case 'list': {
      const leads = await listLeads(engine, { limit: command.limit, ...(command.state ? { state: command.state } : {}) });
      if (command.json) io.out(`${JSON.stringify(leads, null, 2)}\n`);
      else io.out(leads.length === 0 ? 'No leads.\n' : `${table([LEAD_HEADER, ...leads.map(leadLine)])}\n`);
      return;
    }
    case 'show': {
      const { lead, events } = await showLead(engine, command.id);
      if (command.json) {
        io.out(`${JSON.stringify({ lead, events }, null, 2)}\n`);
        return;
      }
      const eventRows = events.map((event) => [
        time(event.at),
        event.state,
        event.actor,
        event.attempt === null ? '-' : String(event.attempt),
        event.outcome ? [event.outcome.status, event.outcome.code, event.outcome.destinationId].filter(Boolean).join(' ') : '-',
        event.note ?? '',
      ]);
      io.out(`${table([LEAD_HEADER, leadLine(lead)])}\n\n${table([['AT', 'STATE', 'BY', 'TRY', 'OUTCOME', 'NOTE'], ...eventRows])}\n`);
      return;
    }
    case 'retry': {
      const lead = await retryLead(engine, command.id, now);
      io.out(`Lead ${lead.id} is queued: the relay's worker sends it on its next pass.\n`);
      return;
    }
    case 'resolve': {
      const lead = await resolveLead(engine, command.id, command.resolution, now);
      io.out(`Lead ${lead.id} is ${lead.state}.\n`);
      return;
    }
    case 'export': {
      const records = await exportEvidence(engine, command.since);
      io.out(command.format === 'csv' ? toCsv(records) : toJsonLines(records));
      return;
    }
    case 'purge': {
      const report = await purge(engine, retentionFromConfig(env), now);
      io.out(`Erased the personal data of ${report.erased} settled leads; deleted ${report.deleted} leads past the consent retention.\n`);
      return;
    }
    case 'suppress':
      return suppress(command, engine, env, io, now);
  }
}

async function suppress(command: Extract<LeadsCommand, { command: 'suppress' }>, engine: Engine, env: CliEnvironment, io: CliIo, now: Date): Promise<void> {
  if (command.action === 'list') {
    const rows = await summariseSuppressions(engine);
    io.out(rows.length === 0 ? 'The suppression list is empty.\n' : `${table([['KIND', 'SOURCE', 'ENTRIES', 'LAST ADDED'], ...rows.map((row) => [row.kind, row.source ?? '-', String(row.count), time(row.lastAdded)])])}\n`);
    return;
  }
  const key = matchKeyFromConfig(env);
  if (command.action === 'import') {
    let lines: string[];
    try {
      lines = readFileSync(command.file, 'utf8').split(/\r?\n/);
    } catch (error) {
      throw new OperatorRefusal(`cannot read ${command.file}: ${(error as Error).message}`);
    }
    const entries = suppressionEntries(lines, key, (index) => `${command.file} line ${index + 1}`);
    const added = await addSuppressions(engine, entries, command.file.split(/[\\/]/).pop() ?? command.file, now);
    io.out(`Imported ${entries.length} entries from ${command.file}: ${added} new, ${entries.length - added} already on the list.\n`);
    return;
  }
  const entries = suppressionEntries(command.values, key, (index) => `value ${index + 1}`);
  if (command.action === 'add') {
    const added = await addSuppressions(engine, entries, 'cli', now);
    io.out(`Added ${added} entries (${entries.length - added} already on the list).\n`);
  } else {
    const removed = await removeSuppressions(engine, entries.map((entry) => entry.digest));
    io.out(`Removed ${removed} entries (${entries.length - removed} were not on the list).\n`);
  }
}

/** Runs one CLI command against the ledger the environment names; answers the exit code. */
export async function runLeadsCli(
  argv: readonly string[],
  env: CliEnvironment,
  io: CliIo,
  now: () => Date = () => new Date(),
  open: (env: LedgerEnvironment) => Promise<Engine> = openLedger,
): Promise<number> {
  let command: LeadsCommand;
  try {
    command = parseLeadsCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`leads: ${error.message}.\n${USAGE}\n`);
    return 2;
  }
  if (command.command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  let engine: Engine | undefined;
  try {
    engine = await open(env);
    await run(command, engine, env, io, now());
    return 0;
  } catch (error) {
    if (error instanceof LedgerUnavailableError || error instanceof LeadNotFoundError || error instanceof OperatorRefusal || error instanceof LedgerSettingsError) {
      io.err(`leads: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await engine?.close();
  }
}
