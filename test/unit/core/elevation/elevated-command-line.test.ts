import { describe, expect, it } from 'vitest';
import {
  defaultHelperCommand,
  helperCommandFor,
  isSafeCommandPart,
  toElevatedCommandLine,
} from '../../../../main/core/elevation/helper-command';
import type { HelperRuntime } from '../../../../main/core/elevation/helper-command';
import { workingFolderForPrompt } from '../../../../main/core/elevation/sudo-prompt-launcher';
import { windowsTreeKillCommand } from '../../../../main/platform/process-runner';

const WIN_EXE = 'C:\\Program Files (x86)\\Mobility Setup\\mobility-setup.exe';
const WIN_REQUEST = 'C:\\Users\\op\\AppData\\Local\\Temp\\mobility-setup-req-x\\request.json';

describe('elevated command line on Windows (a line of a .bat file run by cmd.exe)', () => {
  it('double-quotes real install and temp paths, with backslashes, parentheses, spaces and non-ASCII user names', () => {
    expect(toElevatedCommandLine({ file: WIN_EXE, args: ['helper', '--request', WIN_REQUEST] }, 'win32')).toBe(
      `"${WIN_EXE}" "helper" "--request" "${WIN_REQUEST}"`,
    );
    expect(
      isSafeCommandPart(
        'C:\\Users\\José Müller\\AppData\\Local\\Temp\\mobility-setup-elevate-Ab12\\request.json',
        'win32',
      ),
    ).toBe(true);
    expect(isSafeCommandPart("C:\\Users\\o'brien\\AppData\\Local\\Temp\\request.json", 'win32')).toBe(true);
  });

  it('refuses what cmd expands or interprets, even inside quotes, and a trailing backslash', () => {
    const hostile = [
      'C:\\Users\\%USERNAME%\\request.json',
      'C:\\a" & calc & "b',
      'C:\\a&calc',
      'C:\\a|calc',
      'C:\\a>C:\\Windows\\x',
      'C:\\a<in',
      'C:\\a^b',
      'C:\\a!PATH!b',
      'C:\\a\r\ncalc',
      'C:\\a\tb',
      'C:\\dir\\',
      '',
    ];
    for (const part of hostile) expect(isSafeCommandPart(part, 'win32'), JSON.stringify(part)).toBe(false);
    expect(() =>
      toElevatedCommandLine({ file: WIN_EXE, args: ['helper', '--request', 'C:\\%COMSPEC%\\request.json'] }, 'win32'),
    ).toThrow();
  });
});

describe('elevated command line on Linux and macOS (inside /bin/bash -c "…")', () => {
  it('single-quotes paths with spaces', () => {
    expect(
      toElevatedCommandLine(
        {
          file: '/opt/Mobility Setup/mobility-setup',
          args: ['--no-sandbox', 'helper', '--request', '/tmp/mobility-setup-elevate-x/request.json'],
        },
        'linux',
      ),
    ).toBe(
      "'/opt/Mobility Setup/mobility-setup' '--no-sandbox' 'helper' '--request' '/tmp/mobility-setup-elevate-x/request.json'",
    );
  });

  it('still refuses shell metacharacters and backslashes (Windows rules do not leak to Linux)', () => {
    for (const part of ['a$(id)', 'a`id`', "it's", 'a"b', 'a\\b', 'a;b', 'a!b', 'a\nb', 'a&b', 'a|b']) {
      expect(isSafeCommandPart(part, 'linux'), JSON.stringify(part)).toBe(false);
      expect(isSafeCommandPart(part, 'darwin'), JSON.stringify(part)).toBe(false);
    }
    expect(isSafeCommandPart(WIN_REQUEST, 'linux')).toBe(false);
  });
});

describe('the helper command per runtime', () => {
  const paths = {
    execPath: '/opt/Mobility Setup/mobility-setup',
    cliPath: '/opt/Mobility Setup/resources/app.asar/dist/main/cli.js',
    appEntry: '/opt/Mobility Setup/resources/app.asar/dist/main/index.js',
  };
  const rt = (over: Partial<HelperRuntime>): HelperRuntime => ({
    platform: 'linux',
    electron: true,
    defaultApp: false,
    ...over,
  });

  it('packaged Electron on Linux: the app itself with --no-sandbox (root without it aborts before any JS runs)', () => {
    expect(helperCommandFor('/tmp/e/request.json', paths, rt({}))).toEqual({
      file: paths.execPath,
      args: ['--no-sandbox', 'helper', '--request', '/tmp/e/request.json'],
    });
  });

  it('packaged as an AppImage: pkexec starts the AppImage file, not execPath inside the user-only FUSE mount', () => {
    const mounted = { ...paths, execPath: '/tmp/.mount_MobiliAb12/mobility-setup' };
    const appImage = '/home/ops/Downloads/Mobility-Setup-0.1.0-x86_64.AppImage';
    expect(helperCommandFor('/tmp/e/request.json', mounted, rt({ appImage }))).toEqual({
      file: appImage,
      args: ['--no-sandbox', 'helper', '--request', '/tmp/e/request.json'],
    });
    // APPIMAGE means nothing to an unpackaged run or to Windows.
    expect(helperCommandFor('/tmp/e/request.json', mounted, rt({ appImage, defaultApp: true })).file).toBe(
      mounted.execPath,
    );
    expect(
      helperCommandFor(WIN_REQUEST, { ...paths, execPath: WIN_EXE }, rt({ appImage, platform: 'win32' })).file,
    ).toBe(WIN_EXE);
  });

  it('unpackaged Electron (`electron dist/main/index.js`): the app entry first, then the switches', () => {
    const dev = {
      execPath: '/repo/node_modules/electron/dist/electron',
      cliPath: '/repo/dist/main/cli.js',
      appEntry: '/repo/dist/main/index.js',
    };
    expect(helperCommandFor('/tmp/e/request.json', dev, rt({ defaultApp: true }))).toEqual({
      file: dev.execPath,
      args: ['/repo/dist/main/index.js', '--no-sandbox', 'helper', '--request', '/tmp/e/request.json'],
    });
  });

  it('Electron on Windows needs no --no-sandbox; plain Node runs the CLI bundle', () => {
    const win = { execPath: WIN_EXE, cliPath: 'C:\\x\\cli.js', appEntry: 'C:\\x\\index.js' };
    expect(helperCommandFor(WIN_REQUEST, win, rt({ platform: 'win32' }))).toEqual({
      file: WIN_EXE,
      args: ['helper', '--request', WIN_REQUEST],
    });
    expect(helperCommandFor('/tmp/e/request.json', paths, rt({ electron: false }))).toEqual({
      file: paths.execPath,
      args: [paths.cliPath, 'helper', '--request', '/tmp/e/request.json'],
    });
  });

  it('defaultHelperCommand finds the Electron entry next to the CLI', () => {
    const make = defaultHelperCommand('/repo/dist/main/cli.js', '/repo/electron', rt({ defaultApp: true }));
    expect(make('/tmp/e/request.json').args[0]).toBe('/repo/dist/main/index.js');
  });
});

describe('sudo-prompt\'s working folder (it builds `cd "<cwd>"` into the elevated command text)', () => {
  it('keeps a safe folder and swaps one the shell would interpret for a fixed one', () => {
    expect(workingFolderForPrompt('/home/op/Downloads', 'linux')).toBeNull();
    expect(workingFolderForPrompt('/home/op/$(touch /tmp/pwned)', 'linux')).toBe('/');
    expect(workingFolderForPrompt('/home/op/`id`', 'linux')).toBe('/');
    expect(workingFolderForPrompt('/home/op/a\\"b', 'linux')).toBe('/');
    expect(workingFolderForPrompt('C:\\Users\\op\\Downloads', 'win32', 'C:\\Windows')).toBeNull();
    expect(workingFolderForPrompt('C:\\', 'win32', 'C:\\Windows')).toBeNull();
    expect(workingFolderForPrompt('C:\\Users\\op\\%COMSPEC%', 'win32', 'C:\\Windows')).toBe('C:\\Windows');
    expect(workingFolderForPrompt('C:\\a&b', 'win32', 'D:\\%x%')).toBe('C:\\Windows');
  });
});

describe('ending a process tree on Windows', () => {
  it('taskkill by full path with /T /F, as an argument array', () => {
    expect(windowsTreeKillCommand(4242, 'C:\\Windows')).toEqual({
      file: 'C:\\Windows\\System32\\taskkill.exe',
      args: ['/T', '/F', '/PID', '4242'],
    });
    // A missing or relative SystemRoot never makes a PATH lookup.
    expect(windowsTreeKillCommand(7, undefined).file).toBe('C:\\Windows\\System32\\taskkill.exe');
    expect(windowsTreeKillCommand(7, 'Windows').file).toBe('C:\\Windows\\System32\\taskkill.exe');
  });
});
