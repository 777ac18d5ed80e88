/**
 * The jobs folder (job lock and journal, `<log folder>/jobs`) against real other local users, created here with
 * useradd and removed after. Root and the running user are trusted; another local user is not: a journal she
 * can write would name folders for root to delete. A person who is not root (the wizard that elevates through
 * pkexec) reads root's lock: refused while root's job runs, never for a lock it cannot read.
 */
import { chmod, chown, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInterruptedJob } from '../../../../main/core/jobs/interrupted-job';
import { createJobJournal } from '../../../../main/core/jobs/job-journal';
import { acquireJobLock, LOCK_FILE } from '../../../../main/core/jobs/job-lock';
import { processStartTicks } from '../../../../main/core/jobs/process-alive';
import { silentLogger } from '../../../../main/ports/ports';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import type { LocalUser } from '../../helpers/local-user';
import { bundleChild, startChild } from './child-bundle';

const skipped = CAN_CREATE_USERS ? '' : ' — skipped: needs root on Linux to create users';

describe.skipIf(!CAN_CREATE_USERS)(`the jobs folder against other local users${skipped}`, () => {
  const users = localUsers();
  let base: string;
  let lockBundle: string;
  let alice: LocalUser;
  let mallory: LocalUser;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'jobs-folder-'));
    // The other users run the bundled child from here.
    await chmod(base, 0o755);
    lockBundle = await bundleChild(path.resolve(__dirname, 'lock-child.ts'), base);
    await chmod(lockBundle, 0o644);
    [alice, mallory] = await Promise.all([users.create('mstja'), users.create('mstjm')]);
  });

  afterAll(async () => {
    await users.removeAll();
    await rm(base, { recursive: true, force: true });
  });

  /** A work folder of root's with a folder of root's in it that a job might have extracted. */
  async function rootWork(name: string) {
    const work = path.join(base, name, 'tmp');
    const victim = path.join(work, 'mobility-setup-extract-victim');
    await mkdir(victim, { recursive: true });
    await writeFile(path.join(victim, 'data'), 'root data\n');
    return { work, victim, logDir: path.join(base, name, 'log') };
  }

  /** A journal record of a job that "died" (its pid's start time never matched), naming `leftover`. */
  const plantedRecord = (leftover: string) =>
    JSON.stringify({
      id: 'planted',
      kind: 'install',
      frontDoor: 'cli',
      step: 'install',
      startedAt: Date.now(),
      pid: process.pid,
      startTicks: '1',
      leftovers: [leftover],
      state: 'running',
      endedAt: null,
    });

  async function plantAs(user: LocalUser, dir: string, leftover: string): Promise<void> {
    const file = path.join(dir, 'planted.json');
    await writeFile(file, plantedRecord(leftover));
    await chown(file, user.uid, user.gid);
  }

  it('ATTACK: a journal another user can write (hers, a link to hers, or a world-writable one) names a root folder: nothing removed, nothing reported', async () => {
    const w = await rootWork('journal-attack');
    const hers = path.join(base, 'journal-attack', 'mallory-jobs');
    await mkdir(hers);
    await chown(hers, mallory.uid, mallory.gid);
    await plantAs(mallory, hers, w.victim);
    // What Mallory can do: own the folder, put a link in its place, or use a folder anyone may write.
    await mkdir(w.logDir, { recursive: true });
    const linked = path.join(w.logDir, 'jobs');
    await symlink(hers, linked);
    const open = path.join(base, 'journal-attack', 'open-jobs');
    await mkdir(open);
    await chmod(open, 0o1777);
    await plantAs(mallory, open, w.victim);
    for (const dir of [hers, linked, open]) {
      const journal = createJobJournal({ dir, allowedRoots: [w.work], logger: silentLogger });
      const outcome = await findInterruptedJob(journal).catch((err: unknown) => err);
      expect(await readFile(path.join(w.victim, 'data'), 'utf8'), dir).toBe('root data\n');
      expect(outcome, dir).toMatchObject({ code: 'journal.unsafe' });
    }
  });

  it("a person who is not root: refused (41) while root's job holds root's lock; not refused for a lock they cannot read", async () => {
    const dir = path.join(base, 'root-lock', 'jobs');
    // Root's job (this test process) holds the lock in root's folder.
    const root = await acquireJobLock(dir, { frontDoor: 'cli', kind: 'antivirusFix' });
    if (!root.ok || !root.lock) throw new Error('root could not take its own lock');
    expect((await lstat(dir)).uid).toBe(0);
    const refused = await startChild(lockBundle, [dir, 'browser', '0'], alice).firstLine;
    expect(refused).toMatchObject({ ok: false, code: 'job.busy', holder: { pid: process.pid, kind: 'antivirusFix' } });
    expect(refused.message).toContain('anti-virus fix');
    await root.lock.release();
    // No holder: the person's job runs; it cannot hold root's lock, and says so.
    expect(await startChild(lockBundle, [dir, 'browser', '0'], alice).firstLine).toMatchObject({
      ok: true,
      held: false,
    });
    // A lock of root's the person cannot read (0600) does not refuse them.
    const me = { pid: process.pid, startTicks: processStartTicks(process.pid), frontDoor: 'cli', kind: 'install' };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ ...me, since: Date.now(), token: 't' }), {
      mode: 0o600,
    });
    expect(await startChild(lockBundle, [dir, 'browser', '0'], alice).firstLine).toMatchObject({
      ok: true,
      held: false,
    });
  });
});
