/**
 * The diagnostics bundle as a job on the engine, through the core's one dispatcher on a sandbox root with a broken
 * install: its steps and live log (one line per part), Cancel between parts leaving no gathered files and no
 * archive, and a save that fails half-way leaving no half-written archive.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../../common/install';
import type { PreparedBundle } from '../../../../common/troubleshoot';
import type { Core } from '../../../../main/core/app-core';
import { createCore } from '../../../../main/core/app-core';
import { saveBundle, stageBundle } from '../../../../main/core/troubleshoot/bundle';
import { makeBrokenInstallRoot } from '../../../world/broken-install';

const EXPECTED = '127.0.0.1:1';
const session = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};
let core: Core | null = null;
const made: string[] = [];
let tmp = '';
const savedTmpdir = process.env.TMPDIR;

// The bundle's private folder is made in os.tmpdir(): a folder of this test's own, so what is left is ours to see.
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bundle-job-tmp-'));
  made.push(tmp);
  process.env.TMPDIR = tmp;
});
afterEach(async () => {
  await core?.dispose();
  core = null;
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function brokenCore(): Promise<Core> {
  const root = await makeBrokenInstallRoot(EXPECTED);
  made.push(root);
  core = createCore({ root, platform: 'linux', session });
  return core;
}

const stagingFolders = async () => (await readdir(tmp)).filter((n) => n.startsWith('mobility-setup-bundle-'));

describe('the diagnostics bundle job', () => {
  it('runs diagnose → collect on the engine, logging each part as it is written, and answers with the listing', async () => {
    const c = await brokenCore();
    const jobs: JobSnapshot[] = [];
    const lines: string[] = [];
    c.events.subscribe((name, payload) => {
      if (name === 'job') jobs.push(payload);
      if (name === 'jobLog') lines.push(...payload.lines);
    });
    const reply = await c.dispatch('prepareBundle', { expectedServer: EXPECTED });
    expect(reply.ok).toBe(true);
    const prepared = (reply as { value: PreparedBundle }).value;
    const last = jobs.at(-1)!;
    expect(last).toMatchObject({ kind: 'diagnosticsBundle', state: 'succeeded', outcome: { code: 'bundle.prepared' } });
    expect(last.steps.map((s) => [s.id, s.state])).toEqual([
      ['diagnose', 'done'],
      ['collect', 'done'],
    ]);
    // Progress per part: each file of the listing has its line in the live log, in the order written.
    const added = lines.filter((l) => l.startsWith('Added '));
    expect(added.map((l) => l.split(' ')[1])).toEqual(prepared.entries.map((e) => e.name));
    expect(lines.some((l) => l.startsWith('Configuration server: red. '))).toBe(true);
    expect(await stagingFolders()).toHaveLength(1);
    await c.dispatch('discardBundle', { bundleId: prepared.bundleId });
    expect(await stagingFolders()).toEqual([]);
  });

  it('Cancel while the parts are written: the job ends cancelled, the gathered files are removed, nothing is listed', async () => {
    const c = await brokenCore();
    let jobId: string | null = null;
    c.events.subscribe((name, payload) => {
      if (name !== 'job' || payload.kind !== 'diagnosticsBundle') return;
      jobId = payload.id;
      // The parts are being written (their private folder exists): Cancel now; it is seen before the next part.
      if (payload.steps.some((s) => s.id === 'collect' && s.state === 'running')) void c.handlers.cancelJob({ jobId });
    });
    const reply = await c.dispatch('prepareBundle', { expectedServer: EXPECTED });
    expect(reply).toMatchObject({ ok: false, error: { code: 'job.cancelled' } });
    expect((reply as { error: { hint: string } }).error.hint).toMatch(/no bundle file was written/);
    const job = await c.handlers.getJob({ jobId: jobId! });
    expect(job.state).toBe('cancelled');
    expect(job.steps.find((s) => s.id === 'collect')?.state).not.toBe('done');
    const lines = (await c.handlers.readJobLog({ jobId: jobId!, from: 0, max: 1000 })).lines;
    expect(lines).toContain('Cancel requested.');
    expect(lines.some((l) => l.startsWith('Added '))).toBe(false);
    expect(await stagingFolders()).toEqual([]);
  });

  it('a save that fails half-way removes what it wrote: no half-written archive is left', async () => {
    const staged = await stageBundle({
      reports: { 'a.json': { a: 1 } },
      texts: { 'b.txt': 'b' },
      logs: [],
      secrets: [],
    });
    // A staged file that is gone by the time it is archived makes tar fail mid-way.
    await rm(path.join(staged.folder, 'b.txt'));
    const out = path.join(tmp, 'diag.tar.gz');
    await expect(saveBundle(staged, out)).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(existsSync(staged.folder)).toBe(false);
  });
});
