import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../main/launch/electron-binary';
import { chooseShell, openWizard } from '../../main/launch/open-wizard';
import { NO_DOWNLOAD_ENV, shouldTryDownload } from '../../main/launch/electron-download';
import { ShellArgsError, parseShellArgs, toShellArgs } from '../../main/launch/shell-args';
import { isBuilt, notBuiltMessage } from './built';

const temps: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobility-launch-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const noDefaults = { installerDir: null, csEndpoint: null, dataPort: null };

describe('findElectronBinary (never requires electron)', () => {
  it('reports a package without path.txt as never downloaded', () => {
    const pkg = tempDir();
    const found = findElectronBinary({ packageDir: pkg, env: {} });
    expect(found.present).toBe(false);
    expect(found.reason).toContain('path.txt');
  });

  it('finds dist/<path.txt> when it exists, and reports it missing when it does not', () => {
    const pkg = tempDir();
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary({ packageDir: pkg, env: {} })).toMatchObject({
      present: false,
      path: path.join(pkg, 'dist', 'electron'),
    });
    mkdirSync(path.join(pkg, 'dist'));
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary({ packageDir: pkg, env: {} })).toEqual({
      present: true,
      path: path.join(pkg, 'dist', 'electron'),
      reason: null,
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does', () => {
    const override = tempDir();
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary({ packageDir: null, env, platform: 'linux' }).present).toBe(false);
    writeFileSync(path.join(override, 'electron'), '');
    expect(findElectronBinary({ packageDir: null, env, platform: 'linux' })).toMatchObject({
      present: true,
      path: path.join(override, 'electron'),
    });
  });
});

describe('shell arguments', () => {
  it('reads our options among Electron and Chromium switches, in both spellings', () => {
    const { args, warnings } = parseShellArgs([
      '/app/index.js',
      '--no-sandbox',
      '--root=/tmp/r',
      '--installer-dir',
      '/srv/inst',
      '--cs-endpoint',
      'cs.example.com:8443',
      '--data-port=9444',
      '--demo',
      '--unknown',
      'x',
    ]);
    expect(warnings).toEqual([]);
    expect(args).toEqual({
      root: '/tmp/r',
      demo: true,
      defaults: { installerDir: '/srv/inst', csEndpoint: 'cs.example.com:8443', dataPort: 9444 },
    });
  });

  it('drops a bad prefill value with a warning and keeps the good ones', () => {
    const { args, warnings } = parseShellArgs([
      '--cs-endpoint',
      'https://cs/',
      '--data-port',
      '70000',
      '--installer-dir',
      '/srv/inst',
    ]);
    expect(args.defaults).toEqual({ installerDir: '/srv/inst', csEndpoint: null, dataPort: null });
    expect(warnings).toHaveLength(2);
    expect(args.root).toBe('/');
  });

  it('refuses control characters: a bad --installer-dir prefill is dropped, a bad --root stops the window', () => {
    const { args, warnings } = parseShellArgs(['--installer-dir', '/srv/inst\nINSTALLATION_DIR=/evil']);
    expect(args.defaults.installerDir).toBeNull();
    expect(warnings.join('\n')).toContain('--installer-dir');
    expect(() => parseShellArgs(['--root', '/tmp/sandbox\u2028x'])).toThrow(ShellArgsError);
  });

  it('round-trips through the argv the launcher builds', () => {
    const args = {
      root: '/tmp/sandbox root',
      demo: true,
      defaults: { installerDir: '/a b/c', csEndpoint: '[fd00::1]:8443', dataPort: 9443 },
    };
    expect(parseShellArgs(toShellArgs(args)).args).toEqual(args);
    const plain = { root: '/', demo: false, defaults: noDefaults };
    expect(parseShellArgs(toShellArgs(plain)).args).toEqual(plain);
  });

  it("carries a short inactivity timeout to the Electron process (the demo's hang scenario) and drops a bad one with a warning", () => {
    const hang = { root: '/tmp/demo', demo: true, defaults: noDefaults, inactivityTimeoutMs: 20_000 };
    expect(toShellArgs(hang)).toContain('--inactivity-timeout');
    expect(parseShellArgs(toShellArgs(hang)).args).toEqual(hang);
    const bad = parseShellArgs(['--inactivity-timeout', 'soon']);
    expect(bad.args.inactivityTimeoutMs).toBeUndefined();
    expect(bad.warnings).toEqual([
      '--inactivity-timeout: give a number of seconds greater than 0. The value was ignored.',
    ]);
  });
});

describe('chooseShell', () => {
  it('uses the browser host with one explanatory line when the binary is absent', () => {
    const choice = chooseShell({ present: false, path: null, reason: 'path.txt is missing' }, false);
    expect(choice).toEqual({
      shell: 'browser',
      notice:
        "Electron's binary is not installed on this machine (path.txt is missing); serving the same wizard in your browser instead. To get the Electron window, run `npx install-electron` once as a normal user with network access.",
    });
  });

  it('uses the browser host as root, and Electron otherwise', () => {
    const binary = { present: true, path: '/opt/electron', reason: null };
    expect(chooseShell(binary, true).shell).toBe('browser');
    expect(chooseShell(binary, false)).toEqual({ shell: 'electron', executable: '/opt/electron' });
  });
});

describe('openWizard', () => {
  it('runs a present binary with an argument array (entry point + forwarded options) and returns its exit code', async () => {
    const dir = tempDir();
    const record = path.join(dir, 'argv.txt');
    const fakeElectron = path.join(dir, 'electron');
    // A real executable standing in for Electron: writes one argument per line, then exits 7.
    writeFileSync(
      fakeElectron,
      `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\n[ -z "$ELECTRON_RUN_AS_NODE" ] || exit 99\nexit 7\n`,
    );
    chmodSync(fakeElectron, 0o755);
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const lines: string[] = [];
    try {
      const code = await openWizard({
        root: '/tmp/a root; rm -rf /',
        demo: true,
        defaults: { installerDir: '/srv/inst', csEndpoint: '10.0.0.5', dataPort: null },
        binary: { present: true, path: fakeElectron, reason: null },
        appEntry: '/app/dist/main/index.js',
        runningAsRoot: false,
        print: (line) => lines.push(line),
      });
      expect(code).toBe(7);
    } finally {
      delete process.env.ELECTRON_RUN_AS_NODE;
    }
    expect(lines).toEqual([]);
    expect(readFileSync(record, 'utf8').split('\n').slice(0, -1)).toEqual([
      '/app/dist/main/index.js',
      '--root',
      '/tmp/a root; rm -rf /',
      '--installer-dir',
      '/srv/inst',
      '--cs-endpoint',
      '10.0.0.5',
      '--demo',
    ]);
  });

  if (!isBuilt) it.skip(`browser fallback: ${notBuiltMessage}`, () => {});
  it.skipIf(!isBuilt)('prints one line and serves the same wizard on 127.0.0.1 when the binary is absent', async () => {
    const root = tempDir();
    const lines: string[] = [];
    let written = '';
    let page = { status: 0, body: '' };
    const code = await openWizard({
      root,
      demo: false,
      defaults: noDefaults,
      port: 0,
      binary: { present: false, path: null, reason: 'node_modules/electron/path.txt is missing' },
      // Whoever runs the tests (root or not, online or not): no download here, the fallback is under test.
      env: { [NO_DOWNLOAD_ENV]: '1' },
      runningAsRoot: false,
      print: (line) => lines.push(line),
      write: (text) => (written += text),
      untilClosed: async (served) => {
        expect(new URL(served.url).hostname).toBe('127.0.0.1');
        page = await get(served.url);
        await served.close();
      },
    });
    expect(code).toBe(0);
    expect(lines).toEqual([
      `Electron's binary is not installed on this machine (node_modules/electron/path.txt is missing); no download was tried: ${NO_DOWNLOAD_ENV}=1 opts out; serving the same wizard in your browser instead. To get the Electron window, run \`npx install-electron\` once as a normal user with network access.`,
    ]);
    expect(written).toContain('http://127.0.0.1:');
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="root"');
  });
});

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = (target: string, cookie?: string) =>
      http
        .get(target, { headers: cookie ? { cookie } : {} }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            // The one-time token link answers with a cookie and a redirect to the page itself.
            if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
              const setCookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
              request(new URL(res.headers.location, target).href, setCookie);
            } else resolve({ status: res.statusCode ?? 0, body });
          });
        })
        .on('error', reject);
    request(url);
  });
}

describe('openWizard with a never-downloaded binary', () => {
  it('fetches a never-downloaded binary once, then opens the window with it', async () => {
    const dir = tempDir();
    const fakeElectron = path.join(dir, 'electron');
    writeFileSync(fakeElectron, '#!/bin/sh\nexit 5\n');
    chmodSync(fakeElectron, 0o755);
    const lines: string[] = [];
    let fetched = 0;
    const code = await openWizard({
      root: dir,
      demo: false,
      defaults: noDefaults,
      binary: {
        present: false,
        path: null,
        reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded',
      },
      runningAsRoot: false,
      env: {},
      appEntry: '/app/dist/main/index.js',
      fetchBinary: () => {
        fetched++;
        return Promise.resolve({ present: true, path: fakeElectron, reason: null });
      },
      print: (line) => lines.push(line),
    });
    expect(fetched).toBe(1);
    expect(code).toBe(5);
    expect(lines).toEqual(["Electron's binary was never downloaded (npm ci does not fetch it): fetching it once…"]);
  });
});

describe('whether to try downloading Electron', () => {
  const neverDownloaded = { present: false, path: null, reason: 'node_modules/electron/path.txt is missing' };
  it('tries only for a never-downloaded binary, not as root, and not when told not to (CI, opt-out, override)', () => {
    expect(shouldTryDownload(neverDownloaded, false, {})).toBe(true);
    expect(shouldTryDownload(neverDownloaded, true, {})).toBe(false);
    expect(shouldTryDownload(neverDownloaded, false, { [NO_DOWNLOAD_ENV]: '1' })).toBe(false);
    expect(shouldTryDownload(neverDownloaded, false, { CI: 'true' })).toBe(false);
    expect(shouldTryDownload(neverDownloaded, false, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })).toBe(false);
    expect(
      shouldTryDownload({ present: false, path: null, reason: 'the electron package is not installed' }, false, {}),
    ).toBe(false);
    expect(shouldTryDownload({ present: true, path: '/e', reason: null }, false, {})).toBe(false);
  });

  it('the fallback line says why no download was tried and how to get the binary', async () => {
    const lines: string[] = [];
    const fallback = (env: NodeJS.ProcessEnv, runningAsRoot = false, fetched: boolean | null = null) => {
      lines.length = 0;
      return openWizard({
        root: tempDir(),
        demo: false,
        defaults: noDefaults,
        binary: neverDownloaded,
        runningAsRoot,
        env,
        port: 0,
        print: (line) => lines.push(line),
        write: () => undefined,
        untilClosed: () => Promise.resolve(),
        fetchBinary: () =>
          Promise.resolve(fetched === null ? null : { present: false, path: null, reason: 'still missing' }),
      });
    };
    await fallback({ CI: 'true' });
    expect(lines).toEqual([
      "Electron's binary is not installed on this machine (node_modules/electron/path.txt is missing); no download was tried under CI (CI=true); serving the same wizard in your browser instead. To get the Electron window, run `npx install-electron` once as a normal user with network access.",
    ]);
    await fallback({ [NO_DOWNLOAD_ENV]: '1' });
    expect(lines[0]).toContain(`no download was tried: ${NO_DOWNLOAD_ENV}=1 opts out`);
    await fallback({}, true);
    expect(lines[0]).toContain('no download was tried: running as root');
    expect(lines[0]).not.toContain('npx install-electron');
    await fallback({});
    expect(lines[1]).toContain('fetching it failed (no network?)');
    expect(lines[1]).toContain('npx install-electron');
  });
});
