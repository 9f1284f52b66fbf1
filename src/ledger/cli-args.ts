import { isLeadState, LEAD_STATES, type LeadState } from './states.js';

/** What `npm run leads -- …` was asked to do (DESIGN.md, "Operator CLI"). */
export type LeadsCommand =
  | { readonly command: 'list'; readonly state?: LeadState; readonly json: boolean; readonly limit: number }
  | { readonly command: 'show'; readonly id: string; readonly json: boolean }
  | { readonly command: 'retry'; readonly id: string }
  | { readonly command: 'resolve'; readonly id: string; readonly resolution: 'delivered' | 'failed' }
  | { readonly command: 'export'; readonly since?: Date; readonly format: 'jsonl' | 'csv' }
  | { readonly command: 'purge' }
  | { readonly command: 'suppress'; readonly action: 'add' | 'remove'; readonly values: readonly string[] }
  | { readonly command: 'suppress'; readonly action: 'import'; readonly file: string }
  | { readonly command: 'suppress'; readonly action: 'list' }
  | { readonly command: 'help' };

export const USAGE = `Usage: npm run leads -- <command>
  list [--state S] [--limit N] [--json]   the newest leads (states: ${LEAD_STATES.join(', ')})
  show ID [--json]                        one lead and its events (ID or its first 8 characters)
  retry ID                                send an uncertain or failed lead again
  resolve ID delivered|failed             settle an uncertain lead after checking the destination
  export [--since DATE] [--format jsonl|csv]   one consent-evidence record per lead
  purge                                   apply retention now (the relay also does it daily)
  suppress add|remove VALUE…              emails or phone numbers never to be forwarded (do-not-contact)
  suppress import FILE                    one email or phone number per line (# starts a comment)
  suppress list                           how many entries, by kind and source (only keyed hashes are kept)
The ledger is the relay's: DATABASE_URL (PostgreSQL) or RELAY_DATA_DIR (default ./relay-data);
retention comes from the relay's config file (RELAY_CONFIG, default relay.config.json).`;

/** A command line that cannot be run, said as one sentence. */
export class UsageError extends Error {}

function options(args: readonly string[], known: readonly string[], flags: readonly string[]): { positional: string[]; values: Map<string, string> } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (flags.includes(name)) {
      values.set(name, 'true');
    } else if (known.includes(name)) {
      const value = inline ?? args[(index += 1)];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, values };
}

function one(positional: readonly string[], what: string): string {
  if (positional.length !== 1) throw new UsageError(`expected ${what}`);
  return positional[0]!;
}

/** Reads the arguments after `npm run leads --`. */
export function parseLeadsCommand(argv: readonly string[]): LeadsCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help' };
    case 'list': {
      const { positional, values } = options(rest, ['state', 'limit'], ['json']);
      if (positional.length > 0) throw new UsageError(`list takes no ${positional[0]}`);
      const state = values.get('state');
      if (state !== undefined && !isLeadState(state)) throw new UsageError(`--state ${state} is not one of ${LEAD_STATES.join(', ')}`);
      const limit = Number(values.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number above 0');
      return { command: 'list', json: values.has('json'), limit, ...(state === undefined ? {} : { state }) };
    }
    case 'show': {
      const { positional, values } = options(rest, [], ['json']);
      return { command: 'show', id: one(positional, 'one lead id: show ID'), json: values.has('json') };
    }
    case 'retry':
      return { command: 'retry', id: one(options(rest, [], []).positional, 'one lead id: retry ID') };
    case 'resolve': {
      const { positional } = options(rest, [], []);
      const [id, resolution] = positional;
      if (positional.length !== 2 || id === undefined || (resolution !== 'delivered' && resolution !== 'failed')) {
        throw new UsageError('expected resolve ID delivered, or resolve ID failed');
      }
      return { command: 'resolve', id, resolution };
    }
    case 'export': {
      const { positional, values } = options(rest, ['since', 'format'], []);
      if (positional.length > 0) throw new UsageError(`export takes no ${positional[0]}`);
      const format = values.get('format') ?? 'jsonl';
      if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format ${format} is not jsonl or csv`);
      const sinceText = values.get('since');
      const since = sinceText === undefined ? undefined : new Date(sinceText);
      if (since !== undefined && Number.isNaN(since.getTime())) throw new UsageError(`--since ${sinceText} is not a date (2026-01-31, or an ISO time)`);
      return { command: 'export', format, ...(since === undefined ? {} : { since }) };
    }
    case 'purge':
      if (rest.length > 0) throw new UsageError(`purge takes no ${rest[0]}`);
      return { command: 'purge' };
    case 'suppress': {
      const [action, ...values] = options(rest, [], []).positional;
      if (action === 'add' || action === 'remove') {
        if (values.length === 0) throw new UsageError(`expected suppress ${action} followed by emails or phone numbers`);
        return { command: 'suppress', action, values };
      }
      if (action === 'import') return { command: 'suppress', action, file: one(values, 'one file: suppress import FILE') };
      if (action === 'list' && values.length === 0) return { command: 'suppress', action };
      throw new UsageError('expected suppress add|remove VALUE…, suppress import FILE, or suppress list');
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}
