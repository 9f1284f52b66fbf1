// An in-memory embedded ledger for tests, fast: the first of a test run is dumped to a file and
// later ones load the dump instead of running initdb again. No node:test here, so the browser tests'
// server (web-test-runner's scenario relays) can use it too.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/ledger/engine.js';
import { openEmbedded } from '../../src/ledger/engines/pglite.js';
import { migrate } from '../../src/ledger/migrate.js';
import { MIGRATIONS } from '../../src/ledger/migrations/index.js';

/**
 * An in-memory PGlite, migrated. A new PGlite runs initdb in WebAssembly (seconds, tens of seconds on
 * a busy machine), so the first one of a test run is dumped to a file and later ones load the dump.
 */
export async function openMigratedPglite(): Promise<Engine> {
  const schema = createHash('sha256').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 12);
  const template = join(tmpdir(), `lead-capture-ledger-template-${schema}.tar`);
  if (existsSync(template)) {
    const engine = await openEmbedded(undefined, { loadDataDir: new Blob([readFileSync(template)]) });
    await migrate(engine);
    return engine;
  }
  const engine = await openEmbedded(undefined);
  await migrate(engine);
  const partial = `${template}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await (await engine.dump()).arrayBuffer()));
  renameSync(partial, template);
  return engine;
}

