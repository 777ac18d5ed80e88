/**
 * `av-check --fix` by a person who is not root, for real: a local test user runs the built CLI, which asks
 * through @vscode/sudo-prompt → /usr/bin/pkexec (polkit on a system bus) for the helper's `antivirusFix` request.
 * The helper runs as root. In a sandbox root it refuses, by design: only root may name a sandbox (a user's
 * "sandbox" of links would steer root's clamd.conf write), so the change itself is tested where root asks
 * (antivirus-fix-helper.test.ts, av-check-cli.test.ts); here the route, and what each polkit answer leaves.
 * Run from pkexec-elevation.test.ts: vitest runs files in parallel, and two files bringing the one test user and
 * polkitd up and down at once would pull them from under each other.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClamav, avSandbox } from '../../../world/antivirus-scanners';
import type { AvSandbox } from '../../../world/antivirus-scanners';
import {
  chownTree,
  pkexecSkipReason,
  polkitDown,
  polkitRule,
  polkitUp,
  runCliAs,
  sampleProcesses,
} from './pkexec-world';
import type { TestUser } from './pkexec-world';

interface AvEnvelope {
  ok: boolean;
  exitCode: number;
  result: { fixes: { scannerId: string; outcome: string; message: string }[]; report: { canFix: boolean } };
}

export function describeAntivirusFixThroughPkexec(): void {
  const skip = pkexecSkipReason();
  describe.skipIf(skip !== null)(`av-check --fix through real pkexec${skip ? ` — skipped: ${skip}` : ''}`, () => {
    let user: TestUser;
    const sandboxes: AvSandbox[] = [];

    beforeAll(() => {
      user = polkitUp();
    }, 60_000);

    afterAll(async () => {
      // In every outcome: the rule and the user go, then what the setup started, then the sandboxes.
      polkitDown();
      await Promise.all(sandboxes.map((s) => rm(s.root, { recursive: true, force: true })));
    }, 60_000);

    /** The user's sandbox machine: a ClamAV that does not exclude the agent folder, and the real pkexec. */
    async function userSandbox(): Promise<AvSandbox> {
      const sandbox = avSandbox();
      sandboxes.push(sandbox);
      addClamav(sandbox);
      // Detection looks for pkexec under the root prefix: this sandbox machine has the real one.
      await mkdir(sandbox.at('/usr/bin'), { recursive: true });
      await symlink('/usr/bin/pkexec', sandbox.at('/usr/bin/pkexec'));
      chownTree(sandbox.root, user);
      return sandbox;
    }

    const fixArgs = (sandbox: AvSandbox) => ['--root', sandbox.root, '--json', 'av-check', '--fix', '--yes'];

    it('polkit allows the user: the fix goes through pkexec to the helper as root, which refuses a sandbox named by a user (nothing changed)', async () => {
      polkitRule('yes');
      const sandbox = await userSandbox();
      const before = sandbox.read('/etc/clamav/clamd.conf');
      // No secret travels here; the sampler is for which processes ran, and as whom.
      const sampler = sampleProcesses('no-secret-in-an-antivirus-fix');
      const run = await runCliAs(user, fixArgs(sandbox));
      sampler.stop();
      const envelope = JSON.parse(run.stdout) as AvEnvelope;
      // Before: exit 74 "needs root" with no prompt at all. Now the CLI offers the helper route.
      expect(envelope.result.report.canFix).toBe(true);
      // Only the helper, run by pkexec for this user (PKEXEC_UID), refuses with this reason. The helper's run is
      // short, so the 20 ms sampler may miss it: whatever it saw ran as root for this user.
      expect(envelope.result.fixes).toEqual([expect.objectContaining({ scannerId: 'clamav', outcome: 'failed' })]);
      expect(envelope.result.fixes[0]!.message).toMatch(/sandbox root/);
      expect(sampler.samples).toBeGreaterThan(0);
      for (const uid of sampler.seen.helperUids) expect(uid).toBe(0);
      for (const uid of sampler.seen.helperPkexecUids) expect(uid).toBe(String(user.uid));
      expect(run.code, run.stderr).toBe(1);
      expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(before);
      expect(existsSync(sandbox.at('/etc/clamav/clamd.conf.mobility-setup.bak'))).toBe(false);
    }, 90_000);

    it('polkit wants a password and no agent can ask (over SSH): exit 74, says to run as root, nothing changed', async () => {
      polkitRule('auth_admin');
      const sandbox = await userSandbox();
      const before = sandbox.read('/etc/clamav/clamd.conf');
      const run = await runCliAs(user, fixArgs(sandbox));
      const envelope = JSON.parse(run.stdout) as AvEnvelope;
      expect(envelope.result.fixes).toEqual([expect.objectContaining({ scannerId: 'clamav', outcome: 'needsRoot' })]);
      expect(envelope.result.fixes[0]!.message).toMatch(/root/);
      expect(run.code, run.stderr).toBe(74);
      expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(before);
    }, 90_000);

    it('polkit refuses the user: exit 74, "the administrator password was not given", nothing changed', async () => {
      polkitRule('no');
      const sandbox = await userSandbox();
      const before = sandbox.read('/etc/clamav/clamd.conf');
      const run = await runCliAs(user, fixArgs(sandbox));
      const envelope = JSON.parse(run.stdout) as AvEnvelope;
      expect(envelope.result.fixes).toEqual([
        expect.objectContaining({
          outcome: 'needsRoot',
          message: 'The administrator password was not given; nothing was changed.',
        }),
      ]);
      expect(run.code, run.stderr).toBe(74);
      expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(before);
    }, 90_000);
  });
}
