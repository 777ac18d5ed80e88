/**
 * English texts and next steps for the vendor installer's exit codes (exit.<n>, ../shared/domain.md): shown only
 * after a job has run, so the renderer loads them with the later steps' strings, not in the first screen.
 */
import type { ErrorCode } from '../error-codes';

const PASSPHRASE_HINT =
  'Generate it on the configuration server with genpassphrase.exe -v > MobSvc.passphrase (in %ProgramData%\\ASR\\home\\svsystems\\bin) and check the server address.';

export const enExitCodeTexts = {
  'exit.0': 'The command completed successfully.',
  'exit.1': 'The command failed.',
  'exit.2': 'The installer rejected its command line (invalid command line).',
  'exit.3': 'The installer rejected an argument (invalid arguments).',
  'exit.10': 'The install folder is not valid.',
  'exit.11': 'Upgrading from the installed version is not supported.',
  'exit.13': 'The agent already points to a different configuration server.',
  'exit.14': 'The passphrase or the configuration server address is not valid.',
  'exit.15': 'A downgrade is not supported: a newer agent is already installed.',
  'exit.16': 'A required .NET Framework is missing.',
  'exit.17': 'Registration with the configuration server failed.',
  'exit.41': 'Another instance of the installer is running.',
  'exit.42': 'This operating system is not supported by this agent version.',
  'exit.43': 'The installer could not stop the agent services.',
  'exit.44': 'The installer could not start the agent services.',
  'exit.62': 'A system restart is pending.',
  'exit.97': 'The command finished with errors.',
  'exit.98': 'The command succeeded with warnings.',
  'exit.99': 'A prerequisite check failed.',
  'exit.1602': 'The installation was cancelled.',
  'exit.1603': 'The installer hit a fatal error.',
  'exit.1618': 'Another installation is in progress.',
  'exit.1641': 'The command succeeded; a restart is required to finish (mandatory).',
  'exit.3010': 'The command succeeded; a restart is recommended.',
} satisfies Partial<Record<ErrorCode, string>>;

export const enExitCodeHints = {
  'exit.1': 'Read the log for the first error line, fix its cause and run the install again.',
  'exit.2': 'This is a Mobility Setup fault: send the log to support.',
  'exit.3': 'Check the install folder and the server address, then try again.',
  'exit.10': 'Choose a local folder on a fixed disk with enough free space.',
  'exit.11': 'Upgrade in steps of at most 4 minor versions, or uninstall the agent and install this version.',
  'exit.13':
    'Unregister the agent from the other server (or uninstall it), or register with the server it already uses.',
  'exit.14': PASSPHRASE_HINT,
  'exit.15': 'Use an installer of the same or a newer version, or uninstall the agent first.',
  'exit.16': 'Install .NET Framework 4.6.2 or later, then run the install again.',
  'exit.17': 'Check that the server is reachable on port 443 and that its certificate is valid, then register again.',
  'exit.41': 'Wait for it to finish (or end it), then try again.',
  'exit.42': 'Check the support matrix and use the installer built for this OS and kernel.',
  'exit.43': 'Restart the machine, then run the install again.',
  'exit.44': 'Read the log; restart the machine, then run the install again.',
  'exit.62': 'Restart the machine, then run the install again.',
  'exit.97': 'Read the log for the first error line, fix its cause and run the install again.',
  'exit.98': 'Read the warnings in the log.',
  'exit.99': 'Read the log for the failed check (disk space, kernel, services), fix it and try again.',
  'exit.1602': 'Run the install again when you are ready.',
  'exit.1603': 'Read the log for the first error line; a restart often helps, then run the install again.',
  'exit.1618': 'Wait for the other installation to finish, then try again.',
  'exit.1641': 'Restart the machine to finish the installation; the installer does not restart it for you.',
  'exit.3010': 'Restart the machine when convenient to finish the installation.',
} satisfies Record<string, string>;
