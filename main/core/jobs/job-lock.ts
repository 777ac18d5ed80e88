/**
 * One job (install, register, uninstall, …) at a time on this machine, across processes and front doors: two
 * CLIs, the CLI and the wizard, two browser tabs. The vendor's installer refuses a second instance with exit 41;
 * this lock says so at once, naming who holds it and since when, before anything runs.
 *
 * API (wired into the job engine and the front doors in the next round):
 *   const attempt = await acquireJobLock(lockDir, { frontDoor: 'cli', kind: 'install' });
 *   if (!attempt.ok) → attempt.error is a UserError 'job.busy' (exit 41) naming attempt.holder;
 *   attempt.tookOverFrom is the dead holder whose lock was taken over (log it), or null;
 *   await attempt.lock.release() at the job's end, in every outcome.
 *
 * How: the lock is `<lockDir>/job.lock`, a small JSON file (pid, process start time, front door, job kind, start
 * time, a random token) written completely to a temporary file first and then hard-linked into place: link(2)
 * fails if the name exists (even as a symlink), so the lock appears atomically and whole, exactly like an O_EXCL
 * create, and is never followed. A lock whose process is gone (pid missing, or reused by a process that started
 * later) is taken over: the takeover is serialised by a second lock (`job.lock.takeover`) so two processes that
 * both find the dead holder cannot both win. The folder must be root's or the running user's and writable by
 * nobody else (like the log folder, /var/log/mobility-setup); otherwise another local user could plant a link or
 * a fake holder there, so it is refused with 'job.lockUnsafe' instead. A lock file is believed only when root or
 * the running user owns it.
 *
 * A person who is not root (the wizard that elevates through pkexec) cannot write root's folder: the lock is
 * only checked then (a live holder refuses the job; a lock it cannot read does not), and the attempt says it is
 * not held (`lock: null`, `notHeld`).
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../common/result';
import { isTrustedOwner, trustedFolderAccess } from './private-folder';
import { isProcessAlive, processStartTicks } from './process-alive';

export type FrontDoor = 'cli' | 'browser' | 'electron';

export interface LockHolder {
  pid: number;
  /** Linux start time of the holder's process (clock ticks since boot), to tell a reused pid; null elsewhere. */
  startTicks: string | null;
  frontDoor: FrontDoor;
  /** The kind of job, e.g. "install". */
  kind: string;
  /** When the job took the lock (ms since the epoch). */
  since: number;
}

export interface HeldJobLock {
  readonly holder: LockHolder;
  /** Removes the lock if it is still this one's; safe to call more than once. */
  release(): Promise<void>;
}

export type LockAttempt =
  | { ok: true; lock: HeldJobLock; tookOverFrom: LockHolder | null }
  /** Checked, not held: the folder is root's and this process is not root (why, for the app log). */
  | { ok: true; lock: null; tookOverFrom: null; notHeld: string }
  | { ok: false; holder: LockHolder; error: UserError };

export const LOCK_FILE = 'job.lock';
const TAKEOVER_FILE = 'job.lock.takeover';
const MAX_LOCK_BYTES = 4096;
const O_NOFOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

const FRONT_DOOR_NAME: Record<FrontDoor, string> = {
  cli: 'the command line',
  browser: 'the wizard in a browser',
  electron: 'the wizard window',
};

interface Stored extends LockHolder {
  token: string;
}

/** What a lock file holds, or 'invalid' (empty, garbled, a link, another user's): only a crash or an attack makes one. */
type Observed = { kind: 'held'; stored: Stored; ino: number } | { kind: 'invalid'; ino: number } | { kind: 'absent' };

function parseStored(text: string): Stored | null {
  try {
    const v = JSON.parse(text) as Partial<Stored>;
    const ok =
      Number.isInteger(v.pid) &&
      typeof v.kind === 'string' &&
      typeof v.token === 'string' &&
      typeof v.since === 'number' &&
      (v.frontDoor === 'cli' || v.frontDoor === 'browser' || v.frontDoor === 'electron') &&
      (v.startTicks === null || typeof v.startTicks === 'string');
    return ok ? (v as Stored) : null;
  } catch {
    return null;
  }
}

/** Reads a lock without following a link; one that is not a small regular file of root or this user is 'invalid'. */
async function observe(file: string): Promise<Observed> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    const info = await lstat(file).catch(() => null);
    return info ? { kind: 'invalid', ino: info.ino } : { kind: 'absent' };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || !isTrustedOwner(info.uid) || info.size > MAX_LOCK_BYTES)
      return { kind: 'invalid', ino: info.ino };
    const stored = parseStored(await handle.readFile('utf8'));
    return stored ? { kind: 'held', stored, ino: info.ino } : { kind: 'invalid', ino: info.ino };
  } finally {
    await handle.close();
  }
}

/** Creates `target` holding `content`, whole, or returns false if the name exists (a file, a link, anything). */
async function createWhole(dir: string, target: string, content: string): Promise<boolean> {
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | O_NOFOLLOW, 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    // A full log folder: no empty temporary file is left behind.
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await link(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function describeHolder(holder: LockHolder): string {
  const article = /^[aeiou]/i.test(holder.kind) ? 'an' : 'a';
  return `${article} ${holder.kind} started ${new Date(holder.since).toISOString()} by process ${holder.pid} (${FRONT_DOOR_NAME[holder.frontDoor]})`;
}

/** Every job kind takes the lock, so the refusal names them all. */
export const ONE_JOB_AT_A_TIME =
  'Only one job (an install, a registration, an uninstall or an anti-virus fix) can run at a time.';

function busy(holder: LockHolder): LockAttempt {
  return {
    ok: false,
    holder,
    error: new UserError(
      'job.busy',
      `Another job is running on this machine: ${describeHolder(holder)}. ${ONE_JOB_AT_A_TIME}`,
      'Wait for it to finish (or cancel it where it was started), then try again.',
      { pid: holder.pid, frontDoor: holder.frontDoor, kind: holder.kind, since: new Date(holder.since).toISOString() },
    ),
  };
}

const holderOf = ({ token: _token, ...holder }: Stored): LockHolder => holder;
const alive = (s: Stored) => isProcessAlive(s.pid, s.startTicks);

/**
 * Removes a dead holder's lock, serialised by the takeover lock: under it, the lock is read again and removed
 * only if it is still the same dead one. Returns false when another process is taking over right now.
 */
async function takeOver(dir: string, lockFile: string, seen: Observed & { ino: number }, me: Stored): Promise<boolean> {
  const guardFile = path.join(dir, TAKEOVER_FILE);
  if (!(await createWhole(dir, guardFile, JSON.stringify(me)))) {
    const guard = await observe(guardFile);
    // A takeover is a few milliseconds; a guard left by a process that died inside one is removed.
    if (guard.kind !== 'held' || !alive(guard.stored)) await unlink(guardFile).catch(() => undefined);
    return false;
  }
  try {
    const again = await observe(lockFile);
    const same =
      again.kind !== 'absent' && again.ino === seen.ino && (again.kind === 'invalid' || !alive(again.stored));
    if (same) await unlink(lockFile).catch(() => undefined);
    return true;
  } finally {
    await unlink(guardFile).catch(() => undefined);
  }
}

export async function acquireJobLock(
  lockDir: string,
  who: { frontDoor: FrontDoor; kind: string; now?: number },
): Promise<LockAttempt> {
  const access = await trustedFolderAccess(lockDir, 'job.lockUnsafe', 'the job lock');
  const lockFile = path.join(lockDir, LOCK_FILE);
  if (access === 'readOnly') return checkOnly(lockFile);
  const me: Stored = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    frontDoor: who.frontDoor,
    kind: who.kind,
    since: who.now ?? Date.now(),
    token: randomBytes(16).toString('hex'),
  };
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await createWhole(lockDir, lockFile, `${JSON.stringify(me)}\n`)) {
      return { ok: true, tookOverFrom, lock: heldLock(lockFile, me) };
    }
    const seen = await observe(lockFile);
    if (seen.kind === 'absent') continue;
    if (seen.kind === 'held' && alive(seen.stored)) return busy(holderOf(seen.stored));
    if (await takeOver(lockDir, lockFile, seen, me)) {
      if (seen.kind === 'held') tookOverFrom = holderOf(seen.stored);
    } else {
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
    }
  }
  throw new UserError(
    'job.lockStuck',
    `The job lock ${lockFile} could not be taken or read.`,
    `Check ${lockDir}, remove ${lockFile} if no job is running, then try again.`,
  );
}

/** Root's lock, seen by a process that is not root: refused while root's job runs, never for what it cannot read. */
async function checkOnly(lockFile: string): Promise<LockAttempt> {
  const seen = await observe(lockFile);
  if (seen.kind === 'held' && alive(seen.stored)) return busy(holderOf(seen.stored));
  const what = seen.kind === 'invalid' ? 'a lock it cannot read is there' : 'no job holds it';
  return {
    ok: true,
    lock: null,
    tookOverFrom: null,
    notHeld: `the folder is root's and this process is not root (${what})`,
  };
}

function heldLock(lockFile: string, me: Stored): HeldJobLock {
  let released = false;
  return {
    holder: holderOf(me),
    async release() {
      if (released) return;
      released = true;
      const now = await observe(lockFile);
      // Only our own lock: after a takeover (we were thought dead) it may be someone else's.
      if (now.kind === 'held' && now.stored.token === me.token) await unlink(lockFile).catch(() => undefined);
    },
  };
}
