import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DiskCheck } from '../../common/detection';
import type { SystemPaths } from './system-paths';

/** A prerequisite: this much free space where this system path lives. */
export interface DiskRequirement {
  path: string;
  requiredBytes: number;
}

export const MB = 1024 * 1024;
export const GB = 1024 * MB;

/**
 * The install folder usually does not exist yet: its free space is that of the nearest existing
 * ancestor (the file system it will be created on). Never climbs above the root prefix.
 */
export async function nearestExistingAncestor(realPath: string, stopAt: string): Promise<string | null> {
  let current = path.resolve(realPath);
  const stop = path.resolve(stopAt);
  for (;;) {
    try {
      await fs.stat(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (current === stop || parent === current) return null;
      current = parent;
    }
  }
}

/** Free bytes available to an unprivileged writer (bavail), as `df` reports them. */
export async function freeBytesAt(realPath: string): Promise<number> {
  const stats = await fs.statfs(realPath);
  return Number(stats.bavail) * Number(stats.bsize);
}

/** Pure: the verdict of one requirement given the free bytes (null when they could not be read). */
export function diskCheck(requirement: DiskRequirement, freeBytes: number | null): DiskCheck {
  return { ...requirement, freeBytes, ok: freeBytes === null ? null : freeBytes >= requirement.requiredBytes };
}

/** The requirements with the install folder's one moved to the folder that will be used (the default otherwise). */
export function requirementsFor(
  requirements: readonly DiskRequirement[],
  defaultInstallDir: string,
  installDir: string | undefined,
): DiskRequirement[] {
  if (installDir === undefined) return [...requirements];
  return requirements.map((r) => (r.path === defaultInstallDir ? { ...r, path: installDir } : r));
}

export async function checkDiskSpace(
  paths: SystemPaths,
  requirements: readonly DiskRequirement[],
): Promise<DiskCheck[]> {
  return Promise.all(
    requirements.map(async (requirement) => {
      try {
        const existing = await nearestExistingAncestor(
          paths.resolve(requirement.path),
          paths.resolve(path.parse(requirement.path).root),
        );
        return diskCheck(requirement, existing === null ? null : await freeBytesAt(existing));
      } catch {
        return diskCheck(requirement, null);
      }
    }),
  );
}
