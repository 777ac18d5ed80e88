/**
 * Is the process that wrote a lock or a journal record still running? A pid alone is not enough: pids are
 * reused, so on Linux the process's start time (field 22 of /proc/<pid>/stat, in clock ticks since boot) is
 * recorded with it and compared. Elsewhere (Windows) the pid check is all there is.
 */
import { readFileSync } from 'node:fs';

/** The start time of `pid` in clock ticks since boot (Linux), or null where it cannot be read. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself contain spaces or ")": split after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** True while the process `pid` that started at `startTicks` (when known) exists. */
export function isProcessAlive(pid: number, startTicks: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to another user; only ESRCH means gone.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (startTicks === null) return true;
  const now = processStartTicks(pid);
  return now === null || now === startTicks;
}
