/**
 * A non-root user's secret folder, against another real local user (both created here with useradd): the
 * other user pre-creates the old fixed name in the shared temp folder, or offers a folder of theirs as
 * XDG_RUNTIME_DIR. The app, running as the first user in a real child process, must be unaffected and must
 * never use a folder someone else owns.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAN_CREATE_USERS, localUsers } from '../../helpers/local-user';
import type { LocalUser } from '../../helpers/local-user';

const SECRET_FILE_MODULE = path.resolve(__dirname, '../../../../main/core/jobs/secret-file.ts');

/** What the app saw, from inside withSecretFile, as the test user. */
interface Seen {
  base: string;
  file: string;
  content: string;
  fileMode: number;
  folderMode: number;
  baseMode: number;
  baseUid: number;
  uid: number;
}

const ENTRY = `
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { secretBaseFor, sweepSecretLeftovers, withSecretFile } from ${JSON.stringify(SECRET_FILE_MODULE)};
import os from 'node:os';
const mode = process.argv[2];
const base = secretBaseFor(os.tmpdir());
if (mode === 'sweep') {
  sweepSecretLeftovers(base).then((n) => console.log(JSON.stringify({ removed: n })));
} else {
  withSecretFile('canary-secret', async (file) => {
    if (mode === 'crash') process.exit(9);
    const folder = path.dirname(file);
    const b = await stat(path.dirname(folder));
    return { base: path.dirname(folder), file, content: await readFile(file, 'utf8'), fileMode: (await stat(file)).mode & 0o777,
      folderMode: (await stat(folder)).mode & 0o777, baseMode: b.mode & 0o777, baseUid: b.uid, uid: process.getuid() };
  }, { fileName: 'MobSvc.passphrase' }).then((seen) => console.log(JSON.stringify(seen)), (err) => { console.log(JSON.stringify({ error: err.code ?? err.message })); process.exitCode = 3; });
}
`;

describe.skipIf(!CAN_CREATE_USERS)(
  `secret folder of a non-root user${CAN_CREATE_USERS ? '' : ' — skipped: needs root on Linux to create users'}`,
  () => {
    const users = localUsers();
    let alice: LocalUser;
    let mallory: LocalUser;
    let work: string;
    let bundle: string;
    let sharedTmp: string;

    beforeAll(async () => {
      [alice, mallory] = await Promise.all([users.create('msta'), users.create('mstm')]);
      work = await mkdtemp(path.join(os.tmpdir(), 'secret-users-'));
      await chmod(work, 0o755);
      await writeFile(path.join(work, 'entry.ts'), ENTRY);
      bundle = path.join(work, 'secret-probe.cjs');
      await build({
        entryPoints: [path.join(work, 'entry.ts')],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        logLevel: 'silent',
      });
      await chmod(bundle, 0o644);
      // A shared temp folder like /tmp (root-owned, world-writable, sticky), private to this test.
      sharedTmp = path.join(work, 'tmp');
      await mkdir(sharedTmp);
      await chmod(sharedTmp, 0o1777);
    });
    afterAll(async () => {
      await rm(work, { recursive: true, force: true });
      await users.removeAll();
    });

    function runAs(
      user: LocalUser,
      mode: 'use' | 'crash' | 'sweep',
      env: Record<string, string> = {},
    ): Promise<{ code: number | null; out: Record<string, unknown> }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [bundle, mode], {
          uid: user.uid,
          gid: user.gid,
          cwd: '/',
          stdio: ['ignore', 'pipe', 'inherit'],
          env: { PATH: '/usr/bin:/bin', TMPDIR: sharedTmp, ...env },
        });
        let text = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
        child.on('error', reject);
        child.on('close', (code) =>
          resolve({ code, out: text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {} }),
        );
      });
    }

    it('another user pre-created the old fixed name /tmp/mobility-setup-secrets: the app is unaffected and does not use it', async () => {
      const planted = path.join(sharedTmp, 'mobility-setup-secrets');
      await mkdir(planted);
      await chown(planted, mallory.uid, mallory.gid);
      await chmod(planted, 0o777);
      const { code, out } = await runAs(alice, 'use');
      expect(code).toBe(0);
      const seen = out as unknown as Seen;
      expect(seen.content).toBe('canary-secret');
      expect(seen.uid).toBe(alice.uid);
      expect(seen.file.startsWith(`${planted}/`)).toBe(false);
      expect(path.dirname(seen.base)).toBe(sharedTmp);
      expect(path.basename(seen.base)).toMatch(new RegExp(`^mobility-setup-secrets-${alice.uid}-\\d+-[0-9a-f]{24}$`));
      expect({
        fileMode: seen.fileMode,
        folderMode: seen.folderMode,
        baseMode: seen.baseMode,
        baseUid: seen.baseUid,
      }).toEqual({ fileMode: 0o600, folderMode: 0o700, baseMode: 0o700, baseUid: alice.uid });
      // Nothing left in the shared folder, and nothing ever went into the planted one.
      expect(existsSync(seen.base)).toBe(false);
      expect(await readdir(planted)).toEqual([]);
      expect((await readdir(sharedTmp)).filter((n) => n.startsWith('mobility-setup-secrets-'))).toEqual([]);
    });

    it("never uses an XDG_RUNTIME_DIR owned by someone else, or one that is not 0700; uses the user's own", async () => {
      const theirs = path.join(work, 'run-mallory');
      await mkdir(theirs, { mode: 0o700 });
      await chown(theirs, mallory.uid, mallory.gid);
      const loose = path.join(work, 'run-alice-loose');
      await mkdir(loose);
      await chmod(loose, 0o755);
      await chown(loose, alice.uid, alice.gid);
      for (const runtime of [theirs, loose]) {
        const { code, out } = await runAs(alice, 'use', { XDG_RUNTIME_DIR: runtime });
        expect(code).toBe(0);
        expect(path.dirname((out as unknown as Seen).base)).toBe(sharedTmp);
      }
      expect(await readdir(loose)).toEqual([]);
      const own = path.join(work, 'run-alice');
      await mkdir(own, { mode: 0o700 });
      await chmod(own, 0o700);
      await chown(own, alice.uid, alice.gid);
      const { code, out } = await runAs(alice, 'use', { XDG_RUNTIME_DIR: own });
      expect(code).toBe(0);
      expect((out as unknown as Seen).base).toBe(path.join(own, 'mobility-setup-secrets'));
      expect((await stat(path.join(own, 'mobility-setup-secrets'))).uid).toBe(alice.uid);
    });

    it("a crashed run's per-process folder is swept by the user's next start", async () => {
      const crashed = await runAs(alice, 'crash');
      expect(crashed.code).toBe(9);
      const left = (await readdir(sharedTmp)).filter((n) => n.startsWith(`mobility-setup-secrets-${alice.uid}-`));
      expect(left).toHaveLength(1);
      const { out } = await runAs(alice, 'sweep');
      expect(out).toEqual({ removed: 1 });
      expect((await readdir(sharedTmp)).filter((n) => n.startsWith('mobility-setup-secrets-'))).toEqual([]);
    });
  },
);
