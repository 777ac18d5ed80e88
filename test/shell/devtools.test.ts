import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtMain, isBuilt, notBuiltMessage } from './built';
import { createFakeElectron, fakeEvent, FakeWebContents, loadWithFakeElectron } from './fake-electron';
import type { FakeElectron } from './fake-electron';

if (!isBuilt) it.skip(notBuiltMessage, () => {});

/** Loads the built main process against a fake electron that says whether the app is packaged. */
async function startMain(packaged: boolean): Promise<{ fake: FakeElectron; unload: () => void; root: string }> {
  const fake = createFakeElectron();
  fake.app.isPackaged = packaged;
  const root = mkdtempSync(path.join(os.tmpdir(), 'mobility-devtools-'));
  const savedArgv = process.argv;
  process.argv = [process.execPath, builtMain, '--root', root];
  let unload: () => void;
  try {
    unload = loadWithFakeElectron(builtMain, fake);
  } finally {
    process.argv = savedArgv;
  }
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
  return { fake, unload, root };
}

const key = (k: string, mods: Partial<Record<'control' | 'meta' | 'shift' | 'alt', boolean>> = {}) => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...mods,
});

/** Sends one key to the contents' before-input-event handlers; true when one of them swallowed it. */
function swallowed(contents: FakeWebContents, input: ReturnType<typeof key>): boolean {
  const event = fakeEvent();
  contents.emit('before-input-event', event, input);
  return event.defaultPrevented;
}

describe.skipIf(!isBuilt)('developer tools in the built main process', () => {
  let started: Awaited<ReturnType<typeof startMain>> | null = null;
  afterEach(() => {
    started?.unload();
    if (started) rmSync(started.root, { recursive: true, force: true });
    started = null;
  });

  it('a packaged build turns them off, swallows their shortcuts and closes them if they open anyway', async () => {
    started = await startMain(true);
    const win = started.fake.state.windows[0]!;
    expect(win.options.webPreferences.devTools).toBe(false);
    for (const shortcut of [
      key('F12'),
      key('I', { control: true, shift: true }),
      key('J', { control: true, shift: true }),
      key('c', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
    ]) {
      expect(swallowed(win.webContents, shortcut), JSON.stringify(shortcut)).toBe(true);
    }
    // Ordinary typing (including Ctrl+C to copy from the log) still reaches the page.
    for (const ordinary of [key('i'), key('c', { control: true }), key('F5'), { ...key('F12'), type: 'keyUp' }]) {
      expect(swallowed(win.webContents, ordinary), JSON.stringify(ordinary)).toBe(false);
    }
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBeGreaterThan(0);
    // Any other web contents gets the same rules.
    const other = new FakeWebContents();
    started.fake.app.emit('web-contents-created', fakeEvent(), other);
    expect(swallowed(other, key('F12'))).toBe(true);
    other.emit('devtools-opened');
    expect(other.devToolsClosed).toBe(1);
  });

  it('a development build (running from source) keeps them', async () => {
    started = await startMain(false);
    const win = started.fake.state.windows[0]!;
    expect(win.options.webPreferences.devTools).toBe(true);
    expect(swallowed(win.webContents, key('F12'))).toBe(false);
    win.webContents.emit('devtools-opened');
    expect(win.webContents.devToolsClosed).toBe(0);
  });
});
