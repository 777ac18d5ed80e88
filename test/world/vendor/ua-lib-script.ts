/**
 * Source of `ua-lib.js`, the helper module shared by the fake vendor scripts (install, configurator,
 * uninstall). It ships inside the package and is copied to <dir>/Vx/bin/ so the installed scripts can
 * load it. Plain CommonJS with no dependencies: the scripts must run with nothing but `node` on PATH.
 *
 * Root prefix: MOBILITY_SETUP_SANDBOX_ROOT (set by the app when --root is not "/") moves
 * /usr/local/.vx_version, /var/log/ua_install.log and the default /usr/local/ASR under it.
 * The passphrase never passes through this module's logger: callers only log fixed texts.
 */
export const UA_LIB_JS = String.raw`'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(process.env.MOBILITY_SETUP_SANDBOX_ROOT || '/');
const IS_SANDBOX = ROOT !== path.parse(ROOT).root;

function sys(systemPath) {
  return IS_SANDBOX ? path.join(ROOT, systemPath) : systemPath;
}

/** A real path shown as the system sees it (root prefix stripped), as a real agent would write it. */
function toSystem(realPath) {
  if (!IS_SANDBOX) return realPath;
  const rel = path.relative(ROOT, realPath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return realPath;
  return '/' + rel.split(path.sep).join('/');
}

const VX_VERSION = sys('/usr/local/.vx_version');
const INSTALL_LOG = sys('/var/log/ua_install.log');
const DEFAULT_DIR = sys('/usr/local/ASR');

function stamp() {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}

/** Prints to stdout/stderr and appends the same lines to ua_install.log (and an extra -l log). */
function createLogger(component) {
  const files = [INSTALL_LOG];
  function append(lines) {
    const text = lines.map((l) => stamp() + ' ' + component + ': ' + l).join('\n') + '\n';
    for (const file of files) {
      // A non-root run cannot write /var/log: it still prints (then exits 1 for "must be run as root").
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.appendFileSync(file, text);
      } catch {}
    }
  }
  return {
    addFile(file) { files.push(file); },
    say(line) { process.stdout.write(line + '\n'); append([line]); },
    error(line) { process.stderr.write(line + '\n'); append([line]); },
    /** Many lines at once: one write per stream, so 200,000 lines take well under a second. */
    sayMany(lines) {
      if (lines.length === 0) return;
      process.stdout.write(lines.join('\n') + '\n');
      append(lines);
    },
  };
}

/**
 * Vendor-style switches: each known switch takes one value unless listed as a flag.
 * Returns { values } or { error } (unknown switch, repeated switch, missing value, stray word).
 */
function parseSwitches(argv, spec) {
  const values = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const kind = spec[word];
    if (kind === undefined) return { error: 'unknown option "' + word + '"' };
    if (values[word] !== undefined) return { error: 'option ' + word + ' given more than once' };
    if (kind === 'flag') { values[word] = true; continue; }
    const value = argv[i + 1];
    if (value === undefined || (value.startsWith('-') && spec[value] !== undefined)) {
      return { error: 'option ' + word + ' needs a value' };
    }
    values[word] = value;
    i++;
  }
  return { values };
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** KEY=value file → ordered Map, or null when the file is absent. */
function readKv(file) {
  let text;
  try { text = fs.readFileSync(file, 'utf8'); } catch { return null; }
  const map = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const eq = raw.indexOf('=');
    if (eq > 0) map.set(raw.slice(0, eq).trim(), raw.slice(eq + 1).trim());
  }
  return map;
}

function writeKv(file, map) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [];
  for (const [k, v] of map) lines.push(k + '=' + v);
  fs.writeFileSync(file, lines.join('\n') + '\n');
}

/** Sets key=value inside an INI section, adding the section or key when missing. */
function setIni(text, section, key, value) {
  const lines = text.split('\n');
  let start = lines.findIndex((l) => l.trim().toLowerCase() === '[' + section.toLowerCase() + ']');
  if (start === -1) {
    if (lines.length && lines[lines.length - 1] !== '') lines.push('');
    lines.push('[' + section + ']');
    start = lines.length - 1;
  }
  let end = start + 1;
  while (end < lines.length && !/^\s*\[/.test(lines[end])) end++;
  for (let i = start + 1; i < end; i++) {
    const eq = lines[i].indexOf('=');
    if (eq > 0 && lines[i].slice(0, eq).trim().toLowerCase() === key.toLowerCase()) {
      lines[i] = key + '=' + value;
      return lines.join('\n');
    }
  }
  lines.splice(end, 0, key + '=' + value);
  return lines.join('\n');
}

function getIni(text, section, key) {
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) { current = header[1].toLowerCase(); continue; }
    if (current !== section.toLowerCase()) continue;
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).trim().toLowerCase() === key.toLowerCase()) return line.slice(eq + 1).trim();
  }
  return null;
}

/** Compares dotted versions numerically: -1, 0 or 1. */
function compareVersions(a, b) {
  const pa = String(a).split('.').map(Number);
  const pb = String(b).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function readJson(file, fallback) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return fallback; }
}

/** A synchronous pause (the slowMs knob), so the scripts stay straight-line code. */
function pause(ms) {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The hang knob: stays alive doing nothing until killed (optionally ignoring SIGTERM). */
function hangForever(behavior) {
  if (behavior.ignoreSigterm) process.on('SIGTERM', () => {});
  setInterval(() => {}, 1 << 30);
}

module.exports = {
  ROOT, IS_SANDBOX, sys, toSystem, VX_VERSION, INSTALL_LOG, DEFAULT_DIR,
  createLogger, parseSwitches, isRoot, readKv, writeKv, setIni, getIni, compareVersions, readJson, pause, hangForever,
};
`;
