/**
 * A job killed with its process (kill -9 of the CLI's process group, as a closed SSH session or a power cut
 * would), then the next start: `detect --json` names the interrupted job, its step and the way back, and the
 * leftovers (extracted installer, secret folder) are gone and the removal is in the app log. Real built CLI,
 * real vendor scripts, real processes.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AgentBehavior } from '../../world/agent-package';
import { PASSPHRASE, alive, leftovers, pidsMentioning, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, installOnlyArgs, runCli, startCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

async function sandbox(behavior: AgentBehavior) {
  const { root, installerDir } = await setup.rootWithInstaller({ behavior });
  const passphraseFile = path.join(root, 'MobSvc.passphrase');
  await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  return { root, installerDir, passphraseFile };
}

async function until(what: string, check: () => Promise<boolean>, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the CLI in its own process group, waits until `ready`, then kill -9's the group and what it started. */
async function killMidway(args: string[], root: string, ready: (stderr: string) => Promise<boolean>): Promise<string> {
  const { child, output, exited } = startCli(args, { ownGroup: true });
  try {
    await until('the job to reach its step', () => ready(output.stderr));
  } finally {
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    // The vendor tool runs in a process group of its own (so Cancel can end it): end it too, as a power cut would.
    for (const pid of await pidsMentioning(root)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  return output.stderr;
}

async function journalSteps(root: string): Promise<string[]> {
  const dir = path.join(root, 'var/log/mobility-setup/jobs');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const records = await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8').catch(() => '{}')));
  return records.map((text) => String((JSON.parse(text) as { step?: string }).step));
}

const workFolders = async (root: string) =>
  (await leftovers(root)).filter(
    (n) => n.startsWith('mobility-setup-extract-') || n.startsWith('mobility-setup-secrets/run-'),
  );

describe.skipIf(!BUILT)(`kill -9 mid-job, then the next start${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('mid-install: detect --json reports the interrupted install at step "install", removes the extracted installer', async () => {
    const s = await sandbox({ hangIn: 'install' });
    const args = installOnlyArgs(s.root, s.installerDir, { json: true });
    // Killed once the vendor's installer runs from the extracted folder (the step shown is "install").
    const stderr = await killMidway(args, s.root, async (err) => {
      if (!err.includes('[install] running')) return false;
      if (!(await workFolders(s.root)).some((n) => n.startsWith('mobility-setup-extract-'))) return false;
      // The journal's step write follows the shown step by a moment: kill once it says "install".
      return (await journalSteps(s.root)).includes('install');
    });
    expect(stderr).toContain('[install] running');
    const extracted = (await workFolders(s.root)).filter((n) => n.startsWith('mobility-setup-extract-'));
    expect(extracted).toHaveLength(1);

    const detected = await runCli(['--root', s.root, '--json', 'detect']);
    expect(detected.code).toBe(0);
    const report = JSON.parse(detected.stdout).result;
    expect(report.interruptedJob).toMatchObject({ kind: 'install', step: 'install', frontDoor: 'cli', kept: [] });
    expect(report.interruptedJob.removed).toEqual([path.join(s.root, 'tmp', extracted[0]!)]);
    expect(report.interruptedJob.wayBack[0]).toMatch(/^(install|register)$/);
    expect(await workFolders(s.root)).toEqual([]);
    const appLog = await readFile(path.join(s.root, 'var/log/mobility-setup/mobility-setup.log'), 'utf8');
    expect(appLog).toContain('interrupted job: leftover removed');
    expect(appLog).toContain('job interrupted');

    // Still reported at the next start (the wizard's), until another job runs; the text output leads back.
    const again = await runCli(['--root', s.root, 'detect']);
    expect(again.stdout).toMatch(/Interrupted job: +install started .* stopped in step "install"/);
    expect(again.stdout).toMatch(/Way back: `mobility-setup install` again/);
  });

  it('mid-registration: the passphrase folder is removed and the way back is register', async () => {
    const s = await sandbox({ hangIn: 'register' });
    const args = installAndRegisterArgs(s.root, s.installerDir, setup.cs.endpoint, s.passphraseFile, { json: true });
    await killMidway(args, s.root, async () => {
      return (await workFolders(s.root)).some((n) => n.startsWith('mobility-setup-secrets/run-'));
    });
    expect((await workFolders(s.root)).filter((n) => n.startsWith('mobility-setup-secrets/run-'))).toHaveLength(1);

    const report = JSON.parse((await runCli(['--root', s.root, '--json', 'detect'])).stdout).result;
    expect(report.interruptedJob).toMatchObject({ kind: 'install', step: 'register', frontDoor: 'cli' });
    expect(report.interruptedJob.machineState).toMatch(/installed but not registered/);
    expect(report.interruptedJob.wayBack[0]).toBe('register');
    expect(report.interruptedJob.removed.some((p: string) => p.includes('mobility-setup-secrets/run-'))).toBe(true);
    expect(await workFolders(s.root)).toEqual([]);
    const journal = await readdir(path.join(s.root, 'var/log/mobility-setup/jobs'));
    expect(journal.filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });
});
