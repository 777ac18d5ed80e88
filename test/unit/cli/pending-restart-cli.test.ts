import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT, NOT_BUILT_REASON, fingerprint } from './cli-world';
import { installOnlyArgs, runCli } from '../../world/cli-process';
import { useInstallTestSetup } from '../core/install/install-world';

const setup = useInstallTestSetup();

/** A Debian sandbox with an installer and the marker apt's hooks write after a kernel or libc update. */
async function rootWithPendingRestart() {
  const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'debian-12' });
  await mkdir(path.join(root, 'var/run'), { recursive: true });
  await writeFile(path.join(root, 'var/run/reboot-required'), '*** System restart required ***\n');
  await writeFile(path.join(root, 'var/run/reboot-required.pkgs'), 'linux-image-6.1.0-18-amd64\n');
  return { root, installerDir };
}

describe.skipIf(!BUILT)(
  `pending restart through the built CLI${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`,
  () => {
    it('detect --json reports the marker; the text output says the install will refuse', async () => {
      const { root } = await rootWithPendingRestart();
      const json = await runCli(['--root', root, '--json', 'detect']);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout).result.pendingRestart).toEqual({
        pending: true,
        markers: [
          {
            source: 'rebootRequiredFile',
            detail: '/var/run/reboot-required exists (packages: linux-image-6.1.0-18-amd64)',
            // The same sentence as a code and its parameters, for the front doors' other languages.
            text: {
              code: 'restart.rebootRequiredFile.packages',
              params: { packages: 'linux-image-6.1.0-18-amd64', path: '/var/run/reboot-required' },
            },
          },
        ],
      });
      const text = await runCli(['--root', root, 'detect']);
      expect(text.stdout).toMatch(
        /Restart pending: +yes \(install refuses, exit 62\): \/var\/run\/reboot-required exists/,
      );
    });

    it('install refuses with exit 62 and changes nothing; --ignore-pending-restart installs', async () => {
      const { root, installerDir } = await rootWithPendingRestart();
      const before = await fingerprint(path.join(root, 'usr'));
      const refused = await runCli(installOnlyArgs(root, installerDir, { json: true }));
      expect(refused.code).toBe(62);
      const out = JSON.parse(refused.stdout);
      expect(out.result.job.outcome).toMatchObject({
        code: 'install.restartPending',
        machineState: 'Nothing was changed on this machine.',
      });
      expect(out.result.job.outcome.message).toContain('/var/run/reboot-required exists');
      expect(out.result.job.outcome.hint).toContain('--ignore-pending-restart');
      expect(await fingerprint(path.join(root, 'usr'))).toEqual(before);

      const forced = await runCli([...installOnlyArgs(root, installerDir, { json: true }), '--ignore-pending-restart']);
      expect(forced.code).toBe(0);
      expect(JSON.parse(forced.stdout).result.job).toMatchObject({ state: 'succeeded' });
    });
  },
);
