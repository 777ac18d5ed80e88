// The end-to-end tests drive Debian's Chromium (Playwright's own browser download is not reachable
// everywhere). Before `npm test` runs them, make sure it is there: as root with apt, install it; otherwise
// say exactly what to run. CHROMIUM_PATH points the tests at another Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(browser)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (process.env.CHROMIUM_PATH || !isRoot || !hasApt) {
  console.error(`The end-to-end tests need Chromium at ${browser}.`);
  console.error(
    hasApt
      ? 'Install it with: sudo apt-get install -y chromium'
      : 'Install Chromium, or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}

console.error(`Chromium is missing at ${browser}: installing Debian's chromium package with apt-get (once).`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
for (const args of [
  ['update', '-qq'],
  ['install', '-y', '-qq', 'chromium'],
]) {
  const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run.status !== 0) {
    console.error(
      `apt-get ${args.join(' ')} failed (exit ${run.status}); install chromium by hand, then run npm test again.`,
    );
    process.exit(1);
  }
}
