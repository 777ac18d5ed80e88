import type { Command } from 'commander';
import { globalOptions } from '../context';
import { cliText } from '../i18n/cli-text';
import { reportCommandError } from '../usage-error';
import { exitCodeHelp } from './install';
import { assertCanConfirm, confirm, parseSeconds, runJobCommand } from './job-command';

interface UninstallOptions {
  inactivityTimeout?: string;
  yes?: boolean;
  verbose?: boolean;
}

/**
 * `mobility-setup uninstall`: removes the installed agent with the vendor's own uninstaller, then checks the
 * machine. Nothing installed is "nothing to do" (exit 0), so a fleet tool can run it on every server.
 */
export function registerUninstallCommand(program: Command): void {
  program
    .command('uninstall')
    .description('Uninstall the Mobility service (replication of this server stops; disable it in the portal first)')
    .option('--inactivity-timeout <seconds>', 'end the uninstaller after this long without output (default 900)')
    .option('-y, --yes', 'do not ask for confirmation', false)
    .option('--verbose', "print the uninstaller's output lines to stderr", false)
    .addHelpText('after', exitCodeHelp())
    .action(async (options: UninstallOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      try {
        const inactivityTimeoutMs = parseSeconds(options.inactivityTimeout, '--inactivity-timeout');
        assertCanConfirm(options.yes === true, 'uninstall');
        const question = cliText('ask.uninstall');
        process.exitCode = await runJobCommand({
          root,
          json,
          verbose: options.verbose === true,
          inactivityTimeoutMs,
          method: 'startUninstall',
          input: {},
          confirm: () => confirm(question, options.yes === true, 'uninstall'),
        });
      } catch (err) {
        process.exitCode = reportCommandError(err, 'uninstall', json);
      }
    });
}
