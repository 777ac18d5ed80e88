import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../../common/install';
import { writeChecksum } from '../../../world/agent-package';
import { UNSUPPORTED_KERNEL_LINE } from '../../../world/demo-scenarios';
import type { CoreDeps } from '../../../../main/core/core-deps';
import { selectDetectionProbes } from '../../../../main/platform/select';
import { linuxPrivileges } from '../../../../main/platform/linux/privileges';
import { PASSPHRASE, leftovers, makeInstaller, readVx, useInstallTestSetup } from './install-world';

const setup = useInstallTestSetup();

async function world(behavior = {}, version = '9.65.0.0', inactivityTimeoutMs?: number) {
  const { root, installerDir } = await setup.rootWithInstaller({ behavior, version });
  const installer = setup.installer(root, {}, inactivityTimeoutMs);
  return { root, installerDir, installer };
}

const classic = (passphrase = PASSPHRASE) => ({ mode: 'classic', endpoint: setup.cs.endpoint, passphrase });
const stepStates = (job: JobSnapshot) => Object.fromEntries(job.steps.map((s) => [s.id, s.state]));

describe('install pipeline (real package, real configurator, CS simulator)', () => {
  it('installs and registers: every step done, .vx_version Succeeded, summary right, no secret left', async () => {
    const { root, installerDir, installer } = await world();
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.outcome?.message).toContain('9.65.0.0');
    expect(job.state).toBe('succeeded');
    expect(stepStates(job)).toEqual({
      check: 'done',
      extract: 'done',
      install: 'done',
      register: 'done',
      verify: 'done',
    });
    expect(job.outcome).toMatchObject({
      severity: 'success',
      code: 'install.succeeded',
      exitCode: 0,
      rebootRequired: false,
    });
    const vx = await readVx(root);
    expect(vx.get('Version')).toBe('9.65.0.0');
    expect(vx.get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
    expect(vx.get('INSTALLATION_DIR')).toBe(path.join(root, 'usr/local/ASR'));
    expect(job.summary).toMatchObject({
      version: '9.65.0.0',
      installDir: '/usr/local/ASR',
      registered: true,
      server: setup.cs.endpoint,
      walinuxagentPresent: false,
    });
    expect(job.summary?.azureVmAgentNote).toMatch(/WALinuxAgent/);
    const jobLog = path.join(root, 'var/log/mobility-setup', `${job.id}.log`);
    expect(job.logFiles).toEqual([jobLog, path.join(root, 'var/log/ua_install.log')]);
    expect(setup.cs.registrations.at(-1)).toMatchObject({ mode: 'classic', ok: true });
    // The extraction folder and the secret file are gone.
    expect(await leftovers(root)).toEqual([]);
    const logText = await readFile(jobLog, 'utf8');
    expect(logText).toContain('Installation completed successfully.');
    for (const text of [
      logText,
      await readFile(path.join(root, 'var/log/ua_install.log'), 'utf8'),
      JSON.stringify(installer.events),
    ]) {
      expect(text).not.toContain(PASSPHRASE);
    }
    // readJobLog pages through the same lines the file has.
    const chunk = await installer.handlers.readJobLog({ jobId: job.id, from: 0 });
    expect(chunk.lines.length).toBe(job.logLines);
    expect(`${chunk.lines.join('\n')}\n`).toBe(logText);
    // Only the files the job named can be read back.
    const vendorLog = await installer.dispatch('readLogFile', { path: job.logFiles[1] });
    expect(vendorLog).toMatchObject({ ok: true, value: { truncated: false } });
    expect(await installer.dispatch('readLogFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'log.notAllowed' },
    });
    expect(await installer.dispatch('openLogFile', { path: job.logFiles[0] })).toMatchObject({
      ok: false,
      error: { code: 'log.openUnavailable' },
    });
  });

  it('wrong passphrase: exit 14 with the genpassphrase hint; installed, not registered; secret file gone', async () => {
    const { root, installerDir, installer } = await world();
    const job = await installer.run('startInstall', { installerDir, registration: classic('WrongPassphrase1') });
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({ code: 'exit.14', exitCode: 14 });
    expect(job.outcome?.message).toMatch(/passphrase/i);
    expect(job.outcome?.hint).toContain('genpassphrase.exe -v > MobSvc.passphrase');
    expect(job.outcome?.machineState).toMatch(
      /^The Mobility service 9\.65\.0\.0 is installed in \/usr\/local\/ASR and not registered: register it again/,
    );
    expect(job.summary).toMatchObject({ installed: true, version: '9.65.0.0', registered: false });
    expect(stepStates(job)).toMatchObject({ install: 'done', register: 'failed', verify: 'skipped' });
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).not.toBe('Succeeded');
    expect(await leftovers(root)).toEqual([]);
  });

  it('installer failure (1603, seen as 67 on Linux) is read through the catalog', async () => {
    const { root, installerDir, installer } = await world({ installExit: 1603 });
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({ code: 'exit.1603', exitCode: 1603 });
    expect(job.outcome?.message).toMatch(/fatal error/);
    expect(stepStates(job)).toMatchObject({ install: 'failed', register: 'skipped' });
    expect(await leftovers(root)).toEqual([]);
  });

  it("a failed installer's summary quotes its first error line and explains it (issue 10, item 5)", async () => {
    const { installerDir, installer } = await world({ installExit: 1, installErrorLine: UNSUPPORTED_KERNEL_LINE });
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({ code: 'exit.1', exitCode: 1 });
    expect(job.outcome?.vendorError?.line).toBe(UNSUPPORTED_KERNEL_LINE);
    expect(job.outcome?.vendorError?.explanation?.id).toBe('kernel');
    // The explanation's action replaces "Read the log for the first error line".
    expect(job.outcome?.hint).toMatch(/stock distribution kernel/);
  });

  it('an unexplained vendor error line is still quoted, with the catalog hint of its exit code', async () => {
    const { installerDir, installer } = await world({ installExit: 1603 });
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.outcome?.vendorError).toMatchObject({ explanation: null });
    expect(job.outcome?.vendorError?.line).toMatch(/^ERROR: Installing Mobility service components failed/);
    expect(job.outcome?.hint).toMatch(/first error line/);
  });

  it('reboot recommended (3010, seen as 194): success with the notice and exit code 3010', async () => {
    const { installerDir, installer } = await world({ rebootRequired: true });
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('succeeded');
    expect(job.outcome).toMatchObject({ severity: 'success', code: 'exit.3010', exitCode: 3010, rebootRequired: true });
    expect(job.outcome?.message).toMatch(/restart is recommended/);
  });

  it('checksum mismatch stops in the check step: nothing extracted, nothing installed', async () => {
    const { root, installerDir, installer } = await world();
    const [file] = (await import('node:fs')).readdirSync(installerDir);
    await writeChecksum(path.join(installerDir, file!), { kind: 'sidecar', wrong: true });
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('installer.checksumMismatch');
    expect(job.outcome?.machineState).toBe('Nothing was changed on this machine.');
    expect(stepStates(job)).toEqual({
      check: 'failed',
      extract: 'skipped',
      install: 'skipped',
      register: 'skipped',
      verify: 'skipped',
    });
    expect(await leftovers(root)).toEqual([]);
    expect((await readVx(root)).size).toBe(0);
  });

  it('second run with the same version and server: nothing to do, nothing changed', async () => {
    const { root, installerDir, installer } = await world();
    const first = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(first.state).toBe('succeeded');
    const before = await stat(path.join(root, 'usr/local/.vx_version'));
    const second = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(second.state).toBe('succeeded');
    expect(second.nothingToDo).toBe(true);
    expect(second.outcome?.code).toBe('install.nothingToDo');
    expect(stepStates(second)).toEqual({
      check: 'done',
      extract: 'skipped',
      install: 'skipped',
      register: 'skipped',
      verify: 'done',
    });
    expect((await stat(path.join(root, 'usr/local/.vx_version'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('an older agent is upgraded with -a Upgrade; a newer one is refused as a downgrade before running', async () => {
    const { root, installerDir, installer } = await world({}, '9.61.0.0');
    expect((await installer.run('startInstall', { installerDir, registration: classic() })).state).toBe('succeeded');
    const newer = path.join(root, 'newer');
    await makeInstaller(newer, {}, '9.65.0.0');
    const upgrade = await installer.run('startInstall', { installerDir: newer, registration: classic() });
    expect(upgrade.state).toBe('succeeded');
    expect(upgrade.outcome?.message).toContain('upgraded to 9.65.0.0');
    expect(upgrade.outcome?.message).toContain('A restart of this server is recommended.');
    const log = await readFile(upgrade.logFiles[0]!, 'utf8');
    expect(log).toContain('-a Upgrade');
    expect(log).toContain('Before upgrading: update the configuration server, then the scale-out process servers');
    expect((await readVx(root)).get('Version')).toBe('9.65.0.0');
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');

    const downgrade = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(downgrade.state).toBe('failed');
    expect(downgrade.outcome).toMatchObject({ code: 'install.downgrade', exitCode: null });
    expect(downgrade.outcome?.message).toBe(
      'A downgrade is not supported: the Mobility service 9.65.0.0 is installed and the installer is the older 9.61.0.0.',
    );
    expect(stepStates(downgrade)).toMatchObject({ check: 'failed', install: 'skipped' });
    expect((await readVx(root)).get('Version')).toBe('9.65.0.0');
  });

  it('more than four versions apart is refused before running, with the stepwise path and the installers needed', async () => {
    const { root, installer } = await world({}, '9.60.0.0');
    const first = await installer.run('startInstall', {
      installerDir: path.join(root, 'installers'),
      registration: classic(),
    });
    expect(first.state).toBe('succeeded');
    const newer = path.join(root, 'newer');
    await makeInstaller(newer, {}, '9.65.0.0');
    const jump = await installer.run('startInstall', { installerDir: newer, registration: classic() });
    expect(jump.state).toBe('failed');
    expect(jump.outcome).toMatchObject({ code: 'install.upgradeSteps' });
    expect(jump.outcome?.message).toContain('Upgrade step by step: 9.60.0.0 → 9.64 → 9.65.0.0.');
    expect(jump.outcome?.hint).toContain('installers needed: 9.64, 9.65.0.0');
    expect(stepStates(jump)).toMatchObject({ check: 'failed', install: 'skipped' });
    expect((await readVx(root)).get('Version')).toBe('9.60.0.0');
  });

  it('modernized registration passes config.json as a file (-S … -c CSPrime)', async () => {
    const { root, installerDir, installer } = await world();
    const job = await installer.run('startInstall', {
      installerDir,
      registration: { mode: 'modernized', configJson: setup.cs.applianceConfig() },
    });
    expect(job.state).toBe('succeeded');
    expect(setup.cs.registrations.at(-1)).toMatchObject({ mode: 'modernized', ok: true });
    expect(await readFile(job.logFiles[0]!, 'utf8')).not.toContain(setup.cs.applianceKey);
    expect(await leftovers(root)).toEqual([]);
  });

  it('--no-register installs only; startRegister then registers the installed agent', async () => {
    const { root, installerDir, installer } = await world();
    const installed = await installer.run('startInstall', {
      installerDir,
      registration: { mode: 'none', serverKind: 'classic' },
    });
    expect(installed.state).toBe('succeeded');
    expect(stepStates(installed).register).toBe('skipped');
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('NotStarted');
    const registered = await installer.run('startRegister', { registration: classic() });
    expect(registered.kind).toBe('register');
    expect(registered.state).toBe('succeeded');
    expect(registered.summary).toMatchObject({ registered: true, server: setup.cs.endpoint });
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
  });

  it('install only runs the installer for the server kind asked for: modernized → -c CSPrime, classic → -c CSLegacy', async () => {
    for (const [serverKind, csType] of [
      ['modernized', 'CSPrime'],
      ['classic', 'CSLegacy'],
    ] as const) {
      const { root, installerDir, installer } = await world();
      const job = await installer.run('startInstall', { installerDir, registration: { mode: 'none', serverKind } });
      expect(job.state).toBe('succeeded');
      const vendorLog = await readFile(path.join(root, 'var/log/ua_install.log'), 'utf8');
      expect(vendorLog).toMatch(new RegExp(`Command line: -d /usr/local/ASR -r MS -v VmWare -c ${csType}\\b`));
    }
  });

  it('register without an installed agent says to install first', async () => {
    const { installer } = await world();
    const job = await installer.run('startRegister', { registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('register.notInstalled');
  });

  it('not root and no way to elevate: stops before anything runs and says to use sudo', async () => {
    const { root, installerDir } = await setup.rootWithInstaller();
    const probes = (deps: CoreDeps) => {
      const real = selectDetectionProbes(deps);
      return {
        ...real,
        readPrivileges: () =>
          Promise.resolve(linuxPrivileges({ uid: 1000, user: 'alice', pkexec: null, processNames: [] })),
      };
    };
    const installer = setup.installer(root, {}, undefined, probes);
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('install.notElevated');
    expect(`${job.outcome?.message} ${job.outcome?.hint}`).toContain('sudo mobility-setup install');
    expect((await readVx(root)).size).toBe(0);
  });

  it('an unsupported OS stops in the check step and says why', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ fixture: 'alpine-3.20' });
    const installer = setup.installer(root);
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('install.unsupported');
    expect(job.outcome?.message).toMatch(/not supported/);
  });
});
