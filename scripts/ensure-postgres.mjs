// Runs a command (the node tests) with TEST_DATABASE_URL pointing at a PostgreSQL server, so the
// ledger's tests run against both engines (DESIGN.md, "The lead ledger"):
//   node scripts/ensure-postgres.mjs node --import tsx --test …
// - TEST_DATABASE_URL already set: the command runs against that server.
// - Otherwise a throwaway cluster from Debian's `postgresql` package (installed when missing and we
//   are root, as ensure-chromium.mjs does for Chromium) starts on a free loopback port, as the
//   postgres user (PostgreSQL refuses to run as root), and is removed when the command ends.
// - Where neither is possible the command still runs, with TEST_DATABASE_UNAVAILABLE saying why:
//   the PostgreSQL tests then fail with that sentence. They are never skipped.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/ensure-postgres.mjs <command> [args…]');
  process.exit(2);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const HOW = 'set TEST_DATABASE_URL to a PostgreSQL server the tests may create databases on (postgres://user@host:port/db), or install Debian\'s postgresql package (apt-get install -y postgresql)';

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

function install() {
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return;
  console.log('PostgreSQL not found: installing Debian\'s postgresql package for the ledger tests…');
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null'], { stdio: 'inherit' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function asPostgres(bin, program, args) {
  const [file, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  execFileSync(file, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function startCluster(bin) {
  const folder = mkdtempSync(join(tmpdir(), 'lead-capture-pg-'));
  if (isRoot) chownSync(folder, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const data = join(folder, 'data');
  try {
    asPostgres(bin, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    const settings = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    asPostgres(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', join(folder, 'log'), '-w', '-t', '60', 'start']);
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: () => stopCluster(bin, folder, data) };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`a throwaway PostgreSQL cluster did not start (${String(error.stderr ?? error.message).trim().split('\n').pop()})`);
  }
}

function stopCluster(bin, folder, data) {
  try {
    asPostgres(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const env = { ...process.env };
let cluster;
if (!env.TEST_DATABASE_URL) {
  try {
    if (!postgresBin()) install();
    const bin = postgresBin();
    if (!bin) throw new Error('PostgreSQL is not installed and cannot be installed here (not root, or no apt-get)');
    cluster = await startCluster(bin);
    env.TEST_DATABASE_URL = cluster.url;
  } catch (error) {
    env.TEST_DATABASE_UNAVAILABLE = `${error.message}: ${HOW}.`;
    console.error(`ensure-postgres: ${env.TEST_DATABASE_UNAVAILABLE}`);
  }
}

const child = spawn(command[0], command.slice(1), { env, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  try {
    cluster?.stop();
  } catch (error) {
    console.error(`ensure-postgres: could not stop the throwaway cluster: ${error.message}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
