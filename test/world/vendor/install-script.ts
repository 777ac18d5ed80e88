/**
 * Source of the package's `install` script: a stand-in for the vendor's Linux installer.
 *
 * Switches (shared/domain.md): -d <dir> -r MS -v VmWare -q -c CSLegacy|CSPrime [-a Upgrade] [-l <log>].
 * Exit codes, chosen to mean what the vendor's documented numbers mean:
 *   1  not root ("must be run as root")
 *   2  invalid command line: unknown/repeated switch, switch without value, missing -r, -v or -c,
 *      or a role other than MS (the documented "/Role Agent" mistake)
 *   3  invalid arguments: -v not VmWare/Azure, -c not CSLegacy/CSPrime, -a not Upgrade
 *   10 invalid install location (-d relative, or -l relative)
 *   11 upgrade not supported: an older agent is installed and -a Upgrade was not given, or the
 *      jump is more than 4 minor versions (the vendor's "at most 4 versions at a time")
 *   15 downgrade not supported (the installed .vx_version is newer)
 *   3010 success, reboot recommended (knob rebootRequired). NOTE: a Linux exit status has 8 bits, so
 *        exit(3010) reaches the parent as 3010 & 0xFF = 194 (and 1641 as 105), exactly as it would for a
 *        real vendor binary that exits 3010; the printed "reboot is recommended" line says it in words.
 * Same version already installed → exit 0 with "nothing to do" and no change.
 * Knobs (behavior.json): installExit (98, 1641, 3010 complete the install first; any other non-zero
 * code fails before anything is written; installErrorLine is printed first as the vendor's reason), hangIn 'install', installLogLines, rebootRequired, slowMs,
 * ignoreSigterm. The kernel check of the real installer is skipped (printed as skipped).
 */
export const INSTALL_JS = String.raw`#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const lib = require('./ua-lib.js');

const PKG_DIR = __dirname;
const info = lib.readJson(path.join(PKG_DIR, 'ua-package.json'), {});
const behavior = lib.readJson(path.join(PKG_DIR, 'behavior.json'), {});
const VERSION = info.version;
const SUCCESS_LIKE = [98, 1641, 3010];
const USAGE = 'Usage: ./install -d <install dir> -r MS -v VmWare -q -c CSLegacy|CSPrime [-a Upgrade] [-l <log file>]';
const SPEC = { '-d': 'value', '-r': 'value', '-v': 'value', '-q': 'flag', '-c': 'value', '-a': 'value', '-l': 'value' };

const log = lib.createLogger('install');

function fail(code, message, hint) {
  log.error('ERROR: ' + message);
  if (hint) log.error(hint);
  log.error('Installation failed with exit code ' + code + '. Details: /var/log/ua_install.log');
  return code;
}

function step(text) {
  lib.pause(behavior.slowMs || 0);
  log.say(text);
}

function copy(name, to, mode) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(path.join(PKG_DIR, name), to);
  fs.chmodSync(to, mode);
}

const DRSCOUT_TEMPLATE = [
  '[vxagent]',
  'Version=' + VERSION,
  '',
  '[vxagent.transport]',
  'Hostname=0.0.0.0',
  'Port=80',
  'SslPort=443',
  'Https=1',
  '',
].join('\n');

function layDown(dir, existingStatus) {
  const bin = path.join(dir, 'Vx', 'bin');
  copy('UnifiedAgentConfigurator.sh', path.join(bin, 'UnifiedAgentConfigurator.sh'), 0o755);
  copy('ua-lib.js', path.join(bin, 'ua-lib.js'), 0o644);
  copy('behavior.json', path.join(bin, 'behavior.json'), 0o644);
  copy('ua-package.json', path.join(bin, 'ua-package.json'), 0o644);
  copy('uninstall.sh', path.join(dir, 'uninstall.sh'), 0o755);
  fs.writeFileSync(path.join(bin, 'svagentsA'), '#!/bin/sh\n# placeholder for the replication daemon\nexit 0\n', { mode: 0o755 });
  const conf = path.join(dir, 'etc', 'drscout.conf');
  fs.mkdirSync(path.dirname(conf), { recursive: true });
  // An upgrade keeps the registration (drscout.conf and the configuration status).
  if (!fs.existsSync(conf)) fs.writeFileSync(conf, DRSCOUT_TEMPLATE, { mode: 0o600 });
  const vx = new Map([
    ['Version', VERSION],
    // As the vendor's installer does: the path it was handed, verbatim (it knows nothing of a sandbox root).
    ['INSTALLATION_DIR', dir],
    ['AGENT_CONFIGURATION_STATUS', existingStatus || 'NotStarted'],
  ]);
  lib.writeKv(lib.VX_VERSION, vx);
}

function main() {
  if (!lib.isRoot()) return fail(1, 'This installer must be run as root.', 'Run it again as root (for example with sudo).');
  const parsed = lib.parseSwitches(process.argv.slice(2), SPEC);
  if (parsed.error) return fail(2, 'Invalid command line: ' + parsed.error + '.', USAGE);
  const o = parsed.values;
  for (const required of ['-r', '-v', '-c']) {
    if (o[required] === undefined) return fail(2, 'Invalid command line: missing required option ' + required + '.', USAGE);
  }
  if (o['-r'] !== 'MS') return fail(2, 'Invalid command line: role "' + o['-r'] + '" is not valid; use -r MS for the Mobility service.', USAGE);
  if (o['-v'] !== 'VmWare' && o['-v'] !== 'Azure') return fail(3, 'Invalid argument for -v: "' + o['-v'] + '" (expected VmWare).', USAGE);
  if (o['-c'] !== 'CSLegacy' && o['-c'] !== 'CSPrime') return fail(3, 'Invalid argument for -c: "' + o['-c'] + '" (expected CSLegacy or CSPrime).', USAGE);
  if (o['-a'] !== undefined && o['-a'] !== 'Upgrade') return fail(3, 'Invalid argument for -a: "' + o['-a'] + '" (expected Upgrade).', USAGE);
  const dir = o['-d'] === undefined ? lib.DEFAULT_DIR : o['-d'];
  if (!path.isAbsolute(dir)) return fail(10, 'Invalid install location "' + dir + '": give an absolute path.');
  if (o['-l'] !== undefined) {
    if (!path.isAbsolute(o['-l'])) return fail(10, 'Invalid log file location "' + o['-l'] + '": give an absolute path.');
    log.addFile(o['-l']);
  }
  const upgrade = o['-a'] === 'Upgrade';

  log.say('Microsoft Azure Site Recovery Mobility Service installer ' + VERSION + ' (' + info.token + ', ' + info.date + ')');
  log.say('Command line: -d ' + lib.toSystem(dir) + ' -r MS -v ' + o['-v'] + ' -c ' + o['-c'] + (upgrade ? ' -a Upgrade' : ''));
  step('Checking prerequisites...');
  log.say('Kernel compatibility check skipped (test package).');

  const existing = lib.readKv(lib.VX_VERSION);
  const installed = existing && existing.get('Version');
  let keepStatus = null;
  if (installed) {
    const cmp = lib.compareVersions(installed, VERSION);
    if (cmp > 0) return fail(15, 'Downgrade is not supported: version ' + installed + ' is installed and this package is ' + VERSION + '.');
    if (cmp === 0) {
      log.say('Mobility service ' + VERSION + ' is already installed. Nothing to do.');
      return 0;
    }
    if (!upgrade) {
      return fail(11, 'Mobility service ' + installed + ' is already installed.', 'Run the installer with -a Upgrade to upgrade it to ' + VERSION + '.');
    }
    const [iMaj, iMin] = installed.split('.').map(Number);
    const [nMaj, nMin] = VERSION.split('.').map(Number);
    if (iMaj !== nMaj || nMin - iMin > 4) {
      return fail(11, 'Upgrade from ' + installed + ' to ' + VERSION + ' is not supported.', 'Upgrade in steps of at most 4 versions.');
    }
    log.say('Upgrading Mobility service from ' + installed + ' to ' + VERSION + '.');
    keepStatus = existing.get('AGENT_CONFIGURATION_STATUS') || null;
  } else if (upgrade) {
    log.say('No installed Mobility service found; performing a fresh installation.');
  }

  step('Extracting Mobility service components...');
  if (behavior.hangIn === 'install') {
    log.say('Installing Mobility service components...');
    return 'hang';
  }
  step('Installing Mobility service components...');
  const count = behavior.installLogLines || 0;
  if (count > 0) {
    const lines = new Array(count);
    const width = String(count).length;
    for (let i = 0; i < count; i++) lines[i] = 'Installing component file ' + String(i + 1).padStart(width, '0') + ' of ' + count;
    log.sayMany(lines);
  }
  const code = behavior.installExit || 0;
  if (code !== 0 && !SUCCESS_LIKE.includes(code)) {
    if (behavior.installErrorLine) log.error(behavior.installErrorLine);
    return fail(code, 'Installing Mobility service components failed (test package set to fail with exit code ' + code + ').');
  }
  layDown(dir, keepStatus);
  step('Starting Mobility service...');
  log.say('Installation directory: ' + lib.toSystem(dir));
  log.say('Installation completed successfully.');
  if (behavior.rebootRequired || code === 3010) {
    log.say('A system reboot is recommended to complete the installation.');
    return 3010;
  }
  if (code === 1641) log.say('A system reboot is required to complete the installation.');
  if (code === 98) log.say('Installation completed with warnings.');
  return code;
}

let result;
try {
  result = main();
} catch (err) {
  // A full disk is printed the way the real installer's cp prints it, naming the file it was writing.
  if (err && (err.code === 'ENOSPC' || err.code === 'EDQUOT')) {
    const file = lib.toSystem(err.dest || err.path || '');
    log.error("cp: error writing '" + file + "': " + (err.code === 'ENOSPC' ? 'No space left on device' : 'Disk quota exceeded'));
  }
  result = fail(1, 'Unexpected installer error: ' + (err && err.code ? err.code : 'unknown') + '.');
}
if (result === 'hang') lib.hangForever(behavior);
else process.exitCode = result;
`;
