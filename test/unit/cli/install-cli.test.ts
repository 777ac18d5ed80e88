import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_EXIT_CODES, EXIT } from '../../../main/cli/exit-codes';
import { writeChecksum } from '../../world/agent-package';
import type { AgentBehavior } from '../../world/agent-package';
import { closedPort } from '../core/connectivity/loopback-servers';
import { PASSPHRASE, readVx, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON, fingerprint } from './cli-world';
import { installOnlyArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

async function sandbox(behavior: AgentBehavior = {}, fixture = 'debian-12', passphrase = PASSPHRASE) {
  const { root, installerDir } = await setup.rootWithInstaller({ fixture, behavior });
  const passphraseFile = path.join(root, 'MobSvc.passphrase');
  await writeFile(passphraseFile, `${passphrase}\n`, { mode: 0o600 });
  return { root, installerDir, passphraseFile };
}

const installArgs = (
  s: { root: string; installerDir: string; passphraseFile: string },
  endpoint = setup.cs.endpoint,
  extra: string[] = [],
) => [
  '--root',
  s.root,
  '--json',
  'install',
  '--installer-dir',
  s.installerDir,
  '--cs-endpoint',
  endpoint,
  '--passphrase-file',
  s.passphraseFile,
  '--yes',
  ...extra,
];

describe.skipIf(!BUILT)(
  `mobility-setup install/register (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`,
  () => {
    it('installs and registers: exit 0, one JSON object on stdout, progress on stderr', async () => {
      const s = await sandbox();
      const result = await runCli(installArgs(s));
      expect(result.stderr).toContain('[install] running');
      expect(result.code).toBe(0);
      const out = JSON.parse(result.stdout);
      expect(out).toMatchObject({ ok: true, exitCode: 0, result: { changed: true } });
      expect(out.result.job).toMatchObject({
        state: 'succeeded',
        nothingToDo: false,
        summary: { version: '9.65.0.0', registered: true },
      });
      expect((await readVx(s.root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');

      // Second run: nothing to do, exit 0, not one file under the root changed.
      const before = await fingerprint(path.join(s.root, 'usr'));
      const again = await runCli(installArgs(s));
      expect(again.code).toBe(0);
      // The fleet tool's "no change": ok, exit 0, changed false.
      expect(JSON.parse(again.stdout)).toMatchObject({
        ok: true,
        exitCode: 0,
        result: { changed: false, job: { nothingToDo: true, outcome: { code: 'install.nothingToDo' } } },
      });
      expect(await fingerprint(path.join(s.root, 'usr'))).toEqual(before);
    });

    it('text output names the version, folder, server, logs and the WALinuxAgent note', async () => {
      const s = await sandbox();
      const result = await runCli(installArgs(s).filter((a) => a !== '--json'));
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /^Done: The Mobility service 9\.65\.0\.0 is installed and registered with 127\.0\.0\.1:\d+\./,
      );
      expect(result.stdout).toContain('/usr/local/ASR');
      expect(result.stdout).toContain('WALinuxAgent');
      expect(result.stdout).toContain(path.join(s.root, 'var/log/ua_install.log'));
    });

    it('--no-register then register: both exit 0', async () => {
      const s = await sandbox();
      const installed = await runCli(installOnlyArgs(s.root, s.installerDir, { json: true }));
      expect(installed.code).toBe(0);
      expect((await readVx(s.root)).get('AGENT_CONFIGURATION_STATUS')).toBe('NotStarted');
      const registered = await runCli([
        '--root',
        s.root,
        '--json',
        'register',
        '--cs-endpoint',
        setup.cs.endpoint,
        '--passphrase-file',
        s.passphraseFile,
        '--yes',
      ]);
      expect(registered.code).toBe(0);
      expect(JSON.parse(registered.stdout)).toMatchObject({
        ok: true,
        result: { changed: true, job: { kind: 'register', state: 'succeeded' } },
      });
    });

    it('register is explicit: on a registered agent it runs the configurator again (wrong passphrase → 14)', async () => {
      const s = await sandbox();
      expect((await runCli(installArgs(s))).code).toBe(0);
      const wrong = path.join(s.root, 'Wrong.passphrase');
      await writeFile(wrong, 'WrongPassphrase1\n', { mode: 0o600 });
      const args = [
        '--root',
        s.root,
        '--json',
        'register',
        '--cs-endpoint',
        setup.cs.endpoint,
        '--passphrase-file',
        wrong,
        '--yes',
      ];
      const result = await runCli(args);
      expect(result.code).toBe(14);
      expect(JSON.parse(result.stdout)).toMatchObject({
        ok: false,
        result: { changed: true, job: { kind: 'register' } },
      });
    });

    it('the same host on another port is another server: install checks the connection (closed port → 73)', async () => {
      const s = await sandbox();
      expect((await runCli(installArgs(s))).code).toBe(0);
      const result = await runCli(installArgs(s, `127.0.0.1:${await closedPort()}`));
      expect(result.code).toBe(EXIT.serverUnreachable);
      expect(JSON.parse(result.stdout).error.code).toBe('install.serverUnreachable');
    });

    it.each([
      ['wrong passphrase → the vendor code 14', {}, 'WrongPassphrase1', 'ok', 14, 'exit.14'],
      [
        'installer fatal error → 1603 (67 in a Linux shell)',
        { installExit: 1603 },
        PASSPHRASE,
        'ok',
        1603 & 0xff,
        'exit.1603',
      ],
      [
        'restart recommended → 3010 (194 in a Linux shell)',
        { rebootRequired: true },
        PASSPHRASE,
        'ok',
        3010 & 0xff,
        'exit.3010',
      ],
      [
        'unreachable server → 73 before installing',
        {},
        PASSPHRASE,
        'closed',
        EXIT.serverUnreachable,
        'install.serverUnreachable',
      ],
    ] as const)('%s', async (_name, behavior, passphrase, server, code, outcomeCode) => {
      const s = await sandbox(behavior, 'debian-12', passphrase);
      const endpoint = server === 'closed' ? `127.0.0.1:${await closedPort()}` : setup.cs.endpoint;
      const result = await runCli(installArgs(s, endpoint));
      expect(result.code).toBe(code);
      const out = JSON.parse(result.stdout);
      // A restart notice (3010/1641) is a success that asks for a restart: ok, with the outcome in result.job.
      const succeeded = outcomeCode === 'exit.3010';
      expect(out).toMatchObject({
        ok: succeeded,
        result: { job: { state: succeeded ? 'succeeded' : 'failed', outcome: { code: outcomeCode } } },
      });
      if (!succeeded) expect(out.error.code).toBe(outcomeCode);
      expect(out.exitCode & 0xff).toBe(code);
    });

    it('a hung installer ends with 124 after --inactivity-timeout', async () => {
      const s = await sandbox({ hangIn: 'install' });
      const result = await runCli(installArgs(s, setup.cs.endpoint, ['--inactivity-timeout', '1.5']));
      expect(result.code).toBe(EXIT.timeout);
      expect(JSON.parse(result.stdout).result.job.outcome.code).toBe('install.timeout');
    });

    it('checksum mismatch → 72, no installer → 71, unsupported OS → 42; nothing installed', async () => {
      const bad = await sandbox();
      const [file] = await readdir(bad.installerDir);
      await writeChecksum(path.join(bad.installerDir, file!), { kind: 'sidecar', wrong: true });
      expect((await runCli(installArgs(bad))).code).toBe(EXIT.installerIntegrity);
      expect((await readVx(bad.root)).size).toBe(0);

      const empty = await sandbox();
      const emptyDir = path.join(empty.root, 'empty');
      await mkdir(emptyDir);
      const none = await runCli(installArgs({ ...empty, installerDir: emptyDir }));
      expect(none.code).toBe(EXIT.installerNotFound);
      expect(JSON.parse(none.stdout).error.message).toContain('DEBIAN12-64');

      const alpine = await sandbox({}, 'alpine-3.20');
      expect((await runCli(installArgs(alpine))).code).toBe(EXIT.unsupported);
    });

    it('usage errors exit 2: no --yes without a terminal, conflicting or missing options; nothing secret echoed', async () => {
      const s = await sandbox();
      const noYes = await runCli(installArgs(s).filter((a) => a !== '--yes'));
      expect(noYes.code).toBe(EXIT.usage);
      expect(noYes.stderr).toContain('pass --yes');
      const both = await runCli([...installArgs(s), '--no-register']);
      expect(both.code).toBe(EXIT.usage);
      const missing = await runCli([
        '--root',
        s.root,
        'install',
        '--installer-dir',
        s.installerDir,
        '--cs-endpoint',
        setup.cs.endpoint,
        '--passphrase-file',
        path.join(s.root, 'nope'),
        '--yes',
      ]);
      expect(missing.code).toBe(EXIT.usage);
      expect(missing.stderr).toContain('Cannot read the passphrase file');
      const badEndpoint = await runCli(installArgs(s, 'https://cs/x'));
      expect(badEndpoint.code).toBe(EXIT.usage);
      for (const r of [noYes, both, missing, badEndpoint]) expect(r.stdout + r.stderr).not.toContain(PASSPHRASE);
      expect((await readVx(s.root)).size).toBe(0);
    });

    it('--help lists install and register (not the helper); install --help prints every exit code', async () => {
      const help = await runCli(['--help']);
      expect(help.stdout).toMatch(/install/);
      expect(help.stdout).toMatch(/register/);
      expect(help.stdout).not.toMatch(/^\s+helper/m);
      const installHelp = await runCli(['install', '--help']);
      for (const row of CLI_EXIT_CODES) expect(installHelp.stdout).toContain(row.meaning);
    });

    it('the JSON result and the job log never contain the passphrase', async () => {
      const s = await sandbox();
      const result = await runCli(installArgs(s, setup.cs.endpoint, ['--verbose']));
      expect(result.code).toBe(0);
      const job = JSON.parse(result.stdout).result.job;
      for (const text of [
        result.stdout,
        result.stderr,
        await readFile(job.logFiles[0], 'utf8'),
        await readFile(job.logFiles[1], 'utf8'),
      ])
        expect(text).not.toContain(PASSPHRASE);
    });
  },
);
