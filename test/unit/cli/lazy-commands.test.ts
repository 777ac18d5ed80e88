/**
 * The command line loads only the command it runs (program.ts): `detect` must not pay for the web host, ws,
 * tar, zod or the other commands' option trees. Checked on the BUILT bundle, as a user starts it, by
 * recording every file it requires.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_COMMANDS, commandNamed } from '../../../main/cli/command-names';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { BIN, REPO } from '../../world/cli-process';

describe('commandNamed', () => {
  it('finds the command after global options, and none for help, typos or bare options', () => {
    expect(commandNamed(['detect', '--json'])).toBe('detect');
    expect(commandNamed(['--root', '/tmp/x', '--json', 'install', '--yes'])).toBe('install');
    // The value of --root is not a command, even when it looks like one.
    expect(commandNamed(['--root', 'detect'])).toBeNull();
    expect(commandNamed(['--json'])).toBeNull();
    expect(commandNamed(['help', 'detect'])).toBeNull();
    expect(commandNamed(['detcet'])).toBeNull();
    expect(commandNamed(['--', 'detect'])).toBeNull();
    expect(commandNamed(['constructor'])).toBeNull();
  });
});

describe.skipIf(!BUILT)('the built CLI loads only what a command needs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cli-lazy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const recorder = path.join(dir, 'record-packages.js');
  writeFileSync(
    recorder,
    `const Module = require('module');
const seen = new Set();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolve.apply(this, args);
  const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file);
  if (m) seen.add(m[1]);
  return file;
};
process.on('exit', () => {
  process.stderr.write('PACKAGES ' + JSON.stringify([...seen].sort()) + '\\n');
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
  process.stderr.write('BUILTINS ' + JSON.stringify(builtins) + '\\n');
});
`,
  );
  const packagesLoaded = (args: string[]) => {
    const run = spawnSync(process.execPath, ['-r', recorder, BIN, ...args], { cwd: REPO, encoding: 'utf8' });
    const line = run.stderr.split('\n').find((l) => l.startsWith('PACKAGES ')) ?? 'PACKAGES null';
    const builtins = run.stderr.split('\n').find((l) => l.startsWith('BUILTINS ')) ?? 'BUILTINS null';
    return {
      status: run.status,
      packages: JSON.parse(line.slice('PACKAGES '.length)) as string[] | null,
      builtins: JSON.parse(builtins.slice('BUILTINS '.length)) as string[] | null,
    };
  };

  it('detect loads nothing from node_modules (commander is bundled; tar, ws, sudo-prompt are not needed)', () => {
    const { status, packages } = packagesLoaded([
      '--root',
      path.join(REPO, 'test/fixtures/roots/debian-12'),
      'detect',
      '--json',
    ]);
    expect(status).toBe(0);
    expect(packages).toEqual([]);
  });

  it('detect loads neither child_process nor crypto (it spawns nothing and names nothing on Linux)', () => {
    const { status, builtins } = packagesLoaded(['--root', path.join(REPO, 'test/fixtures/roots/debian-12'), 'detect']);
    expect(status).toBe(0);
    expect(builtins).toEqual(expect.arrayContaining(['fs', 'path']));
    for (const costly of ['child_process', 'crypto']) expect(builtins).not.toContain(costly);
  });

  it('install loads neither the web host (ws) nor tar before it extracts; serve loads ws only once listening', () => {
    const install = packagesLoaded(['install', '--help']).packages;
    expect(install).not.toContain('ws');
    expect(install).not.toContain('tar');
    // sudo-prompt loads when a job elevates, not when the command is composed (root installs never elevate).
    expect(install).not.toContain('@vscode/sudo-prompt');
    // Composing serve (its whole module tree, as --help loads it) needs neither: ws loads after the link is out.
    const serve = packagesLoaded(['serve', '--help']).packages;
    expect(serve).not.toContain('ws');
    expect(serve).not.toContain('tar');
    expect(serve).not.toContain('@vscode/sudo-prompt');
  });

  it("each command's bundle holds only that command; the launcher loads it, or the full one for help", () => {
    const bundle = (name: string) => readFileSync(path.join(REPO, 'dist/main', name), 'utf8');
    // The names of the commands' own modules as esbuild labels them in a bundle.
    const commandsIn = (code: string) =>
      [...code.matchAll(/"main\/cli\/commands\/([a-z-]+)\.ts"\(\)/g)].map((m) => m[1]);
    expect(commandsIn(bundle('cli-detect.js'))).toEqual(['detect']);
    expect(commandsIn(bundle('cli-install.js'))).toContain('install');
    expect(commandsIn(bundle('cli-install.js'))).not.toContain('serve');
    expect(commandsIn(bundle('cli-all.js'))).toEqual(expect.arrayContaining([...CLI_COMMANDS]));
    // The web host is in serve's bundle only (and the full one).
    expect(bundle('cli-detect.js')).not.toContain('main/web-host/');
    expect(bundle('cli-serve.js')).toContain('main/web-host/');
  });

  it('--help still lists every command (all are loaded then)', () => {
    const run = spawnSync(process.execPath, [BIN, '--help'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const name of ['serve', 'open', 'detect', 'install', 'register'])
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(run.stdout).not.toMatch(/^ {2}helper\b/m);
  });
});
if (!BUILT) it.skip(NOT_BUILT_REASON, () => {});
