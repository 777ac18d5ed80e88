import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { helperRequestFromArgv } from '../../main/launch/helper-invocation';
import { builtMain, isBuilt, notBuiltMessage } from './built';
import { createFakeElectron, loadWithFakeElectron } from './fake-electron';

describe('helper argv routing (packaged Electron has no runAsNode)', () => {
  it('recognises `helper --request <file>` as the last three arguments', () => {
    expect(helperRequestFromArgv(['helper', '--request', '/tmp/x/request.json'])).toBe('/tmp/x/request.json');
    expect(helperRequestFromArgv(['/app/index.js', 'helper', '--request', '/tmp/r.json'])).toBe('/tmp/r.json');
    expect(helperRequestFromArgv(['--root', '/tmp/root'])).toBeNull();
    expect(helperRequestFromArgv(['helper', '--request'])).toBeNull();
    expect(helperRequestFromArgv(['helper', '--request', '/tmp/r.json', '--extra'])).toBeNull();
    expect(helperRequestFromArgv(['helper', '--other', '/tmp/r.json'])).toBeNull();
    expect(helperRequestFromArgv(['--request', '/tmp/r.json'])).toBeNull();
  });

  it('ignores --no-sandbox, the app entry and Chromium switches before the helper words', () => {
    // Packaged Linux app under pkexec, and an unpackaged `electron dist/main/index.js` run.
    expect(helperRequestFromArgv(['--no-sandbox', 'helper', '--request', '/tmp/r.json'])).toBe('/tmp/r.json');
    expect(
      helperRequestFromArgv(['/opt/app/dist/main/index.js', '--no-sandbox', 'helper', '--request', '/tmp/r.json']),
    ).toBe('/tmp/r.json');
    expect(
      helperRequestFromArgv([
        '--no-sandbox',
        '--enable-crashpad',
        '--ozone-platform=x11',
        'helper',
        '--request',
        'C:\\Temp\\x\\request.json',
      ]),
    ).toBe('C:\\Temp\\x\\request.json');
    expect(helperRequestFromArgv(['--no-sandbox', 'helper', '--request', '/tmp/r.json', '--no-sandbox'])).toBeNull();
  });
});

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('the built main process started as the elevated helper', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobility-helper-route-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the helper instead of opening a window, and exits with its code', async () => {
    const fake = createFakeElectron();
    // A request that is not a vendor command: the helper must refuse it (exit 3) and write no window.
    const request = path.join(dir, 'request.json');
    writeFileSync(request, JSON.stringify({ operation: 'shell', args: ['/bin/sh', '-c', 'id'] }), { mode: 0o600 });
    const savedArgv = process.argv;
    // As the packaged Linux app is started under pkexec: Chromium's --no-sandbox before the helper words.
    process.argv = [process.execPath, builtMain, '--no-sandbox', 'helper', '--request', request];
    let unload: () => void;
    try {
      unload = loadWithFakeElectron(builtMain, fake);
    } finally {
      process.argv = savedArgv;
    }
    await vi.waitFor(() => expect(fake.state.exitCodes).toHaveLength(1));
    unload();
    expect(fake.state.exitCodes[0]).toBe(3);
    expect(fake.state.windows).toHaveLength(0);
    expect(fake.state.sandboxEnabled).toBe(false);
  });
});
