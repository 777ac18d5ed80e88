import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SystemPaths } from '../../../main/platform/system-paths';
import { checkDiskSpace, diskCheck, freeBytesAt, nearestExistingAncestor } from '../../../main/platform/disk-space';

describe('disk space checks (real statfs on a temp root)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'ms-disk-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('measures free space as statfs bavail × bsize', async () => {
    const stats = statfsSync(root);
    const free = await freeBytesAt(root);
    // Other processes write to the same file system meanwhile: compare within 64 MB.
    expect(Math.abs(free - stats.bavail * stats.bsize)).toBeLessThan(64 * 1024 * 1024);
    expect(free).toBeGreaterThan(0);
  });

  it('uses the nearest existing ancestor of a folder that does not exist yet, never above the root', async () => {
    mkdirSync(path.join(root, 'usr/local'), { recursive: true });
    expect(await nearestExistingAncestor(path.join(root, 'usr/local/ASR/Vx'), root)).toBe(path.join(root, 'usr/local'));
    expect(await nearestExistingAncestor(path.join(root, 'opt/x'), root)).toBe(root);
    expect(await nearestExistingAncestor(path.join(root, 'gone/a'), path.join(root, 'gone'))).toBeNull();
  });

  it('checks the Linux prerequisites under the root prefix, with a verdict per path', async () => {
    const checks = await checkDiskSpace(new SystemPaths(root), [
      { path: '/', requiredBytes: 1 },
      { path: '/usr/local/ASR', requiredBytes: Number.MAX_SAFE_INTEGER },
    ]);
    expect(checks).toHaveLength(2);
    expect(checks[0]).toMatchObject({ path: '/', ok: true });
    expect(checks[1]).toMatchObject({ path: '/usr/local/ASR', ok: false });
    expect(checks[1]?.freeBytes).toBeGreaterThan(0);
  });

  it('answers "unknown" rather than failing when the root itself is missing', async () => {
    const checks = await checkDiskSpace(new SystemPaths(path.join(root, 'missing')), [{ path: '/', requiredBytes: 1 }]);
    expect(checks).toEqual([{ path: '/', requiredBytes: 1, freeBytes: null, ok: null }]);
  });

  it('diskCheck compares free bytes with the requirement', () => {
    expect(diskCheck({ path: '/', requiredBytes: 100 }, 100).ok).toBe(true);
    expect(diskCheck({ path: '/', requiredBytes: 100 }, 99).ok).toBe(false);
    expect(diskCheck({ path: '/', requiredBytes: 100 }, null).ok).toBeNull();
  });
});
