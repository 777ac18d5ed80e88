import { chown, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeForError } from '../../../../common/job-exit-code';
import { acquireJobLock, LOCK_FILE } from '../../../../main/core/jobs/job-lock';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import { bundleChild, startChild } from './child-bundle';
import type { Child } from './child-bundle';

let work: string;
let bundle: string;
const children: Child[] = [];
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'job-lock-'));
  bundle = await bundleChild(path.resolve(__dirname, 'lock-child.ts'), work);
});
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function lockDir(): Promise<string> {
  const dir = await mkdtemp(path.join(work, 'locks-'));
  return dir;
}
function child(dir: string, frontDoor: string, holdMs: number): Child {
  const c = startChild(bundle, [dir, frontDoor, String(holdMs)]);
  children.push(c);
  return c;
}

describe('job lock across real processes', () => {
  it('six processes racing for the lock: exactly one wins, the others are told who holds it (exit 41)', async () => {
    const dir = await lockDir();
    const racers = Array.from({ length: 6 }, (_, i) => child(dir, i % 2 === 0 ? 'cli' : 'browser', 3_000));
    const lines = await Promise.all(racers.map((r) => r.firstLine));
    const winners = lines.filter((l) => l.ok === true);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const loser of lines.filter((l) => l.ok === false)) {
      expect(loser.code).toBe('job.busy');
      expect(loser.holder).toMatchObject({ pid: winner.pid, kind: 'install' });
      expect(loser.message).toMatch(
        new RegExp(
          `^Another job is running on this machine: an install started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z by process ${String(winner.pid)} \\(the (command line|wizard in a browser)\\)\\.`,
        ),
      );
    }
    expect(exitCodeForError('job.busy')).toBe(41);
  });

  it('kill -9 of the holder: the next acquirer takes the lock over and says from whom', async () => {
    const dir = await lockDir();
    const holder = child(dir, 'browser', 60_000);
    const held = await holder.firstLine;
    expect(held.ok).toBe(true);
    // While it lives, this process is refused.
    const refused = await acquireJobLock(dir, { frontDoor: 'cli', kind: 'register' });
    expect(refused.ok).toBe(false);
    holder.process.kill('SIGKILL');
    await holder.exited;
    const taken = await acquireJobLock(dir, { frontDoor: 'cli', kind: 'register' });
    expect(taken.ok).toBe(true);
    if (!taken.ok) return;
    expect(taken.tookOverFrom).toMatchObject({ pid: held.pid, frontDoor: 'browser', kind: 'install' });
    // Now held by this process: a child is refused and names this pid.
    const other = await child(dir, 'cli', 0).firstLine;
    expect(other).toMatchObject({ ok: false, holder: { pid: process.pid, frontDoor: 'cli', kind: 'register' } });
    await taken.lock?.release();
    await expect(lstat(path.join(dir, LOCK_FILE))).rejects.toThrow(/ENOENT/);
    // Released: the next one gets it without a takeover.
    expect(await child(dir, 'electron', 0).firstLine).toMatchObject({ ok: true, tookOverFrom: null });
  });

  it("a pid reused by a younger process does not keep a dead holder's lock", async () => {
    const dir = await lockDir();
    // The lock names this very pid but a start time it never had: the process that wrote it is gone.
    await writeFile(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, startTicks: '1', frontDoor: 'cli', kind: 'install', since: 0, token: 'x' }),
    );
    const taken = await acquireJobLock(dir, { frontDoor: 'browser', kind: 'install' });
    expect(taken).toMatchObject({ ok: true, tookOverFrom: { pid: process.pid, startTicks: '1' } });
    if (taken.ok) await taken.lock?.release();
  });

  it("a link left in the lock's place is removed, never followed", async () => {
    const dir = await lockDir();
    const victim = path.join(work, 'victim.conf');
    await writeFile(victim, 'keep me\n');
    await symlink(victim, path.join(dir, LOCK_FILE));
    const taken = await acquireJobLock(dir, { frontDoor: 'cli', kind: 'install' });
    expect(taken.ok).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('keep me\n');
    expect((await lstat(path.join(dir, LOCK_FILE))).isFile()).toBe(true);
    if (taken.ok) await taken.lock?.release();
  });
});

describe.skipIf(!CAN_CREATE_USERS)(
  `job lock against another local user${CAN_CREATE_USERS ? '' : ' — skipped: needs root on Linux to create a user'}`,
  () => {
    const users = localUsers();
    afterAll(() => users.removeAll());

    it('a folder another user can write, with a planted link to a root file: refused as unsafe, the file untouched', async () => {
      const mallory = await users.create('mstlock');
      const dir = path.join(work, 'mallory-owned');
      await mkdir(dir);
      await chown(dir, mallory.uid, mallory.gid);
      const victim = path.join(work, 'root-only.conf');
      await writeFile(victim, 'root data\n', { mode: 0o600 });
      // What Mallory does: a link named like the lock, to a root-owned file, and a fake holder of her own.
      await symlink(victim, path.join(dir, LOCK_FILE));
      await writeFile(
        path.join(dir, 'job.lock.takeover'),
        JSON.stringify({ pid: 1, startTicks: null, frontDoor: 'cli', kind: 'install', since: 0, token: 'm' }),
      );
      await chown(path.join(dir, 'job.lock.takeover'), mallory.uid, mallory.gid);
      const err = await acquireJobLock(dir, { frontDoor: 'cli', kind: 'install' }).then(
        () => null,
        (e: unknown) => e as { code?: string; message?: string },
      );
      expect(err?.code).toBe('job.lockUnsafe');
      expect(err?.message).toContain(dir);
      expect(await readFile(victim, 'utf8')).toBe('root data\n');
      expect((await lstat(path.join(dir, LOCK_FILE))).isSymbolicLink()).toBe(true);
    });
  },
);
