/**
 * Issue 8's command-line path with the vendor-like test packages under a sandbox root: install, "nothing to
 * do", register with a wrong passphrase (14), upgrade, uninstall, uninstall again (nothing to do), install again.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../common/error-codes';
import { PASSPHRASE, makeInstaller, readVx, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, installOnlyArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

describe.skipIf(!BUILT)(`mobility-setup uninstall (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('install → nothing to do → wrong passphrase 14 → upgrade → uninstall → nothing to do → install again', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ version: '9.63.0.0' });
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const wrongFile = path.join(root, 'Wrong.passphrase');
    await writeFile(wrongFile, 'WrongPassphrase1\n', { mode: 0o600 });
    const install = (dir: string) =>
      installAndRegisterArgs(root, dir, setup.cs.endpoint, passphraseFile, { json: true });
    const uninstall = ['--root', root, '--json', 'uninstall', '--yes'];
    const agentDir = path.join(root, 'usr/local/ASR');

    expect((await runCli(install(installerDir))).code).toBe(0);
    const again = await runCli(install(installerDir));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ result: { changed: false, job: { nothingToDo: true } } });

    const register = [
      '--root',
      root,
      '--json',
      'register',
      '--cs-endpoint',
      setup.cs.endpoint,
      '--passphrase-file',
      wrongFile,
      '--yes',
    ];
    expect((await runCli(register)).code).toBe(14);

    const newer = await mkdtemp(path.join(root, 'newer-'));
    await makeInstaller(newer, {}, '9.65.0.0');
    const upgraded = await runCli(install(newer));
    expect(upgraded.code).toBe(0);
    expect((await readVx(root)).get('Version')).toBe('9.65.0.0');

    const removed = await runCli(uninstall);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({
      ok: true,
      result: {
        changed: true,
        job: { kind: 'uninstall', state: 'succeeded', outcome: { code: 'uninstall.succeeded' } },
      },
    });
    // Verified on disk: the version file and the install folder are gone.
    expect(existsSync(path.join(root, 'usr/local/.vx_version'))).toBe(false);
    expect(existsSync(agentDir)).toBe(false);

    const nothing = await runCli(uninstall);
    expect(nothing.code).toBe(0);
    expect(JSON.parse(nothing.stdout)).toMatchObject({
      ok: true,
      result: { changed: false, job: { nothingToDo: true, outcome: { code: 'uninstall.nothingToDo' } } },
    });

    expect((await runCli(install(newer))).code).toBe(0);
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
  });

  it('install follows the upgrade rules: the reminder before an upgrade, 11 with the stepwise path, 15 for a downgrade', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ version: '9.60.0.0' });
    const install = (dir: string) => installOnlyArgs(root, dir);
    expect((await runCli(install(installerDir))).code).toBe(0);

    const jump = await mkdtemp(path.join(root, 'jump-'));
    await makeInstaller(jump, {}, '9.65.0.0');
    const refused = await runCli(install(jump));
    expect(refused.code).toBe(11);
    expect(refused.stdout + refused.stderr).toContain('Upgrade step by step: 9.60.0.0 → 9.64 → 9.65.0.0.');
    expect(refused.stdout + refused.stderr).toContain('installers needed: 9.64, 9.65.0.0');
    expect((await readVx(root)).get('Version')).toBe('9.60.0.0');

    const next = await mkdtemp(path.join(root, 'next-'));
    await makeInstaller(next, {}, '9.64.0.0');
    const upgraded = await runCli(install(next));
    expect(upgraded.code).toBe(0);
    expect(upgraded.stderr).toContain(
      'Upgrade from 9.60.0.0 to 9.64.0.0 (the registration is kept; a restart is recommended after).',
    );
    expect(upgraded.stderr).toContain('the agent must never be newer than its configuration server');
    expect(upgraded.stdout).toContain('A restart of this server is recommended.');
    expect((await readVx(root)).get('Version')).toBe('9.64.0.0');

    const downgrade = await runCli(install(installerDir));
    expect(downgrade.code).toBe(EXIT.downgrade);
    expect(downgrade.stdout + downgrade.stderr).toContain(
      'A downgrade is not supported: the Mobility service 9.64.0.0 is installed',
    );
    expect((await readVx(root)).get('Version')).toBe('9.64.0.0');
  });

  it('a hanging uninstaller is ended by the inactivity timeout (124) and explained', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({ behavior: { hangIn: 'uninstall' } });
    const installed = await runCli(installOnlyArgs(root, installerDir));
    expect(installed.code).toBe(0);
    const result = await runCli(['--root', root, '--json', 'uninstall', '--yes', '--inactivity-timeout', '1.5']);
    expect(result.code).toBe(EXIT.timeout);
    const out = JSON.parse(result.stdout);
    expect(out.error.code).toBe('uninstall.timeout');
    expect(out.error.hint).toMatch(/known to hang while stopping the agent services/);
  });

  it('without --yes and without a terminal: exit 2, nothing removed', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({});
    expect((await runCli(installOnlyArgs(root, installerDir))).code).toBe(0);
    const result = await runCli(['--root', root, 'uninstall']);
    expect(result.code).toBe(2);
    expect(existsSync(path.join(root, 'usr/local/ASR/uninstall.sh'))).toBe(true);
  });
});
