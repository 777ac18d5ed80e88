/**
 * The planted-installer attack, for real: another local user (created here with useradd) owns the installer
 * or its folder, or the file or folder is writable by others. The finder must refuse before anything runs.
 */
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../common/result';
import { findInstaller } from '../../../../main/core/installer/installer-finder';
import { checkInstallerTrust, modeText, userNames } from '../../../../main/core/installer/installer-trust';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import type { LocalUser } from '../../helpers/local-user';
import { linuxProfile } from '../../../../main/platform/linux/profile';

const TOKEN = 'UBUNTU-22.04-64';
const installerName = (v: string) => `Microsoft-ASR_UA_${v}_${TOKEN}_GA_23Apr2025_release.tar.gz`;

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).code).toBe('installer.untrusted');
  return err as UserError;
}

describe.skipIf(!CAN_CREATE_USERS)(
  `installer trust (StrictModes)${CAN_CREATE_USERS ? '' : ' — skipped: needs root on Linux to create users'}`,
  () => {
    const users = localUsers();
    let mallory: LocalUser;
    let outside: string;
    let dir: string;
    beforeAll(async () => {
      mallory = await users.create('mstm');
    });
    afterAll(() => users.removeAll());
    beforeEach(async () => {
      outside = await mkdtemp(path.join(os.tmpdir(), 'trust-test-'));
      dir = path.join(outside, 'installers');
      await mkdir(dir, { mode: 0o755 });
      await chmod(dir, 0o755);
      await writeFile(path.join(dir, installerName('9.65.0.0')), 'genuine', { mode: 0o644 });
    });
    afterEach(async () => {
      await rm(outside, { recursive: true, force: true });
    });

    it('accepts a root-owned file in a root-owned folder and reports its owner and mode', async () => {
      const choice = await findInstaller(dir, TOKEN, linuxProfile.installer);
      expect(choice.owner).toEqual({ uid: 0, user: 'root', gid: 0, mode: '0644' });
    });

    it('refuses a newer installer planted by another user (owner named, chown advised)', async () => {
      const planted = path.join(dir, installerName('9.99.0.0'));
      await writeFile(planted, 'evil', { mode: 0o644 });
      await chown(planted, mallory.uid, mallory.gid);
      const err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
      expect(err.message).toContain(`${mallory.name} (uid ${mallory.uid})`);
      expect(err.message).toContain(planted);
      expect(err.message).toContain('nothing ran');
      expect(err.hint).toContain(`chown root:root '${planted}'`);
      expect(err.params).toMatchObject({ uid: mallory.uid, mode: '0644' });
    });

    it('refuses a file writable by others (0666) or by its group (0664)', async () => {
      const file = path.join(dir, installerName('9.65.0.0'));
      for (const mode of [0o666, 0o664, 0o646]) {
        await chmod(file, mode);
        const err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
        expect(err.message).toContain(`mode ${modeText(mode)}`);
        expect(err.hint).toContain('chmod go-w');
      }
    });

    it('refuses a folder writable by others without the sticky bit, even with a genuine root-owned file in it', async () => {
      await chmod(dir, 0o777);
      const err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
      expect(err.message).toContain(
        `The installer folder ${dir} can be written by other users (mode 0777) and has no sticky bit`,
      );
      expect(err.hint).toContain(`chmod go-w '${dir}'`);
    });

    it("accepts a sticky world-writable folder (like /tmp) for a root-owned file, but not another user's file there", async () => {
      await chmod(dir, 0o1777);
      expect((await findInstaller(dir, TOKEN, linuxProfile.installer)).owner?.uid).toBe(0);
      const planted = path.join(dir, installerName('9.70.0.0'));
      await writeFile(planted, 'evil', { mode: 0o644 });
      await chown(planted, mallory.uid, mallory.gid);
      await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
    });

    it('refuses a folder owned by another user', async () => {
      await chown(dir, mallory.uid, mallory.gid);
      const err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
      expect(err.message).toContain(`The installer folder ${dir} belongs to ${mallory.name} (uid ${mallory.uid})`);
    });

    it('refuses when a folder above it can be replaced by others (writable, not sticky) or belongs to another user', async () => {
      await chmod(outside, 0o777);
      let err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
      expect(err.message).toContain(`The folder ${outside}, which holds the installer folder,`);
      await chmod(outside, 0o755);
      await chown(outside, mallory.uid, mallory.gid);
      err = await refusal(findInstaller(dir, TOKEN, linuxProfile.installer));
      expect(err.message).toContain(`belongs to ${mallory.name}`);
    });

    it("for a non-root user: their own file is fine, another user's is not", async () => {
      const ownDir = path.join(outside, 'own');
      await mkdir(ownDir, { mode: 0o755 });
      const file = path.join(ownDir, installerName('9.65.0.0'));
      await writeFile(file, 'x', { mode: 0o644 });
      await chown(ownDir, mallory.uid, mallory.gid);
      await chown(file, mallory.uid, mallory.gid);
      // As mallory, her own file in her own folder passes; root's files would too.
      expect(await checkInstallerTrust(file, ownDir, mallory.uid)).toMatchObject({
        uid: mallory.uid,
        user: mallory.name,
      });
      // As a third user, mallory's file is someone else's.
      const err = await refusal(checkInstallerTrust(file, ownDir, mallory.uid + 1));
      expect(err.message).toContain(`not to root or`);
    });

    it('names users from the passwd database', async () => {
      const names = await userNames();
      expect(names.get(0)).toBe('root');
      expect(names.get(mallory.uid)).toBe(mallory.name);
    });
  },
);
