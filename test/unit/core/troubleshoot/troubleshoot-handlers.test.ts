/**
 * The Troubleshoot page's methods through the core's one dispatcher, on a real sandbox root with a broken
 * install: findings, the log viewer's windows, search and error lines, and the bundle prepared, listed and
 * saved. The log methods refuse any file the core did not list (an attempt to read /etc/shadow's twin).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../main/core/app-core';
import { createCore } from '../../../../main/core/app-core';
import type { LogSearch, LogWindow, PreparedBundle, TroubleshootReport } from '../../../../common/troubleshoot';
import { CANARY_PASSPHRASE, makeBrokenInstallRoot } from '../../../world/broken-install';

const EXPECTED = '127.0.0.1:1';
const session = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};
let core: Core | null = null;
const made: string[] = [];
afterEach(async () => {
  await core?.dispose();
  core = null;
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const reply = await core!.dispatch(method, input);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function brokenCore(): Promise<string> {
  const root = await makeBrokenInstallRoot(EXPECTED);
  made.push(root);
  core = createCore({ root, platform: 'linux', session });
  return root;
}

describe('Troubleshoot methods', () => {
  it('diagnose: the red lines, the vendor error explained, and the vendor log listed for the viewer', async () => {
    const root = await brokenCore();
    const report = await call<TroubleshootReport>('diagnose', { expectedServer: EXPECTED });
    const levels = Object.fromEntries(report.diagnosis.health.lines.map((l) => [l.id, l.level]));
    expect(levels).toMatchObject({ server: 'red', services: 'red', reboot: 'green' });
    expect(report.diagnosis.connectivity?.verdict).toBe('fail');
    expect(report.diagnosis.health.lastVendorError?.explanation?.id).toBe('differentServer');
    expect(report.logs.map((l) => l.shown)).toContain('/var/log/ua_install.log');
    const vendorLog = path.join(root, 'var/log/ua_install.log');
    expect(report.logs.find((l) => l.shown === '/var/log/ua_install.log')!.path).toBe(vendorLog);
    // The vendor log holds a passphrase from an earlier run: the viewer's replies never carry it.
    const shown = await call<LogWindow>('readLogLines', { path: vendorLog, count: 100 });
    expect(shown.lines.join('\n')).toContain('Passphrase=');
    expect(JSON.stringify(shown)).not.toContain(CANARY_PASSPHRASE);
    const searched = await call<LogSearch>('searchLog', { path: vendorLog, query: 'passphrase' });
    expect(searched.hits.length).toBeGreaterThan(0);
    expect(JSON.stringify(searched)).not.toContain(CANARY_PASSPHRASE);
  });

  it('the log viewer: opens at the end, windows by line, search and error lines; other files are refused', async () => {
    const root = await brokenCore();
    const log = path.join(root, 'var/log/ua_install.log');
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    lines[1234] = "ERROR: Failed to connect: (7) Couldn't connect to server";
    await writeFile(log, `${lines.join('\n')}\n`);
    await call('diagnose', {});
    const tail = await call<LogWindow>('readLogLines', { path: log, count: 100 });
    expect(tail).toMatchObject({ from: 4900, totalLines: 5000 });
    expect(tail.lines.at(-1)).toBe('line 4999');
    const errors = await call<LogSearch>('searchLog', { path: log, errors: true });
    expect(errors.hits.map((h) => h.line)).toEqual([1234]);
    expect(errors.hits[0]!.explanation).not.toBeNull();
    const window = await call<LogWindow>('readLogLines', { path: log, from: 1230, count: 10 });
    expect(window.lines[4]).toContain('(7) Couldn');
    const found = await call<LogSearch>('searchLog', { path: log, query: 'LINE 499' });
    expect(found.hits.map((h) => h.line)).toEqual([499, ...Array.from({ length: 10 }, (_, i) => 4990 + i)]);

    // The attack: a front door names a file the core never listed, directly or through "..".
    const secret = path.join(root, 'etc/shadow');
    await writeFile(secret, 'root:$6$secret:19000::::::\n');
    for (const target of [secret, `${path.join(root, 'var/log')}/../../etc/shadow`]) {
      const reply = await core!.dispatch('readLogLines', { path: target, count: 10 });
      expect(reply).toMatchObject({ ok: false, error: { code: 'log.notAllowed' } });
      const search = await core!.dispatch('searchLog', { path: target, query: 'root' });
      expect(search).toMatchObject({ ok: false, error: { code: 'log.notAllowed' } });
    }
  });

  it('the bundle: prepared and listed, saved to a new absolute path only, with no canary passphrase in it', async () => {
    await brokenCore();
    const out = await mkdtemp(path.join(os.tmpdir(), 'bundle-out-'));
    made.push(out);
    const prepared = await call<PreparedBundle>('prepareBundle', { expectedServer: EXPECTED });
    expect(prepared.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['health.json', 'health.txt', 'connectivity.json', 'logs/ua_install.log']),
    );
    expect(await core!.dispatch('saveBundle', { bundleId: prepared.bundleId, path: 'relative.tar.gz' })).toMatchObject({
      ok: false,
      error: { code: 'bundle.notAbsolute' },
    });
    await writeFile(path.join(out, 'taken.tar.gz'), 'mine');
    expect(
      await core!.dispatch('saveBundle', { bundleId: prepared.bundleId, path: path.join(out, 'taken.tar.gz') }),
    ).toMatchObject({ ok: false, error: { code: 'bundle.exists' } });
    expect(await readFile(path.join(out, 'taken.tar.gz'), 'utf8')).toBe('mine');
    // Refused before anything was written: still prepared (loses nothing) until discarded.
    expect(await core!.dispatch('discardBundle', { bundleId: prepared.bundleId })).toMatchObject({
      ok: true,
      value: { discarded: true },
    });

    const again = await call<PreparedBundle>('prepareBundle', { expectedServer: EXPECTED });
    const file = path.join(out, 'diag.tar.gz');
    const saved = await call<{ file: string; sizeBytes: number }>('saveBundle', {
      bundleId: again.bundleId,
      path: file,
    });
    expect(saved.file).toBe(file);
    const unpacked = path.join(out, 'x');
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    const files = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBe(again.entries.length);
    for (const f of files)
      expect(await readFile(path.join(f.parentPath, f.name), 'utf8')).not.toContain(CANARY_PASSPHRASE);
    // Spent: a second save of the same id is refused.
    expect(
      await core!.dispatch('saveBundle', { bundleId: again.bundleId, path: path.join(out, 'b.tar.gz') }),
    ).toMatchObject({ ok: false, error: { code: 'bundle.notFound' } });
  });
});
