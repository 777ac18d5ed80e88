/**
 * Free space is checked where the agent will go. A real 10 MB tmpfs is mounted at the chosen install folder
 * (root only; skipped otherwise): the default folder has room, the chosen one does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readVx, useInstallTestSetup } from './install-world';

const setup = useInstallTestSetup();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

describe.skipIf(!isRoot)('install: free space at the install folder that will be used', () => {
  it('refuses a chosen folder on a file system without 250 MB free, although the default folder has room', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({});
    const small = path.join(root, 'opt', 'small');
    await mkdir(small, { recursive: true });
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=10m', 'tmpfs', small]);
    expect(mount.status).toBe(0);
    mounted.push(small);
    const installer = setup.installer(root);
    const job = await installer.run('startInstall', {
      installerDir,
      installDir: '/opt/small/ASR',
      registration: { mode: 'none', serverKind: 'classic' },
    });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('install.diskSpace');
    expect(job.outcome?.message).toMatch(
      /^Not enough free disk space \(\/opt\/small\/ASR: \d+ MB free, 250 MB needed\)\.$/,
    );
    expect((await readVx(root)).size).toBe(0);
    // The default folder, on the big disk, passes the same check.
    const fine = await setup
      .installer(root)
      .run('startInstall', { installerDir, registration: { mode: 'none', serverKind: 'classic' } });
    expect(fine.state).toBe('succeeded');
  });
});
