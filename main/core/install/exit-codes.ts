import { ERROR_CODES, vendorExitCode } from '../../../common/error-codes';
import type { ErrorCode } from '../../../common/error-codes';
import type { Severity } from '../../../common/install';
import { selectOsProfile } from '../../platform/select';

/**
 * What the vendor installer's and configurator's exit codes mean, and what a person does next.
 * Source: the vendor's Windows documentation (../../../shared/domain.md "Exit codes") plus the generic MSI
 * codes. INFERRED for Linux: the Linux installer's codes are undocumented; the Linux and Windows agents are
 * built from one code base and the codes we have seen on Linux (0, 14, 3010, …) match the Windows meanings,
 * so the same table is applied on both. An unknown code still gets a message that names the number and the log.
 */
export interface ExitCodeInfo {
  severity: Severity;
  /** Registry code, "exit.<n>" (or "exit.unknown"). */
  code: ErrorCode;
  /** The vendor's number, as it travels: never parsed back out of `code`. */
  exitCode: number;
  /** What happened. */
  message: string;
  /** What to do next; null when nothing is needed. */
  hint: string | null;
  rebootRequired: boolean;
}

/** The severity of each code is the registry's (common/error-codes.ts). */
type Entry = Omit<ExitCodeInfo, 'code' | 'exitCode' | 'severity'>;

const PASSPHRASE_HINT =
  'Check the passphrase: generate it on the configuration server with genpassphrase.exe -v > MobSvc.passphrase ' +
  '(in %ProgramData%\\ASR\\home\\svsystems\\bin) and check the server address.';

const error = (message: string, hint: string | null): Entry => ({ message, hint, rebootRequired: false });

const TABLE: Record<number, Entry> = {
  0: { message: 'The command completed successfully.', hint: null, rebootRequired: false },
  1: error('The command failed.', 'Read the log for the first error line, fix its cause and run the install again.'),
  2: error(
    'The installer rejected its command line (invalid command line).',
    'This is a Mobility Setup fault: send the log to support.',
  ),
  3: error(
    'The installer rejected an argument (invalid arguments).',
    'Check the install folder and the server address, then try again.',
  ),
  10: error('The install folder is not valid.', 'Choose a local folder on a fixed disk with enough free space.'),
  11: error(
    'Upgrading from the installed version is not supported.',
    'Upgrade in steps of at most 4 minor versions, or uninstall the agent and install this version.',
  ),
  13: error(
    'The agent already points to a different configuration server.',
    // Names where the old registration goes away: the agent's own configurator cannot unregister it.
    'Unregister it from the other server: disable replication of this server in the portal (vault > Replicated ' +
      "items), then remove the server in the old configuration server's console; or uninstall the agent " +
      '(mobility-setup uninstall) and install it again; or register with the server it already uses.',
  ),
  14: error('The passphrase or the configuration server address is not valid.', PASSPHRASE_HINT),
  15: error(
    'A downgrade is not supported: a newer agent is already installed.',
    'Use an installer of the same or a newer version, or uninstall the agent first.',
  ),
  16: error(
    'A required .NET Framework is missing.',
    'Install .NET Framework 4.6.2 or later, then run the install again.',
  ),
  17: error(
    'Registration with the configuration server failed.',
    'Check that the server is reachable on port 443 and that its certificate is valid, then register again.',
  ),
  41: error('Another instance of the installer is running.', 'Wait for it to finish (or end it), then try again.'),
  42: error(
    'This operating system is not supported by this agent version.',
    'Check the support matrix and use the installer built for this OS and kernel.',
  ),
  43: error('The installer could not stop the agent services.', 'Restart the machine, then run the install again.'),
  44: error(
    'The installer could not start the agent services.',
    'Read the log; restart the machine, then run the install again.',
  ),
  62: error('A system restart is pending.', 'Restart the machine, then run the install again.'),
  97: error(
    'The command finished with errors.',
    'Read the log for the first error line, fix its cause and run the install again.',
  ),
  98: { message: 'The command succeeded with warnings.', hint: 'Read the warnings in the log.', rebootRequired: false },
  99: error(
    'A prerequisite check failed.',
    'Read the log for the failed check (disk space, kernel, services), fix it and try again.',
  ),
  1602: error('The installation was cancelled.', 'Run the install again when you are ready.'),
  1603: error(
    'The installer hit a fatal error.',
    'Read the log for the first error line; a restart often helps, then run the install again.',
  ),
  1618: error('Another installation is in progress.', 'Wait for the other installation to finish, then try again.'),
  1641: {
    message: 'The command succeeded; a restart is required to finish (mandatory).',
    hint: 'Restart the machine to finish the installation; the installer does not restart it for you.',
    rebootRequired: true,
  },
  3010: {
    message: 'The command succeeded; a restart is recommended.',
    hint: 'Restart the machine when convenient to finish the installation.',
    rebootRequired: true,
  },
};

/** Every code the catalog knows, for tests and the README. */
export const KNOWN_EXIT_CODES: readonly number[] = Object.keys(TABLE).map(Number);

/** Meaning of a vendor exit code. `logPath` is named in the message of an unknown code. */
export function describeExitCode(exitCode: number, logPath: string | null = null): ExitCodeInfo {
  const entry = TABLE[exitCode];
  const code = vendorExitCode(exitCode);
  if (entry) return { ...entry, code, exitCode, severity: ERROR_CODES[code].severity };
  const where = logPath ? ` in ${logPath}` : '';
  return {
    severity: 'error',
    code: 'exit.unknown',
    exitCode,
    message: `The vendor command ended with exit code ${exitCode}, which is not documented.`,
    hint: `Read the log${where} for the first error line; send it to support if the cause is not clear.`,
    rebootRequired: false,
  };
}

/** The vendor's code from the status the OS reported (Linux keeps only its low 8 bits: the OS profile says). */
export function normalizeExitCode(exitCode: number, platform: NodeJS.Platform): number {
  return selectOsProfile(platform).vendorExitCode(exitCode);
}

/** Codes after which the next step may run: success, success with restart, success with warnings. */
export function isSuccessExit(exitCode: number): boolean {
  return TABLE[exitCode] !== undefined && ERROR_CODES[vendorExitCode(exitCode)].severity !== 'error';
}
