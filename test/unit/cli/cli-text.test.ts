/** The command line's text says one true thing per line: real runs of the built CLI against sandbox roots. */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../common/install';
import { formatJob } from '../../../main/cli/commands/job-command';
import { CLI_EXIT_CODES, readmeExitCodeRow } from '../../../main/cli/exit-codes';
import { readFileSync } from 'node:fs';
import { startCsSimulator } from '../../world/cs-simulator';
import type { CsSimulator } from '../../world/cs-simulator';
import { PASSPHRASE, readVx, useInstallTestSetup } from '../core/install/install-world';
import { BUILT, NOT_BUILT_REASON } from './cli-world';
import { installAndRegisterArgs, runCli } from '../../world/cli-process';

const setup = useInstallTestSetup();

const failedJob = (o: Partial<JobSnapshot> = {}): JobSnapshot => ({
  id: 'j',
  kind: 'register',
  state: 'failed',
  steps: [],
  startedAt: 0,
  finishedAt: 1,
  logLines: 0,
  logFiles: ['/var/log/mobility-setup/j.log', '/var/log/ua_install.log'],
  outcome: {
    severity: 'error',
    code: 'exit.13',
    message: 'The agent already points to a different configuration server.',
    hint: 'Unregister it.',
    exitCode: 13,
    rebootRequired: false,
    machineState: 'x',
  },
  summary: null,
  nothingToDo: false,
  ...o,
});

describe('README exit-code table', () => {
  it("lists every exit code with whose number it is (the vendor's Windows docs, MSI, or Mobility Setup)", () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    for (const row of CLI_EXIT_CODES) expect(readme).toContain(readmeExitCodeRow(row));
    expect(CLI_EXIT_CODES.find((r) => r.code === 1641)?.meaning).toContain('requires a restart (mandatory');
    expect(readme).toContain('it documents **no Linux codes**');
  });
});

describe('job text', () => {
  it('labels have a space after the colon, and a second log path has no stray colon', () => {
    const text = formatJob(failedJob(), 13);
    expect(text).toContain('Vendor exit code: 13');
    const lines = text.split('\n');
    const second = lines.find((l) => l.endsWith('/var/log/ua_install.log'));
    expect(second?.trimStart()).toBe('/var/log/ua_install.log');
    expect(lines.every((l) => !/^\s*:/.test(l))).toBe(true);
  });

  it('says a restart once: 3010 recommended, 1641 required (mandatory), never that the installer restarts the machine', () => {
    const reboot = (code: number) =>
      formatJob(
        failedJob({
          state: 'succeeded',
          outcome: {
            severity: 'success',
            code: `exit.${code}`,
            message: 'Installed.',
            hint: 'Restart the machine when convenient.',
            exitCode: code,
            rebootRequired: true,
            machineState: null,
          },
        }),
        code,
      );
    expect(reboot(3010).match(/[Rr]estart/g)).toHaveLength(1);
    expect(reboot(1641)).toContain('required to finish the installation (mandatory');
    expect(reboot(1641)).not.toMatch(/restarts the machine/);
  });

  it("quotes the vendor's first error line and what it means, and the explanation's action as Next", () => {
    const line = "ERROR: This version of mobility service doesn't support the operating system kernel version 6.99.";
    const explanation = { id: 'kernel', meaning: 'Kernel not supported.', action: 'Boot a stock kernel.' };
    const base = failedJob();
    const text = formatJob(
      { ...base, outcome: { ...base.outcome!, hint: 'Boot a stock kernel.', vendorError: { line, explanation } } },
      1,
    );
    expect(text).toContain(
      `Vendor error:     ${line}\nMeaning:          Kernel not supported.\nNext:             Boot a stock kernel.`,
    );
  });

  it('an uninstalled agent is "not installed", with no Azure VM agent note', () => {
    const text = formatJob(
      failedJob({
        summary: {
          installed: false,
          version: null,
          installDir: null,
          registered: false,
          server: null,
          logFiles: [],
          azureVmAgentNote: null,
          walinuxagentPresent: false,
        },
      }),
      1,
    );
    expect(text).toMatch(/Agent: +not installed/);
    expect(text).not.toMatch(/Azure|Registered/);
  });
});

describe.skipIf(!BUILT)(`usage mistakes (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  it('an unknown option is named in one line, then how to get help; not a missing --installer-dir and the whole help', async () => {
    const result = await runCli(['install', '--passphrase', 'X', '--installer-dir', '/tmp']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "mobility-setup install: unknown option '--passphrase'\nRun mobility-setup install --help for its options.\n",
    );
    const missing = await runCli(['install', '--passphrase', 'X']);
    expect(missing.stderr.split('\n')[0]).toBe("mobility-setup install: unknown option '--passphrase'");
    expect(missing.stderr).not.toMatch(/Usage:|installer-dir/);
  });

  it('a mistyped command is an error with "did you mean", even with --help after it', async () => {
    for (const args of [['instal', '--help'], ['--root', '/tmp', 'instal', '-h'], ['instal']]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        "mobility-setup: unknown command 'instal' (did you mean install?)\nRun mobility-setup --help for the commands.\n",
      );
    }
    // A real command's --help is still help.
    expect((await runCli(['install', '--help'])).code).toBe(0);
  });

  it("--no-register asks for the server kind the installer is set up for, as the vendor's installer does", async () => {
    const { root, installerDir } = await setup.rootWithInstaller({});
    const result = await runCli(['--root', root, 'install', '--installer-dir', installerDir, '--no-register', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--no-register needs --server-kind classic (a configuration server) or --server-kind modernized (a replication appliance)',
    );
    expect((await readVx(root)).size).toBe(0);
    const conflicting = await runCli([
      '--root',
      root,
      'install',
      '--installer-dir',
      installerDir,
      '--config-file',
      '/dev/null',
      '--server-kind',
      'classic',
      '--yes',
    ]);
    expect(conflicting.code).toBe(2);
  });

  it('detect and install say the same about a missing root folder', async () => {
    const root = '/nonexistent-mobility-root';
    const detect = await runCli(['--root', root, 'detect']);
    const install = await runCli([
      '--root',
      root,
      'install',
      '--installer-dir',
      '/tmp',
      '--no-register',
      '--server-kind',
      'classic',
      '--yes',
    ]);
    const sentence = `the root folder ${root} does not exist. Pass an existing folder to --root, or leave --root out to use this machine (/).\n`;
    expect(detect.stderr).toBe(`mobility-setup detect: ${sentence}`);
    expect(install.stderr).toBe(`mobility-setup install: ${sentence}`);
    expect([detect.code, install.code]).toEqual([2, 2]);
  });
});

describe.skipIf(!BUILT)(`register exit 13 (built CLI)${BUILT ? '' : ` — skipped: ${NOT_BUILT_REASON}`}`, () => {
  let other: CsSimulator;
  beforeAll(async () => {
    other = await startCsSimulator({ passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await other.close();
  });

  it('an agent registered with another server: exit 13, and every line says it is still registered with that server', async () => {
    const { root, installerDir } = await setup.rootWithInstaller({});
    const passphraseFile = path.join(root, 'MobSvc.passphrase');
    await writeFile(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    const installed = await runCli(installAndRegisterArgs(root, installerDir, setup.cs.endpoint, passphraseFile));
    expect(installed.code).toBe(0);
    // The summary keeps the port the agent was registered with.
    expect(installed.stdout).toContain(`Registered:       yes, with ${setup.cs.endpoint}`);

    const result = await runCli([
      '--root',
      root,
      'register',
      '--cs-endpoint',
      other.endpoint,
      '--passphrase-file',
      passphraseFile,
      '--yes',
    ]);
    expect(result.code).toBe(13);
    expect((await readVx(root)).get('AGENT_CONFIGURATION_STATUS')).toBe('Succeeded');
    expect(result.stdout).toContain('Vendor exit code: 13');
    expect(result.stdout).toContain(`Registered:       yes, with ${setup.cs.endpoint}`);
    expect(result.stdout).toMatch(
      new RegExp(
        `Machine state: +The Mobility service 9\\.65\\.0\\.0 is installed in /usr/local/ASR and still registered with ${setup.cs.endpoint.replace(/\./g, '\\.')}\\.`,
      ),
    );
    expect(result.stdout).not.toMatch(/not registered/);
    // The hint names where the old registration is removed, not just "unregister it".
    expect(result.stdout).toContain('Replicated items');
    expect(result.stdout).toContain("old configuration server's console");
  });
});
