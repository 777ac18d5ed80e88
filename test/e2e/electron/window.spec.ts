/**
 * The real Electron window, driven by Playwright. Electron's binary cannot be downloaded on the build
 * machine, so this file skips itself there; the shell tests in test/shell cover the same code with a fake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { METHODS } from '../../../common/channels';
import { findElectronBinary } from '../../../main/launch/electron-binary';

const binary = findElectronBinary();
const electronBinaryPresent = binary.present && binary.path !== null;
const appEntry = path.resolve(__dirname, '..', '..', '..', 'dist', 'main', 'index.js');

test.skip(
  !electronBinaryPresent,
  'Electron binary is not installed here (it cannot be downloaded on this machine); these run where it is',
);

let app: ElectronApplication;
let root: string;

test.beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mobility-electron-'));
  // Chromium refuses to start as root with its sandbox on; CI containers run as root.
  const asRoot = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: [...asRoot, appEntry, '--root', root, '--installer-dir', path.join(root, 'installers'), '--demo'],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

test('opens the wizard on the detection screen', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(page.url()).toBe('mobility://app/index.html');
});

test('the window runs hardened, with only the bridge exposed', async () => {
  const page = await app.firstWindow();
  const facts = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const [win] = BrowserWindow.getAllWindows();
    return {
      sandboxSwitch: electronApp.commandLine.hasSwitch('enable-sandbox'),
      minimumSize: win?.getMinimumSize(),
      windows: BrowserWindow.getAllWindows().length,
    };
  });
  expect(facts.sandboxSwitch).toBe(true);
  expect(facts.windows).toBe(1);
  expect(facts.minimumSize?.[0]).toBeGreaterThan(0);
  // No Node in the page (nodeIntegration off, context isolated, sandboxed).
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      ipcRenderer: typeof w.ipcRenderer,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
  });
  const keys = await page.evaluate(() => Object.keys((window as unknown as { mobility: object }).mobility).sort());
  expect(keys).toEqual([...METHODS, 'onEvent'].sort());
  const session = await page.evaluate(() =>
    (window as unknown as { mobility: { getSession(i: object): Promise<unknown> } }).mobility.getSession({}),
  );
  expect(session).toMatchObject({ ok: true, value: { shell: 'electron', demo: true } });
});

test('navigation away and new windows are refused', async () => {
  const page = await app.firstWindow();
  const before = page.url();
  await page.evaluate(() => {
    window.open('http://127.0.0.1:9/');
    window.location.href = 'http://127.0.0.1:9/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(app.windows()).toHaveLength(1);
});
