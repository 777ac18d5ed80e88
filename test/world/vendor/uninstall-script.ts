/**
 * Source of `uninstall.sh` (installed at <dir>/uninstall.sh; the vendor runs it as root from
 * /usr/local/ASR as `./uninstall.sh -Y`). Removes the install folder and /usr/local/.vx_version.
 * Exit codes: 0 removed · 1 not root · 2 invalid command line (anything but -Y; the real script would
 * prompt without -Y, the fake never prompts). Knobs: uninstallExit (fails before removing anything),
 * hangIn 'uninstall' (the documented "uninstall hangs while stopping services"), slowMs, ignoreSigterm.
 */
export const UNINSTALL_JS = String.raw`#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./Vx/bin/ua-lib.js');

const INSTALL_DIR = __dirname;
const behavior = lib.readJson(path.join(INSTALL_DIR, 'Vx', 'bin', 'behavior.json'), {});
const log = lib.createLogger('uninstall');

function fail(code, message, hint) {
  log.error('ERROR: ' + message);
  if (hint) log.error(hint);
  return code;
}

function main() {
  if (!lib.isRoot()) return fail(1, 'uninstall.sh must be run as root.', 'Run it again as root (for example with sudo).');
  const parsed = lib.parseSwitches(process.argv.slice(2), { '-Y': 'flag' });
  if (parsed.error || !parsed.values['-Y']) {
    return fail(2, 'Invalid command line' + (parsed.error ? ': ' + parsed.error : '') + '.', 'Usage: ./uninstall.sh -Y');
  }
  log.say('Uninstalling the Mobility service from ' + lib.toSystem(INSTALL_DIR) + '...');
  lib.pause(behavior.slowMs || 0);
  log.say('Stopping Mobility service...');
  if (behavior.hangIn === 'uninstall') return 'hang';
  if (behavior.uninstallExit) return fail(behavior.uninstallExit, 'Uninstall failed (test package set to fail with exit code ' + behavior.uninstallExit + ').');
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.rmSync(lib.VX_VERSION, { force: true });
  log.say('Mobility service uninstalled successfully.');
  return 0;
}

let result;
try {
  result = main();
} catch (err) {
  result = fail(1, 'Unexpected uninstall error: ' + (err && err.code ? err.code : 'unknown') + '.');
}
if (result === 'hang') lib.hangForever(behavior);
else process.exitCode = result;
`;
