/**
 * The packaged app's executable as the command line (`mobility-setup.exe install …` for SCCM/Intune): the runAsNode
 * fuse is off, so the Electron entry routes CLI commands to the CLI itself. The built entry runs here in a real
 * Node child process whose `electron` module is a stand-in (the binary cannot be had here) and whose argv is
 * shaped as a packaged app's: [executable, ...arguments]. It installs a real test package into a sandbox root.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgvFromAppArgv } from '../../main/cli/app-argv';
import { builtMain, isBuilt, notBuiltMessage, projectDir } from './built';
import { createFakeElectron, loadWithFakeElectron } from './fake-electron';
import { childCoverageEnv } from '../world/child-coverage';

describe('which starts of the app are command-line runs', () => {
  it('routes the CLI commands, after a leading --no-sandbox and the global options', () => {
    expect(cliArgvFromAppArgv(['install', '--installer-dir', 'C:\\ASR', '--yes'], false)).toEqual([
      'install',
      '--installer-dir',
      'C:\\ASR',
      '--yes',
    ]);
    expect(cliArgvFromAppArgv(['--no-sandbox', '--root', '/tmp/r', 'detect', '--json'], false)).toEqual([
      '--root',
      '/tmp/r',
      'detect',
      '--json',
    ]);
    expect(cliArgvFromAppArgv(['/repo/dist/main/index.js', 'register', '--help'], true)).toEqual([
      'register',
      '--help',
    ]);
    for (const command of ['detect', 'install', 'register', 'av-check', 'serve'])
      expect(cliArgvFromAppArgv([command], false)).toEqual([command]);
    // A mistyped command is the CLI's to refuse (exit 2, "did you mean"), not a window nobody sees.
    expect(cliArgvFromAppArgv(['instal', '--yes'], false)).toEqual(['instal', '--yes']);
    expect(cliArgvFromAppArgv(['--help'], false)).toEqual(['--help']);
    expect(cliArgvFromAppArgv(['help', 'install'], false)).toEqual(['help', 'install']);
  });

  it('leaves window starts alone: no command, `open`, the window options, a mistyped word, the app entry', () => {
    expect(cliArgvFromAppArgv([], false)).toBeNull();
    expect(cliArgvFromAppArgv(['--no-sandbox'], false)).toBeNull();
    expect(cliArgvFromAppArgv(['open', '--installer-dir', '/x'], false)).toBeNull();
    expect(cliArgvFromAppArgv(['--root', '/tmp/r', '--installer-dir', '/x'], false)).toBeNull();
    expect(cliArgvFromAppArgv(['--root', 'install'], false)).toBeNull(); // "install" is --root's value here
    expect(cliArgvFromAppArgv(['/repo/dist/main/index.js'], true)).toBeNull();
    expect(cliArgvFromAppArgv(['/repo/dist/main/index.js', '--root', '/tmp/r'], false)).toBeNull();
    expect(cliArgvFromAppArgv(['C:\\Users\\ops\\file.json'], false)).toBeNull();
    // `helper` has its own route with its own checks (launch/helper-invocation.ts), never the CLI's.
    expect(cliArgvFromAppArgv(['helper', '--request', '/tmp/r.json'], false)).toBeNull();
  });
});

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('the built Electron entry started as `<app> <command> …`', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobility-app-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // A stand-in `electron` whose app.exit ends the process with the code, as Electron's does; nothing else exists,
  // so a start that tried to open the window would fail loudly (app.enableSandbox is not a function).
  const harness = path.join(dir, 'packaged-app.cjs');
  writeFileSync(
    harness,
    `const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'electron' ? 'electron-stand-in' : resolve.call(this, request, ...rest); };
Module._cache['electron-stand-in'] = { id: 'electron-stand-in', filename: 'electron-stand-in', loaded: true,
  exports: { app: { exit: (code) => process.exit(code) }, session: {}, shell: {} } };
process.argv = [process.execPath, ...process.argv.slice(3)];
require(${JSON.stringify(builtMain)});
`,
  );
  const runApp = (args: string[]) =>
    spawnSync(process.execPath, [harness, 'as-packaged', ...args], {
      cwd: dir,
      encoding: 'utf8',
      shell: false,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, ...childCoverageEnv() },
    });

  it('installs a real test package with the CLI and exits with its code', () => {
    const root = path.join(dir, 'root');
    const made = spawnSync(process.execPath, [path.join(projectDir, 'dist', 'main', 'test-package.js'), root], {
      encoding: 'utf8',
      shell: false,
    });
    expect(made.status, made.stderr).toBe(0);
    const install = runApp([
      '--root',
      root,
      'install',
      '--installer-dir',
      path.join(root, 'installers'),
      '--no-register',
      '--server-kind',
      'classic',
      '--yes',
      '--json',
    ]);
    expect(install.status, install.stderr).toBe(0);
    const envelope = JSON.parse(install.stdout) as { exitCode: number };
    expect(envelope.exitCode).toBe(0);
    expect(existsSync(path.join(root, 'usr', 'local', '.vx_version'))).toBe(true);
    expect(readFileSync(path.join(root, 'usr', 'local', '.vx_version'), 'utf8')).toContain('9.65');

    // Its failures keep their codes too: no installer in the folder is 71, a usage mistake 2.
    expect(
      runApp([
        '--root',
        root,
        'install',
        '--installer-dir',
        path.join(dir, 'empty'),
        '--no-register',
        '--server-kind',
        'classic',
        '--yes',
      ]).status,
    ).toBe(71);
    const usage = runApp(['instal', '--yes']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/did you mean install\?/);
  }, 60_000);

  it("a leading --no-sandbox (Linux as root) is Chromium's and not an unknown CLI option", () => {
    const detect = runApp(['--no-sandbox', '--root', dir, 'detect', '--json']);
    expect(detect.status, detect.stderr).toBe(0);
    expect(JSON.parse(detect.stdout)).toMatchObject({ ok: true, result: { root: dir, os: { family: 'linux' } } });
  });

  it('a start without a command still opens the window, not the CLI', async () => {
    const fake = createFakeElectron();
    const savedArgv = process.argv;
    process.argv = [process.execPath, '--root', dir];
    let unload: () => void;
    try {
      unload = loadWithFakeElectron(builtMain, fake);
    } finally {
      process.argv = savedArgv;
    }
    await new Promise((r) => setTimeout(r, 50));
    unload();
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.exitCodes).toEqual([]);
  });
});
