/**
 * The passphrase-file attacks, for real: a symbolic link (planted by another user) to a root-only file must
 * not send that file's first line to the server; a FIFO, a folder, a file others can write and a file of
 * another user are refused too. Each exits 2 before any job starts; the server receives nothing.
 */
import { execFile } from 'node:child_process';
import { chmod, chown, lchown, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/exit-codes';
import { PASSPHRASE, readVx, useInstallTestSetup } from '../core/install/install-world';
import { CAN_CREATE_USERS, localUsers } from '../helpers/local-user';
import type { LocalUser } from '../helpers/local-user';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();
const users = localUsers();
let mallory: LocalUser;
let shared: string;
beforeAll(async () => {
  if (CAN_CREATE_USERS) mallory = await users.create('mstp');
});
afterAll(() => users.removeAll());
beforeEach(async () => {
  shared = await mkdtemp(path.join(os.tmpdir(), 'passphrase-attack-'));
});
afterEach(async () => {
  await rm(shared, { recursive: true, force: true });
});

const ready = BUILT && CAN_CREATE_USERS;
describe.skipIf(!ready)(
  `--passphrase-file and --config-file are opened safely (built CLI)${ready ? '' : ` — skipped: ${BUILT ? 'needs root to create users' : NOT_BUILT_REASON}`}`,
  () => {
    it('a link (owned by another user) to a root-only file: refused, nothing sent to the server', async () => {
      const { root, installerDir } = await setup.rootWithInstaller();
      // A root-only file whose first line would pass as a passphrase (like a line of /etc/shadow).
      const rootOnly = path.join(shared, 'shadow');
      await writeFile(rootOnly, `${PASSPHRASE}\nroot:$y$j9T$secret:19000:0:99999:7:::\n`, { mode: 0o600 });
      const link = path.join(shared, 'MobSvc.passphrase');
      await symlink(rootOnly, link);
      await lchown(link, mallory.uid, mallory.gid);
      const before = setup.cs.registrations.length;
      const result = await runCli(installAndRegisterArgs(root, installerDir, setup.cs.endpoint, link));
      expect(result.code).toBe(EXIT.usage);
      expect(result.stderr).toContain(`The passphrase file ${link} is a symbolic link; give the file itself.`);
      expect(result.stderr + result.stdout).not.toContain(PASSPHRASE);
      expect(setup.cs.registrations.length).toBe(before);
      expect((await readVx(root)).size).toBe(0);
    });

    it("refuses a FIFO (without hanging), a folder, a group/other-writable file, another user's file; config.json too", async () => {
      const { root } = await setup.rootWithInstaller();
      const fifo = path.join(shared, 'fifo');
      await promisify(execFile)('mkfifo', [fifo]);
      const folder = path.join(shared, 'folder');
      await mkdir(folder);
      const writable = path.join(shared, 'writable');
      await writeFile(writable, `${PASSPHRASE}\n`);
      await chmod(writable, 0o666);
      const groupWritable = path.join(shared, 'group-writable');
      await writeFile(groupWritable, `${PASSPHRASE}\n`);
      await chmod(groupWritable, 0o620);
      const theirs = path.join(shared, 'theirs');
      await writeFile(theirs, `${PASSPHRASE}\n`, { mode: 0o600 });
      await chown(theirs, mallory.uid, mallory.gid);
      const cases: Array<[string, string]> = [
        [fifo, 'is not a regular file'],
        [folder, 'is not a regular file'],
        [writable, 'can be changed by other users (mode 0666). Make it private: chmod 600'],
        [groupWritable, 'can be changed by other users (mode 0620)'],
        [theirs, `belongs to another user (uid ${mallory.uid}), not to root`],
      ];
      for (const [file, message] of cases) {
        const register = await runCli([
          '--root',
          root,
          'register',
          '--cs-endpoint',
          setup.cs.endpoint,
          '--passphrase-file',
          file,
          '--yes',
        ]);
        expect(register.code, file).toBe(EXIT.usage);
        expect(register.stderr).toContain(`The passphrase file ${file} ${message}`);
        const config = await runCli(['--root', root, 'register', '--config-file', file, '--yes']);
        expect(config.code, file).toBe(EXIT.usage);
        expect(config.stderr).toContain(`The appliance configuration file ${file} ${message}`);
      }
      const link = path.join(shared, 'config-link.json');
      await symlink(theirs, link);
      expect((await runCli(['--root', root, 'register', '--config-file', link, '--yes'])).stderr).toContain(
        'is a symbolic link',
      );
    });
  },
);
