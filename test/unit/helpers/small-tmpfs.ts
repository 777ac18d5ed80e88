/**
 * A really full disk for fault tests: a small tmpfs mounted over a folder (the tests run as root). The mount is
 * always undone (`finally`), even when the test body throws; where mounting is not permitted (not root, a
 * container without CAP_SYS_ADMIN) the tests skip and say why instead of pretending.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function probeMount(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'mounting a tmpfs needs root on Linux';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch (err) {
    return `mount -t tmpfs is not permitted here (${(err as Error).message.split('\n')[0] ?? 'failed'})`;
  } finally {
    rmdirSync(dir);
  }
}

/** Why the tmpfs tests cannot run here, or null when they can. */
export const CANNOT_MOUNT_REASON = probeMount();

/** Runs `fn` with a `sizeKb` tmpfs mounted over `dir` (created if missing); unmounts in every outcome. */
export async function withSmallTmpfs<T>(dir: string, sizeKb: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir]);
  try {
    return await fn();
  } finally {
    // Lazy unmount if a child still holds a file there: the mount must never outlive the test.
    await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
  }
}
