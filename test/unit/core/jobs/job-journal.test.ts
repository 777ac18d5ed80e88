import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJobJournal } from '../../../../main/core/jobs/job-journal';
import { bundleChild, startChild } from './child-bundle';
import type { Child } from './child-bundle';

let base: string;
let bundle: string;
const children: Child[] = [];
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'job-journal-'));
  bundle = await bundleChild(path.resolve(__dirname, 'journal-child.ts'), base);
});
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function recordingLogger() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'info', message, fields }),
    warn: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'warn', message, fields }),
  };
}

async function world() {
  const root = await mkdtemp(path.join(base, 'world-'));
  const dir = path.join(root, 'log/jobs');
  const work = path.join(root, 'work');
  await mkdir(path.join(work, 'outside'), { recursive: true });
  await writeFile(path.join(work, 'outside/keep.txt'), 'not a leftover');
  return { dir, work };
}

function run(w: { dir: string; work: string }, id: string, mode: 'hang' | 'finish'): Child {
  const c = startChild(bundle, [w.dir, w.work, id, mode]);
  children.push(c);
  return c;
}

describe('job journal with real processes', () => {
  it('kill -9 mid-install: the next start finds the job interrupted at its step and removes its leftovers', async () => {
    const w = await world();
    const job = run(w, 'job-killed', 'hang');
    const { pid } = (await job.firstLine) as { pid: number };
    job.process.kill('SIGKILL');
    await job.exited;
    expect((await readdir(w.work)).sort()).toEqual([
      'mobility-setup-extract-job-killed',
      'mobility-setup-request-job-killed',
      'mobility-setup-secrets-job-killed',
      'outside',
    ]);

    const logger = recordingLogger();
    const journal = createJobJournal({ dir: w.dir, allowedRoots: [w.work], logger });
    const [interrupted, ...more] = await journal.recover();
    expect(more).toEqual([]);
    expect(interrupted).toMatchObject({
      id: 'job-killed',
      kind: 'install',
      frontDoor: 'cli',
      step: 'install',
      pid,
      state: 'interrupted',
      kept: [],
    });
    expect(interrupted?.removed).toHaveLength(3);
    // Gone, and the folder a link inside pointed to is untouched.
    expect(await readdir(w.work)).toEqual(['outside']);
    expect(await readFile(path.join(w.work, 'outside/keep.txt'), 'utf8')).toBe('not a leftover');
    expect(logger.lines.filter((l) => l.message === 'interrupted job: leftover removed')).toHaveLength(3);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'job interrupted',
        fields: expect.objectContaining({ job: 'job-killed', step: 'install', pid }),
      }),
    );
    // The record stays, marked, for detection to report; a second start does not report it again.
    expect(JSON.parse(await readFile(path.join(w.dir, 'job-killed.json'), 'utf8'))).toMatchObject({
      state: 'interrupted',
      step: 'install',
    });
    expect(await journal.recover()).toEqual([]);
  });

  it('a finished job and a running one are not interrupted', async () => {
    const w = await world();
    const finished = run(w, 'job-done', 'finish');
    await finished.firstLine;
    await finished.exited;
    const running = run(w, 'job-live', 'hang');
    await running.firstLine;
    const journal = createJobJournal({ dir: w.dir, allowedRoots: [w.work], logger: recordingLogger() });
    expect(await journal.recover()).toEqual([]);
    expect(JSON.parse(await readFile(path.join(w.dir, 'job-done.json'), 'utf8'))).toMatchObject({
      state: 'succeeded',
      endedAt: expect.any(Number),
    });
    expect(await readdir(w.work)).toContain('mobility-setup-extract-job-live');
  });

  it('a recorded leftover that became a link is unlinked, not followed; one outside the work folder is kept and logged', async () => {
    const w = await world();
    const precious = path.join(path.dirname(w.work), 'precious');
    await mkdir(precious);
    await writeFile(path.join(precious, 'data'), 'keep');
    const logger = recordingLogger();
    const journal = createJobJournal({ dir: w.dir, allowedRoots: [w.work], logger });
    // This process records the job, then its record is rewritten as if its process had died (a pid that cannot exist).
    const entry = await journal.begin({ id: 'job-links', kind: 'register', frontDoor: 'browser' });
    await entry.leftover(path.join(w.work, 'mobility-setup-extract-x'));
    await entry.leftover(precious);
    await entry.leftover(path.join(w.work, 'sub/mobility-setup-request-y'));
    await symlink(precious, path.join(w.work, 'mobility-setup-extract-x'));
    // A folder on the way replaced by a link to another folder holding the same name: removal must not go there.
    await mkdir(path.join(precious, 'mobility-setup-request-y'));
    await writeFile(path.join(precious, 'mobility-setup-request-y/data'), 'keep too');
    await symlink(precious, path.join(w.work, 'sub'));
    const file = path.join(w.dir, 'job-links.json');
    await writeFile(
      file,
      JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), pid: 2 ** 22 + 1, startTicks: null }),
    );
    const [interrupted] = await journal.recover();
    expect(interrupted?.removed).toEqual([path.join(w.work, 'mobility-setup-extract-x')]);
    expect(interrupted?.kept).toEqual([
      `${precious} (outside the folders a job may leave files in)`,
      `${path.join(w.work, 'sub/mobility-setup-request-y')} (a folder on its way is a link or is gone)`,
    ]);
    expect(await readFile(path.join(precious, 'mobility-setup-request-y/data'), 'utf8')).toBe('keep too');
    await expect(lstat(path.join(w.work, 'mobility-setup-extract-x'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(path.join(precious, 'data'), 'utf8')).toBe('keep');
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        message: 'interrupted job: leftover kept',
        fields: expect.objectContaining({ path: precious }),
      }),
    );
  });

  it('a garbled record is skipped and said so; the journal folder must be private', async () => {
    const w = await world();
    const logger = recordingLogger();
    const journal = createJobJournal({ dir: w.dir, allowedRoots: [w.work], logger });
    await mkdir(w.dir, { recursive: true });
    await writeFile(path.join(w.dir, 'broken.json'), '{"id": "broken", ');
    expect(await journal.recover()).toEqual([]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'job journal: unreadable record skipped' }));
    const open = path.join(path.dirname(w.dir), 'open');
    await mkdir(open, { mode: 0o777 });
    await chmod(open, 0o777);
    await expect(createJobJournal({ dir: open, allowedRoots: [w.work], logger }).recover()).rejects.toMatchObject({
      code: 'journal.unsafe',
    });
  });
});
