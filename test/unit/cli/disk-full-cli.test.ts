import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANNOT_MOUNT_REASON, withSmallTmpfs } from '../helpers/small-tmpfs';
import { useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON, fingerprint } from './cli-world';
import { installOnlyArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();
const SKIP = !BUILT ? NOT_BUILT_REASON : CANNOT_MOUNT_REASON;

/** Fills the file system of `dir` to the last byte: a log folder that is full, not merely small. */
async function fill(dir: string): Promise<void> {
  const filler = await open(path.join(dir, 'filler'), 'w');
  try {
    const chunk = Buffer.alloc(4096, 1);
    for (;;) await filler.write(chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await filler.close();
  }
}

describe.skipIf(SKIP !== null)(
  `a full disk through the built CLI (16 KB tmpfs)${SKIP ? ` — skipped: ${SKIP}` : ''}`,
  () => {
    it('a full work folder: exit 75, "not enough free disk space" naming the folder, nothing left in it, nothing installed', async () => {
      const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
      // The sandbox's work folder (where the private copy and the extraction go) is <root>/tmp.
      const work = path.join(root, 'tmp');
      const before = await fingerprint(path.join(root, 'usr'));
      const { result, left } = await withSmallTmpfs(work, 16, async () => {
        const r = await runCli(installOnlyArgs(root, installerDir, { json: true }));
        return {
          result: r,
          left: (await readdir(work)).filter(
            (n) => n.startsWith('mobility-setup-installer-') || n.startsWith('mobility-setup-extract-'),
          ),
        };
      });
      expect(result.code).toBe(75);
      const outcome = JSON.parse(result.stdout).result.job.outcome;
      expect(outcome.code).toBe('install.diskSpace');
      expect(outcome.message).toMatch(
        new RegExp(
          `^Not enough free disk space in ${work} \\(\\d+ KB free\\): (copying|unpacking) the installer.* needed \\d+(\\.\\d)? (KB|MB)\\.`,
        ),
      );
      expect(outcome.message).not.toMatch(/damaged/);
      expect(left).toEqual([]);
      expect(await fingerprint(path.join(root, 'usr'))).toEqual(before);
    });

    it('the vendor installer fills a small volume under the install folder: exit 75, naming that folder and what the install folder needs', async () => {
      const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
      // The check step measures /usr/local/ASR (on the big disk); the installer then writes into Vx, 8 KB.
      const result = await withSmallTmpfs(path.join(root, 'usr/local/ASR/Vx'), 8, () =>
        runCli(installOnlyArgs(root, installerDir, { json: true })),
      );
      expect(result.code, result.stderr).toBe(75);
      const outcome = JSON.parse(result.stdout).result.job.outcome;
      expect(outcome.code).toBe('install.diskSpace');
      expect(outcome.message).toMatch(
        /^Not enough free disk space in \/usr\/local\/ASR\/Vx\/bin \(\d+ KB free\): the installer ran out of space writing there \("cp: error writing '\/usr\/local\/ASR\/Vx\/bin\/[^']+': No space left on device"\)\. The Mobility service needs 250\.0 MB free in its install folder \/usr\/local\/ASR\.$/,
      );
      expect(outcome.message).not.toMatch(/Unexpected installer error|vendor log/);
      expect(outcome.hint).toContain('Free at least 250.0 MB in /usr/local/ASR/Vx/bin');
      expect(outcome.exitCode).toBe(1);
      expect(outcome.machineState).toMatch(
        /^The Mobility service is not installed: the installer stopped before it finished/,
      );
    });

    it('a full log folder: the install succeeds (exit 0) and the job log says it stopped logging', async () => {
      const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
      const logDir = path.join(root, 'var/log/mobility-setup');
      const { result, left } = await withSmallTmpfs(logDir, 64, async () => {
        await fill(logDir);
        const r = await runCli([...installOnlyArgs(root, installerDir, { json: true }), '--verbose']);
        return { result: r, left: await readdir(path.join(logDir, 'jobs')) };
      });
      // The lock and the journal could not be written: no half-written temporary file of theirs stays.
      expect(left).toEqual([]);
      expect(result.code, result.stderr).toBe(0);
      const job = JSON.parse(result.stdout).result.job;
      expect(job.outcome.code).toBe('install.succeeded');
      expect(result.stderr).toMatch(
        /Mobility Setup stopped writing the job log \S+: its disk is full \(ENOSPC\)\. The job goes on/,
      );
    });

    it('a full install folder: refused before anything runs with exit 75, naming the folder and what it needs', async () => {
      const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
      const result = await withSmallTmpfs(path.join(root, 'usr/local/ASR'), 16, () =>
        runCli(installOnlyArgs(root, installerDir, { json: true })),
      );
      expect(result.code).toBe(75);
      const outcome = JSON.parse(result.stdout).result.job.outcome;
      expect(outcome).toMatchObject({
        code: 'install.diskSpace',
        machineState: 'Nothing was changed on this machine.',
      });
      expect(outcome.message).toBe('Not enough free disk space (/usr/local/ASR: 0 MB free, 250 MB needed).');
    });
  },
);
