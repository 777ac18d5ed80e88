/**
 * Electron's native save dialog for the diagnostics bundle, on the source module with `electron` mocked (the
 * dialog cannot open here): the core saves the prepared bundle to the path the dialog returned, never to one the
 * page sent; a cancelled dialog writes nothing, says so, and keeps the bundle prepared; the browser host has no
 * dialog and says what to do instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PreparedBundle } from '../../common/troubleshoot';
import type { Core } from '../../main/core/app-core';
import { createCore } from '../../main/core/app-core';
import { makeBrokenInstallRoot } from '../world/broken-install';

const dialogs: { parent: unknown; options: Record<string, unknown> }[] = [];
const answer = { next: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string } };
const documents = { dir: '' };
vi.mock('electron', () => ({
  app: { getPath: (name: string) => (name === 'documents' ? documents.dir : '/nonexistent') },
  dialog: {
    showSaveDialog: (...args: unknown[]) => {
      const options = (args.length === 2 ? args[1] : args[0]) as Record<string, unknown>;
      dialogs.push({ parent: args.length === 2 ? args[0] : null, options });
      return Promise.resolve(answer.next);
    },
  },
}));

const { chooseBundleFile } = await import('../../main/electron/save-dialog');

const session = {
  shell: 'electron' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};
const DAY = Date.UTC(2026, 11, 1, 15, 0, 0);
let core: Core | null = null;
const made: string[] = [];
afterEach(async () => {
  await core?.dispose();
  core = null;
  dialogs.length = 0;
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function electronCore(withDesktop = true): Promise<{ out: string; bundle: PreparedBundle }> {
  const root = await makeBrokenInstallRoot('127.0.0.1:1');
  const out = await mkdtemp(path.join(os.tmpdir(), 'bundle-dialog-'));
  made.push(root, out);
  documents.dir = out;
  const desktop = {
    openPath: () => Promise.resolve(true),
    chooseSaveFile: (name: string, language: 'en' | 'ko') => chooseBundleFile(null, name, language),
  };
  core = createCore({
    root,
    platform: 'linux',
    session: withDesktop ? session : { ...session, shell: 'browser' },
    clock: { now: () => DAY },
    ...(withDesktop ? { desktop } : {}),
  });
  const reply = await core.dispatch('prepareBundle', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return { out, bundle: reply.value as PreparedBundle };
}

describe('Save bundle… in the Electron window', () => {
  it('opens the native dialog with a dated name and a tar.gz filter, and saves to the path chosen there', async () => {
    const { out, bundle } = await electronCore();
    const chosen = path.join(out, 'picked-by-person.tar.gz');
    answer.next = { canceled: false, filePath: chosen };
    const reply = await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId });
    expect(reply).toMatchObject({ ok: true, value: { saved: true, file: chosen } });
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]!.options).toMatchObject({
      defaultPath: path.join(out, 'mobility-diagnostics-2026-12-01.tar.gz'),
      filters: [{ extensions: ['tar.gz'] }],
    });
    const listed = execFileSync('tar', ['-tzf', chosen], { encoding: 'utf8' }).trim().split('\n');
    expect(listed.sort()).toEqual(bundle.entries.map((e) => e.name).sort());
    expect(await readdir(out)).toEqual(['picked-by-person.tar.gz']);
    // Spent once saved, as a typed-path save.
    const discarded = await core!.dispatch('discardBundle', { bundleId: bundle.bundleId });
    expect(discarded).toMatchObject({ value: { discarded: false } });
  });

  it("words the dialog in the window's language: Korean when the page says ko, English otherwise", async () => {
    const { bundle } = await electronCore();
    answer.next = { canceled: true, filePath: '' };
    await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId, language: 'ko' });
    await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId });
    expect(dialogs.map((d) => [d.options.title, d.options.buttonLabel])).toEqual([
      ['진단 번들 저장', '번들 저장'],
      ['Save the diagnostics bundle', 'Save bundle'],
    ]);
    expect(dialogs[0]!.options).toMatchObject({ filters: [{ name: '진단 번들(tar.gz)', extensions: ['tar.gz'] }] });
    const refused = await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId, language: 'fr' });
    expect(refused).toMatchObject({ ok: false });
    expect(dialogs).toHaveLength(2);
  });

  it('a cancelled dialog saves nothing, says so, and keeps the bundle prepared', async () => {
    const { out, bundle } = await electronCore();
    answer.next = { canceled: true, filePath: '' };
    const reply = await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId });
    expect(reply).toEqual({ ok: true, value: { saved: false } });
    expect(await readdir(out)).toEqual([]);
    // Still prepared: the person can open the dialog again.
    const chosen = path.join(out, 'second-try.tar.gz');
    answer.next = { canceled: false, filePath: chosen };
    expect(await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId })).toMatchObject({
      ok: true,
      value: { saved: true, file: chosen },
    });
    expect(dialogs).toHaveLength(2);
  });

  it('an existing file chosen (the dialog confirmed replacing it) is left alone; still prepared', async () => {
    const { out, bundle } = await electronCore();
    const taken = path.join(out, 'taken.tar.gz');
    await writeFile(taken, 'mine');
    answer.next = { canceled: false, filePath: taken };
    expect(await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId })).toMatchObject({
      ok: false,
      error: { code: 'bundle.exists' },
    });
    expect(await readFile(taken, 'utf8')).toBe('mine');
    answer.next = { canceled: false, filePath: path.join(out, 'new.tar.gz') };
    expect(await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId })).toMatchObject({
      value: { saved: true },
    });
  });

  it('a page that sends a path with the request is refused: no dialog, no file anywhere', async () => {
    const { out, bundle } = await electronCore();
    answer.next = { canceled: false, filePath: path.join(out, 'chosen.tar.gz') };
    const planted = path.join(out, 'page-chose-this.tar.gz');
    const reply = await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId, path: planted });
    expect(reply).toMatchObject({ ok: false, error: { code: 'api.invalidRequest' } });
    expect(dialogs).toHaveLength(0);
    expect(await readdir(out)).toEqual([]);
  });

  it('a bundle that is gone is refused before any dialog opens; the browser host has no dialog', async () => {
    await electronCore();
    expect(await core!.dispatch('saveBundleWithDialog', { bundleId: 'no-such-bundle' })).toMatchObject({
      ok: false,
      error: { code: 'bundle.notFound' },
    });
    expect(dialogs).toHaveLength(0);
    await core!.dispose();
    core = null;
    const { out, bundle } = await electronCore(false);
    expect(await core!.dispatch('saveBundleWithDialog', { bundleId: bundle.bundleId })).toMatchObject({
      ok: false,
      error: { code: 'bundle.dialogUnavailable' },
    });
    expect(dialogs).toHaveLength(0);
    expect(await readdir(out)).toEqual([]);
  });
});
