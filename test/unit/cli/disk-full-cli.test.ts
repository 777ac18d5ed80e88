import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANNOT_MOUNT_REASON, withSmallTmpfs } from '../helpers/small-tmpfs';
import { useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON, fingerprint, runCli } from './cli-world';

const setup = useInstallTestSetup();
const SKIP = !BUILT ? NOT_BUILT_REASON : CANNOT_MOUNT_REASON;

const installOnly = (root: string, installerDir: string) => [
  '--root', root, '--json', 'install', '--installer-dir', installerDir, '--no-register', '--server-kind', 'classic', '--yes',
];

describe.skipIf(SKIP !== null)(`a full disk through the built CLI (16 KB tmpfs)${SKIP ? ` — skipped: ${SKIP}` : ''}`, () => {
  it('a full work folder: exit 75, "not enough free disk space" naming the folder, nothing left in it, nothing installed', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
    // The sandbox's work folder (where the private copy and the extraction go) is <root>/tmp.
    const work = path.join(root, 'tmp');
    const before = await fingerprint(path.join(root, 'usr'));
    const { result, left } = await withSmallTmpfs(work, 16, async () => {
      const r = await runCli(installOnly(root, installerDir));
      return { result: r, left: (await readdir(work)).filter((n) => n.startsWith('mobility-setup-installer-') || n.startsWith('mobility-setup-extract-')) };
    });
    expect(result.code).toBe(75);
    const outcome = JSON.parse(result.stdout).result.job.outcome;
    expect(outcome.code).toBe('install.diskSpace');
    expect(outcome.message).toMatch(new RegExp(`^Not enough free disk space in ${work} \\(\\d+ KB free\\): (copying|unpacking) the installer.* needed \\d+(\\.\\d)? (KB|MB)\\.`));
    expect(outcome.message).not.toMatch(/damaged/);
    expect(left).toEqual([]);
    expect(await fingerprint(path.join(root, 'usr'))).toEqual(before);
  });

  it('a full install folder: refused before anything runs with exit 75, naming the folder and what it needs', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
    const result = await withSmallTmpfs(path.join(root, 'usr/local/ASR'), 16, () => runCli(installOnly(root, installerDir)));
    expect(result.code).toBe(75);
    const outcome = JSON.parse(result.stdout).result.job.outcome;
    expect(outcome).toMatchObject({ code: 'install.diskSpace', machineState: 'Nothing was changed on this machine.' });
    expect(outcome.message).toBe('Not enough free disk space (/usr/local/ASR: 0 MB free, 250 MB needed).');
  });
});
