import path from 'node:path';
import type { Command } from 'commander';
import type { InstallRequest, InstallerChoice } from '../../../common/install';
import { globalOptions } from '../context';
import { cliLanguage, cliText } from '../i18n/cli-text';
import { EXIT_HEADING_KO, EXIT_MEANINGS_KO } from '../i18n/help-ko';
import { CLI_EXIT_CODES } from '../exit-codes';
import { UsageError, checkedPath, checkedPort, reportCommandError } from '../usage-error';
import type { RegistrationOptions } from './job-command';
import {
  assertCanConfirm,
  confirm,
  parseSeconds,
  registrationFromOptions,
  runJobCommand,
  withRegistrationOptions,
} from './job-command';

interface InstallOptions extends RegistrationOptions {
  installerDir?: string;
  installDir?: string;
  dataPort?: string;
  inactivityTimeout?: string;
  yes?: boolean;
  verbose?: boolean;
  ignorePendingRestart?: boolean;
}

/** The exit code table as help text (the README carries the same table), in the run's language. */
export function exitCodeHelp(): string {
  const korean = cliLanguage() === 'ko';
  const rows = CLI_EXIT_CODES.map((r) => {
    const linux = r.linux === r.code ? '' : korean ? ` (Linux에서는 ${r.linux})` : ` (${r.linux} on Linux)`;
    return `  ${String(r.code).padStart(4)}${linux}  ${korean ? (EXIT_MEANINGS_KO[r.code] ?? r.meaning) : r.meaning}`;
  });
  return `\n${korean ? EXIT_HEADING_KO : 'Exit codes:'}\n${rows.join('\n')}\n`;
}

/**
 * `mobility-setup install`: the silent install for scripts and configuration management. Same core and
 * same checks as the wizard; the passphrase is read from a file and only ever travels as a file path.
 */
export function registerInstallCommand(program: Command): void {
  const command = program
    .command('install')
    .description('Install the Mobility service silently and register it with the configuration server or appliance')
    // Checked in the action rather than as a commander requiredOption: commander reports a missing required
    // option before an unknown one, so a mistyped option (--passphrase X) would be reported as the wrong error.
    .option(
      '--installer-dir <dir>',
      'required: folder holding Microsoft-ASR_UA_<version>_<OS>_GA_<date>_release.tar.gz (or the Windows .exe)',
    )
    .option('--install-dir <dir>', 'where the agent goes (default: the vendor default, /usr/local/ASR on Linux)');
  withRegistrationOptions(command)
    .option('--no-register', 'install only; register later with `mobility-setup register` (needs --server-kind)')
    .option(
      '--server-kind <kind>',
      'with --no-register: classic (configuration server, -c CSLegacy) or modernized (replication appliance, -c CSPrime)',
    )
    .option('--data-port <n>', 'process server data port for the connectivity check (default 9443)')
    .option(
      '--inactivity-timeout <seconds>',
      'end the vendor installer/configurator after this long without output (default 900)',
    )
    .option('-y, --yes', 'do not ask for confirmation', false)
    .option(
      '--ignore-pending-restart',
      'install even though a system restart is pending (the vendor installer may still refuse: 62)',
      false,
    )
    .option('--verbose', "print the vendor tools' output lines to stderr", false)
    .addHelpText('after', exitCodeHelp())
    .action(async (options: InstallOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      try {
        if (options.installerDir === undefined) throw new UsageError(cliText('usage.installerDir'));
        const registration = registrationFromOptions(options, true);
        const dataPort = options.dataPort === undefined ? undefined : checkedPort(options.dataPort, '--data-port');
        const inactivityTimeoutMs = parseSeconds(options.inactivityTimeout, '--inactivity-timeout');
        const request: InstallRequest = {
          installerDir: path.resolve(checkedPath(options.installerDir, '--installer-dir')),
          ...(options.installDir ? { installDir: checkedPath(options.installDir, '--install-dir') } : {}),
          registration,
          ...(dataPort !== undefined ? { dataPort } : {}),
          ...(options.ignorePendingRestart === true ? { ignorePendingRestart: true } : {}),
        };
        const question = (choice: InstallerChoice | null) => {
          const about = {
            version: choice?.chosen.version ?? '',
            source: choice?.chosen.path ?? request.installerDir,
          };
          if (registration.mode === 'classic')
            return cliText('ask.installRegister', { ...about, server: registration.endpoint });
          return cliText(registration.mode === 'modernized' ? 'ask.installAppliance' : 'ask.install', about);
        };
        assertCanConfirm(options.yes === true, 'install');
        process.exitCode = await runJobCommand({
          root,
          json,
          verbose: options.verbose === true,
          inactivityTimeoutMs,
          method: 'startInstall',
          input: request,
          confirm: (choice) => confirm(question(choice), options.yes === true, 'install'),
        });
      } catch (err) {
        process.exitCode = reportCommandError(err, 'install', json);
      }
    });
}
