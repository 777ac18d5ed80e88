/**
 * The planted-installer attack through the real, built CLI: another local user's installer, a world-writable
 * installer folder, a 0666 installer, and a SHA256SUMS that does not list the installer. Each exits 72 and
 * the vendor installer never runs (it appends every invocation to the sandbox's /var/log/ua_install.log).
 */
import { existsSync } from 'node:fs';
import { chmod, chown, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes';
import { PASSPHRASE, TOKEN, makeInstaller, readVx, useInstallTestSetup } from '../core/install/install-world';
import { CAN_CREATE_USERS, localUsers } from '../helpers/local-user';
import type { LocalUser } from '../helpers/local-user';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();
const users = localUsers();
let mallory: LocalUser;
beforeAll(async () => {
  if (CAN_CREATE_USERS) mallory = await users.create('mstc');
});
afterAll(() => users.removeAll());

async function sandbox() {
  const { root, installerDir } = await setup.rootWithInstaller();
  const passphraseFile = path.join(root, 'MobSvc.passphrase');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  const [installer] = await readdir(installerDir);
  return { root, installerDir, passphraseFile, installer: path.join(installerDir, installer!) };
}

const args = (s: { root: string; installerDir: string; passphraseFile: string }, json = true) => [
  '--root',
  s.root,
  ...(json ? ['--json'] : []),
  'install',
  '--installer-dir',
  s.installerDir,
  '--cs-endpoint',
  setup.cs.endpoint,
  '--passphrase-file',
  s.passphraseFile,
  '--yes',
];

/** Nothing of the vendor's ran: no installer log line, no agent state. */
async function expectNothingRan(root: string): Promise<void> {
  expect(existsSync(path.join(root, 'var/log/ua_install.log'))).toBe(false);
  expect((await readVx(root)).size).toBe(0);
}

const ready = BUILT && CAN_CREATE_USERS;
describe.skipIf(!ready)(
  `install refuses a planted installer (built CLI, real other user)${ready ? '' : ` — skipped: ${BUILT ? 'needs root to create users' : NOT_BUILT_REASON}`}`,
  () => {
    it("another user's newer installer in the folder: exit 72, owner named, nothing ran", async () => {
      const s = await sandbox();
      const planted = await makeInstaller(s.installerDir, {}, '9.66.0.0', TOKEN);
      await chown(planted, mallory.uid, mallory.gid);
      const result = await runCli(args(s, false));
      expect(result.code).toBe(EXIT.installerIntegrity);
      expect(result.stderr).toContain(`belongs to ${mallory.name} (uid ${mallory.uid})`);
      expect(result.stderr).toContain('chown root:root');
      await expectNothingRan(s.root);
    });

    it('a world-writable installer folder without the sticky bit: exit 72, nothing ran', async () => {
      const s = await sandbox();
      await chmod(s.installerDir, 0o777);
      const result = await runCli(args(s));
      expect(result.code).toBe(EXIT.installerIntegrity);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: false,
        exitCode: 72,
        error: { code: 'installer.untrusted' },
      });
      expect(JSON.parse(result.stdout).error.message).toContain('mode 0777');
      await expectNothingRan(s.root);
    });

    it('a 0666 installer: exit 72, nothing ran', async () => {
      const s = await sandbox();
      await chmod(s.installer, 0o666);
      const result = await runCli(args(s));
      expect(result.code).toBe(EXIT.installerIntegrity);
      expect(JSON.parse(result.stdout).error.message).toContain('can be changed by other users (mode 0666)');
      await expectNothingRan(s.root);
    });

    it('a SHA256SUMS that does not list the chosen installer is a mismatch: exit 72, nothing ran', async () => {
      const s = await sandbox();
      await writeFile(
        path.join(s.installerDir, 'SHA256SUMS'),
        `${'ab'.repeat(32)}  Microsoft-ASR_UA_9.64.0.0_${TOKEN}_GA_1Jan2025_release.tar.gz\n`,
      );
      const result = await runCli(args(s));
      expect(result.code).toBe(EXIT.installerIntegrity);
      const out = JSON.parse(result.stdout);
      expect(out.result.installer).toMatchObject({ checksum: 'mismatch', expectedSha256: null });
      expect(out.result.job.outcome.code).toBe('installer.checksumMismatch');
      await expectNothingRan(s.root);
    });

    it('shows who owns the chosen installer: stderr before the job, and "installer" in --json', async () => {
      const s = await sandbox();
      const text = await runCli(args(s, false));
      expect(text.code).toBe(0);
      expect(text.stderr).toMatch(
        /^Installer:\s+Microsoft-ASR_UA_9\.65\.0\.0_\S+ \(version 9\.65\.0\.0\), owner root \(uid 0\), mode 0644$/m,
      );
      const json = await runCli(args(s));
      expect(JSON.parse(json.stdout).result.installer.owner).toEqual({ uid: 0, user: 'root', gid: 0, mode: '0644' });
    });
  },
);
