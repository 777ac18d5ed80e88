import type { Command } from 'commander';
import type { RegisterRequest } from '../../../common/install';
import { globalOptions } from '../context';
import { cliText } from '../i18n/cli-text';
import { reportCommandError } from '../usage-error';
import { exitCodeHelp } from './install';
import type { RegistrationOptions } from './job-command';
import {
  assertCanConfirm,
  confirm,
  parseSeconds,
  registrationFromOptions,
  runJobCommand,
  withRegistrationOptions,
} from './job-command';

interface RegisterOptions extends RegistrationOptions {
  inactivityTimeout?: string;
  yes?: boolean;
  verbose?: boolean;
}

/** `mobility-setup register`: registers the installed agent (classic passphrase file, or modernized config.json). */
export function registerRegisterCommand(program: Command): void {
  const command = program
    .command('register')
    .description(
      'Register the installed Mobility service with a configuration server (classic) or replication appliance (modernized)',
    );
  withRegistrationOptions(command)
    .option('--inactivity-timeout <seconds>', 'end the configurator after this long without output (default 900)')
    .option('-y, --yes', 'do not ask for confirmation', false)
    .option('--verbose', "print the configurator's output lines to stderr", false)
    .addHelpText('after', exitCodeHelp())
    .action(async (options: RegisterOptions, command: Command) => {
      const { root, json } = globalOptions(command);
      try {
        const registration = registrationFromOptions({ ...options, register: true }, false);
        if (registration.mode === 'none') return;
        const inactivityTimeoutMs = parseSeconds(options.inactivityTimeout, '--inactivity-timeout');
        const request: RegisterRequest = { registration };
        const question =
          registration.mode === 'classic'
            ? cliText('ask.register', { server: registration.endpoint })
            : cliText('ask.registerAppliance');
        assertCanConfirm(options.yes === true, 'register');
        process.exitCode = await runJobCommand({
          root,
          json,
          verbose: options.verbose === true,
          inactivityTimeoutMs,
          method: 'startRegister',
          input: request,
          confirm: () => confirm(question, options.yes === true, 'register'),
        });
      } catch (err) {
        process.exitCode = reportCommandError(err, 'register', json);
      }
    });
}
