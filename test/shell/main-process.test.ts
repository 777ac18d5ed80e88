import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHODS, ipcChannel } from '../../common/channels';
import { builtMain, builtPage, builtPreload, isBuilt, notBuiltMessage } from './built';
import { createFakeElectron, fakeEvent, FakeFrame, FakeWebContents, loadWithFakeElectron } from './fake-electron';
import type { FakeElectron, FakeWindow } from './fake-electron';

if (!isBuilt) it.skip(notBuiltMessage, () => {});

describe.skipIf(!isBuilt)('the built Electron main process (dist/main/index.js) with a fake electron', () => {
  const fake: FakeElectron = createFakeElectron();
  let root = '';
  let installerDir = '';
  let unload = (): void => {};
  let win: FakeWindow;
  const savedArgv = process.argv;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mobility-shell-'));
    installerDir = path.join(root, 'installers');
    // As Electron passes it: binary, app path, our options, plus a Chromium switch we must ignore.
    process.argv = [
      process.execPath,
      builtMain,
      '--root',
      root,
      `--installer-dir=${installerDir}`,
      '--cs-endpoint',
      '10.0.0.5:443',
      '--data-port',
      '9443',
      '--demo',
      '--enable-logging',
    ];
    try {
      unload = loadWithFakeElectron(builtMain, fake);
    } finally {
      process.argv = savedArgv;
    }
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
    win = fake.state.windows[0]!;
  });

  afterAll(() => {
    unload();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const invoke = (method: string, payload: unknown, event: { sender: unknown; senderFrame: unknown }) => {
    const handler = fake.state.handlers.get(ipcChannel(method));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, payload) as Promise<{
      ok: boolean;
      value?: Record<string, unknown> & { root: string };
      error?: { code: string };
    }>;
  };
  const fromOurWindow = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
  const serve = (url: string): Promise<Response> => {
    const handler = fake.state.protocolHandlers.get('mobility');
    if (!handler) throw new Error('no handler for the mobility scheme');
    return handler({ url });
  };

  it('turns on the sandbox for every renderer before the app is ready', () => {
    expect(fake.state.sandboxEnabled).toBe(true);
  });

  it('creates one window with the hardened web preferences', () => {
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(win.options.show).toBe(false);
    expect(win.options.minWidth).toBeGreaterThan(0);
    expect(win.options.minHeight).toBeGreaterThan(0);
  });

  it('loads the built page from its own privileged scheme (not file://), and the preload from the build output', async () => {
    expect(win.options.webPreferences.preload).toBe(builtPreload);
    expect(existsSync(win.options.webPreferences.preload)).toBe(true);
    expect(win.loadedFile).toBeNull();
    expect(win.loadedUrl).toBe('mobility://app/index.html');
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'mobility', privileges: { standard: true, secure: true } },
    ]);
    expect(fake.state.schemesRegisteredBeforeReady).toBe(true);
    const page = await serve('mobility://app/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe(readFileSync(builtPage, 'utf8'));
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(builtPage, 'utf8'))?.[1] ?? '';
    const asset = await serve(`mobility://app/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing but the renderer folder on that scheme', async () => {
    writeFileSync(path.join(path.dirname(builtPage), '.hidden.html'), 'hidden');
    for (const url of [
      'mobility://app/../main/index.js',
      'mobility://app/%2e%2e/main/index.js',
      'mobility://app/..%2fmain%2findex.js',
      'mobility://app/assets/..%5c..%5cmain%5cindex.js',
      'mobility://app/.hidden.html',
      'mobility://app/%00index.html',
      'mobility://other/index.html',
      'mobility://app/missing.js',
      'mobility://app/assets',
    ]) {
      const res = await serve(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('require(');
    }
    rmSync(path.join(path.dirname(builtPage), '.hidden.html'));
  });

  it('shows the window only when it is ready to show', () => {
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('refuses navigation, redirects, webviews and new windows', () => {
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      win.webContents.emit(name, event, { url: 'https://example.com/' });
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('hardens any other web contents that gets created', () => {
    const other = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), other);
    const event = fakeEvent();
    other.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and permission check', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal', 'geolocation']) {
      const callback = vi.fn();
      fake.state.permissionRequestHandler?.(win.webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(fake.state.permissionCheckHandler?.(win.webContents, permission, 'file://', {})).toBe(false);
    }
    expect(fake.state.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels requests for remote content or files outside the renderer folder', () => {
    const decide = (url: string): boolean => {
      let cancel: boolean | undefined;
      fake.state.beforeRequest?.({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
      return cancel!;
    };
    expect(decide('https://example.com/script.js')).toBe(true);
    expect(decide('http://127.0.0.1:8765/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide(pathToFileURL(path.join(path.dirname(builtPage), '..', 'main', 'index.js')).href)).toBe(true);
    // Nothing loads from file:// any more, not even the built page (it comes over the app scheme).
    expect(decide(pathToFileURL(builtPage).href)).toBe(true);
    expect(decide('mobility://other/index.html')).toBe(true);
    expect(decide('mobility://app/index.html')).toBe(false);
    expect(decide('mobility://app/assets/app.js')).toBe(false);
  });

  it('sends the same CSP as a header that the built page carries in its meta tag', () => {
    let headers: Record<string, string[]> = {};
    fake.state.headersReceived?.(
      { responseHeaders: {} },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    const header = headers['Content-Security-Policy']?.[0] ?? '';
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(builtPage, 'utf8'))?.[1];
    expect(meta).toBe(header);
    expect(header).toContain("script-src 'self'");
    expect(header).toContain("object-src 'none'");
    expect(header).not.toContain('unsafe-eval');
    // Only the app's own origin: no bare ws:/wss:/http: scheme that would reach any local server.
    expect(/connect-src ([^;]*)/.exec(header)?.[1]).toBe("'self'");
  });

  it('registers exactly one IPC handler per contract method and nothing else', () => {
    expect([...fake.state.handlers.keys()].sort()).toEqual(METHODS.map(ipcChannel).sort());
  });

  it('answers a call from its own window through the core (getSession)', async () => {
    const reply = await invoke('getSession', {}, fromOurWindow());
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({
      shell: 'electron',
      demo: true,
      defaults: { installerDir, csEndpoint: '10.0.0.5', dataPort: 9443 },
    });
    expect(path.resolve(reply.value!.root)).toBe(path.resolve(root));
  });

  it('validates payloads in the core: a malformed request is a failed Result, not a throw', async () => {
    const reply = await invoke('getSession', { extra: 'field' }, fromOurWindow());
    expect(reply).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
  });

  it('refuses calls from other web contents, subframes and other pages', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = win.webContents.mainFrame.url;
    const subframe = new FakeFrame(win.webContents.mainFrame.url, win.webContents.mainFrame, 1, 99);
    const otherPage = new FakeFrame('https://example.com/', null, 1, win.webContents.mainFrame.routingId);
    const cases = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: win.webContents, senderFrame: subframe },
      { sender: win.webContents, senderFrame: otherPage },
      { sender: win.webContents, senderFrame: null },
    ];
    for (const event of cases) {
      const reply = await invoke('getSession', {}, event);
      expect(reply).toMatchObject({ ok: false, error: { code: 'ipc.untrustedSender' } });
    }
  });

  it('opens log files through the desktop shell only when asked by the core', async () => {
    // The core decides which paths may be opened; the shell only supplies shell.openPath.
    const reply = await invoke('openLogFile', { path: '/etc/shadow' }, fromOurWindow());
    expect(fake.state.openedPaths).not.toContain('/etc/shadow');
    expect(reply.ok).toBe(false);
  });

  it('quits when the last window closes', () => {
    const before = fake.state.quitCalls;
    fake.app.emit('window-all-closed');
    expect(fake.state.quitCalls).toBe(before + 1);
  });

  it('on quit, removes its IPC handlers and waits for the core to stop before quitting', async () => {
    const before = fake.state.quitCalls;
    const first = fakeEvent();
    fake.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(fake.state.handlers.size).toBe(0);
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(before + 1));
    // The second will-quit (from that app.quit()) goes through.
    const second = fakeEvent();
    fake.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});
