// A RELAY_DATA_DIR for a relay process under test, already holding a migrated embedded ledger: a new
// PGlite folder runs initdb in WebAssembly (seconds; far longer on a busy machine), so the first
// folder of a test run is made once and copied for each relay after it.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';
import { openLedger } from '../../src/ledger/open.js';

export async function seededRelayDataDir(): Promise<string> {
  const schema = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12);
  const template = join(tmpdir(), `lead-capture-relay-data-${schema}`);
  if (!existsSync(template)) {
    const making = mkdtempSync(`${template}.`);
    const engine = await openLedger({ RELAY_DATA_DIR: making });
    await engine.close();
    try {
      renameSync(making, template);
    } catch {
      // Another test process made it first.
      rmSync(making, { recursive: true, force: true });
    }
  }
  const folder = join(mkdtempSync(join(tmpdir(), 'relay-data-')), 'relay-data');
  cpSync(template, folder, { recursive: true });
  return folder;
}
