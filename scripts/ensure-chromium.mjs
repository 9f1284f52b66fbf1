// The tests run in Debian's Chromium. Tools that download a browser of their own fail on these
// machines (TOOLCHAIN.md), so install the distribution's package when it is missing, or say how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROME_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`Chromium not found at ${path}: install it (Debian: sudo apt-get install -y chromium) or set CHROME_PATH.`);
  process.exit(1);
}
console.log(`Chromium not found at ${path}: installing Debian's chromium package…`);
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing; set CHROME_PATH to your Chromium.`);
  process.exit(1);
}
