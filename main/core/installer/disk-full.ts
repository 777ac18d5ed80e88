/**
 * A full disk (ENOSPC) or a used-up quota (EDQUOT) while the installer is copied or unpacked is said as such:
 * the code for "not enough free disk space" (install.diskSpace, exit 75), the folder, how much the step needed
 * and how much is free. Before this, a full work folder surfaced as "the archive is damaged" and sent people to
 * download a good installer again.
 */
import { statfs } from 'node:fs/promises';
import { UserError } from '../../../common/result';

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/** True when `err` (or what it wraps: tar and streams pass the fs error on as `cause`) is a full disk or quota. */
export function isDiskFull(err: unknown): boolean {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth += 1
  ) {
    if (DISK_FULL.has(String((e as NodeJS.ErrnoException).code))) return true;
  }
  return false;
}

/** A size as a person reads it: KB below a megabyte, MB with one decimal above. */
export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** Free bytes where `folder` lives, or null when they cannot be read. */
export async function freeBytes(folder: string): Promise<number | null> {
  try {
    const stats = await statfs(folder);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

/**
 * The UserError for a full disk or quota in `folder` while `what` ("copying the installer") needed `neededBytes`.
 * Called after the half-written files are removed, so the free space it reports is what the person has to work with.
 */
export async function diskFullError(folder: string, what: string, neededBytes: number | null): Promise<UserError> {
  const free = await freeBytes(folder);
  const needed = neededBytes === null ? '' : ` needed ${megabytes(neededBytes)}`;
  const freeText = free === null ? '' : ` (${megabytes(free)} free)`;
  return new UserError(
    'install.diskSpace',
    `Not enough free disk space in ${folder}${freeText}: ${what}${needed}. The partial files were removed; nothing was installed.`,
    `Free at least ${neededBytes === null ? 'some' : megabytes(neededBytes)} in ${folder} (or the file system holding it), then run the install again.`,
    { folder, ...(neededBytes === null ? {} : { neededBytes: String(neededBytes) }) },
  );
}
