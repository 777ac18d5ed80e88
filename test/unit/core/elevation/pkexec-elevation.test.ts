import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCsSimulator } from '../../../world/cs-simulator';
import type { CsSimulator } from '../../../world/cs-simulator';
import { acquireJobLock } from '../../../../main/core/jobs/job-lock';
import { fingerprint } from '../../cli/cli-world';
import { makeInstaller, makeRoot, readVx, removeAll } from '../install/install-world';
import {
  chownTree,
  pkexecSkipReason,
  polkitDown,
  polkitRule,
  polkitUp,
  runCliAs,
  runNodeAs,
  sampleProcesses,
} from './pkexec-world';
import type { TestUser } from './pkexec-world';
import { describeAntivirusFixThroughPkexec } from './antivirus-fix-pkexec';

const skip = pkexecSkipReason();
// 16 printable characters, unique to this run, so a hit anywhere can only be a leak.
const CANARY = `Pk${randomBytes(7).toString('hex')}`;

describe.skipIf(skip !== null)(
  `elevation for real: a local user, polkit and pkexec${skip ? ` — skipped: ${skip}` : ''}`,
  () => {
    let user: TestUser;
    let cs: CsSimulator;
    const roots: string[] = [];

    beforeAll(async () => {
      user = polkitUp();
      cs = await startCsSimulator({ passphrase: CANARY });
    }, 60_000);

    afterAll(async () => {
      // In every outcome: the rule and the user go, then what the setup started.
      polkitDown();
      await cs?.close();
      await removeAll(...roots);
    }, 60_000);

    /** A sandbox machine owned by the test user: release files, an installer folder, pkexec, a passphrase file. */
    async function userSandbox(): Promise<{ root: string; installerDir: string; passphraseFile: string }> {
      const root = await makeRoot();
      roots.push(root);
      const installerDir = path.join(root, 'installers');
      // slowMs keeps each vendor process alive long enough to be sampled several times.
      await makeInstaller(installerDir, { slowMs: 250 });
      // Detection looks for pkexec under the root prefix: this sandbox machine has the real one.
      await mkdir(path.join(root, 'usr/bin'), { recursive: true });
      await symlink('/usr/bin/pkexec', path.join(root, 'usr/bin/pkexec'));
      const passphraseFile = path.join(root, 'MobSvc.passphrase');
      await writeFile(passphraseFile, CANARY, { mode: 0o600 });
      chownTree(root, user);
      return { root, installerDir, passphraseFile };
    }

    const installArgs = (s: { root: string; installerDir: string; passphraseFile: string }) => [
      '--root',
      s.root,
      '--json',
      'install',
      '--installer-dir',
      s.installerDir,
      '--cs-endpoint',
      cs.endpoint,
      '--passphrase-file',
      s.passphraseFile,
      '--yes',
      '--verbose',
    ];

    /** Request folders the user's runs left in /tmp. */
    const requestFoldersOf = async (uid: number) => {
      const names = (await readdir('/tmp')).filter((n) => n.startsWith('mobility-setup-elevate-'));
      const owners = await Promise.all(
        names.map((n) =>
          stat(path.join('/tmp', n)).then(
            (s) => s.uid,
            () => -1,
          ),
        ),
      );
      return names.filter((_, i) => owners[i] === uid);
    };

    it('a polkit rule allows the user: the CLI install elevates through sudo-prompt → pkexec → the helper; the installer runs as root; the passphrase is never in any argv or environment', async () => {
      polkitRule('yes');
      const sandbox = await userSandbox();
      const sampler = sampleProcesses(CANARY);
      const result = await runCliAs(user, installArgs(sandbox));
      sampler.stop();
      expect(result.code, result.stderr).toBe(0);
      const job = (JSON.parse(result.stdout) as { result: { job: { outcome: { code: string }; logFiles: string[] } } })
        .result.job;
      expect(job.outcome.code).toBe('install.succeeded');
      const vx = await readVx(sandbox.root);
      expect(vx.get('Version')).toBe('9.65.0.0');
      expect(vx.get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
      expect(cs.registrations.at(-1)).toMatchObject({ ok: true });
      // The vendor installer and configurator ran as root: what they wrote in the user's sandbox is root's.
      expect((await stat(path.join(sandbox.root, 'usr/local/.vx_version'))).uid).toBe(0);
      expect((await stat(path.join(sandbox.root, 'usr/local/ASR/Vx/bin/UnifiedAgentConfigurator.sh'))).uid).toBe(0);
      // ... through pkexec, and the helper process was root.
      expect(sampler.samples).toBeGreaterThan(10);
      expect(sampler.seen.pkexec).toBe(true);
      expect([...sampler.seen.helperUids]).toEqual([0]);
      expect([...sampler.seen.helperPkexecUids]).toEqual([String(user.uid)]);
      expect(sampler.hits).toEqual([]);
      const jobLog = await readFile(job.logFiles[0]!, 'utf8');
      expect(jobLog).toMatch(/Copying the installer .* into the private folder \/tmp\/mobility-setup-installer-/);
      expect(jobLog).toContain('Installation completed successfully.');
      for (const text of [result.stdout, result.stderr, jobLog]) expect(text).not.toContain(CANARY);
      expect(await requestFoldersOf(user.uid)).toEqual([]);
    }, 120_000);

    it('ATTACK: while root runs the installer, the user cannot change (or even see into) the folder it runs from', async () => {
      polkitRule('yes');
      const sandbox = await userSandbox();
      const logDir = path.join(sandbox.root, 'var/log/mobility-setup');
      const install = runCliAs(user, installArgs(sandbox));
      // The job log (the user's own file) names the helper's extraction folder as soon as it exists.
      let extracted: string | undefined;
      for (let i = 0; i < 300 && extracted === undefined; i += 1) {
        for (const name of await readdir(logDir).catch(() => [] as string[])) {
          const line = /Extracted \d+ files \(\d+ bytes\) to (\S+)\./.exec(
            await readFile(path.join(logDir, name), 'utf8').catch(() => ''),
          );
          if (line) extracted = line[1];
        }
        if (extracted === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(extracted).toMatch(/^\/tmp\/mobility-setup-extract-/);
      const info = await stat(extracted!);
      expect({ uid: info.uid, mode: info.mode & 0o777 }).toEqual({ uid: 0, mode: 0o700 });
      const evil = path.join(user.home, 'evil-ran');
      const attack = `const fs = require('fs'); const dir = process.argv[1]; const out = [];
      for (const act of [() => fs.readdirSync(dir), () => fs.writeFileSync(dir + '/install', '#!/bin/sh\\ntouch ${evil}\\n'), () => fs.renameSync(dir, dir + '-moved'), () => fs.rmSync(dir, { recursive: true })]) {
        try { act(); out.push('done'); } catch (e) { out.push(e.code); }
      }
      console.log(out.join(','));`;
      const tried = await runNodeAs(user, ['-e', attack, extracted!]);
      expect(tried.stdout.trim()).toBe('EACCES,EACCES,EPERM,EACCES');
      const result = await install;
      expect(result.code, result.stderr).toBe(0);
      await expect(stat(evil)).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(stat(extracted!)).rejects.toMatchObject({ code: 'ENOENT' });
    }, 120_000);

    it('polkit wants a password and no agent runs (over SSH): a clear message, exit 74, nothing changed', async () => {
      polkitRule('auth_admin');
      const sandbox = await userSandbox();
      const before = await fingerprint(path.join(sandbox.root, 'usr'));
      const result = await runCliAs(user, installArgs(sandbox));
      expect(result.code, result.stderr).toBe(74);
      const job = (
        JSON.parse(result.stdout) as { result: { job: { state: string; outcome: { code: string; message: string } } } }
      ).result.job;
      expect(job.outcome.code).toBe('elevation.noPolkitAgent');
      expect(job.outcome.message).toContain('sudo mobility-setup install');
      expect(await fingerprint(path.join(sandbox.root, 'usr'))).toEqual(before);
      expect((await readVx(sandbox.root)).size).toBe(0);
      expect(await requestFoldersOf(user.uid)).toEqual([]);
    }, 120_000);

    it("after root ran Mobility Setup here (its jobs folder is root's): the user is refused with 41 while root's job runs, then installs", async () => {
      polkitRule('yes');
      const sandbox = await userSandbox();
      // As on a real server: root's log folder, where root's jobs made the jobs folder.
      const logDir = path.join(sandbox.root, 'var/log/mobility-setup');
      await rm(logDir, { recursive: true, force: true });
      const jobsDir = path.join(logDir, 'jobs');
      await mkdir(jobsDir, { recursive: true, mode: 0o755 });
      const rootJob = await acquireJobLock(jobsDir, { frontDoor: 'cli', kind: 'uninstall' });
      if (!rootJob.ok || !rootJob.lock) throw new Error('root could not take its own lock');
      try {
        const refused = await runCliAs(user, installArgs(sandbox));
        expect(refused.code, refused.stderr).toBe(41);
        const out = JSON.parse(refused.stdout) as { error: { code: string; message: string } };
        expect(out.error.code).toBe('job.busy');
        expect(out.error.message).toContain(`an uninstall started`);
        expect(out.error.message).toContain(`by process ${process.pid} (the command line)`);
      } finally {
        await rootJob.lock.release();
      }
      // Root's job ended: the user's install runs (it cannot hold root's lock, and is not refused for that).
      const result = await runCliAs(user, installArgs(sandbox));
      expect(result.code, result.stderr).toBe(0);
      expect((await readVx(sandbox.root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
    }, 120_000);

    it('polkit refuses the user: a clean "cancelled" (1602, 66 in the shell), nothing changed', async () => {
      polkitRule('no');
      const sandbox = await userSandbox();
      const before = await fingerprint(path.join(sandbox.root, 'usr'));
      const result = await runCliAs(user, installArgs(sandbox));
      expect(result.code, result.stderr).toBe(1602 & 0xff);
      const job = (
        JSON.parse(result.stdout) as {
          result: { job: { state: string; outcome: { code: string; machineState: string } } };
        }
      ).result.job;
      expect(job.state).toBe('cancelled');
      expect(job.outcome).toMatchObject({ code: 'elevation.notGranted', machineState: 'Nothing was installed.' });
      expect(await fingerprint(path.join(sandbox.root, 'usr'))).toEqual(before);
      expect(await requestFoldersOf(user.uid)).toEqual([]);
    }, 120_000);
  },
);

describeAntivirusFixThroughPkexec();
