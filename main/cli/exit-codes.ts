import type { JobSnapshot } from '../../common/install';
import { EXIT, exitCodeForJob as jobExitCode } from '../../common/job-exit-code';

/**
 * Exit codes of the mobility-setup command line. Where a vendor code means the same thing, the vendor's
 * number is used (../shared/domain.md); the rest sit in ranges the vendor does not use (the README lists all).
 *
 * Success with a restart notice exits 3010 (recommended) or 1641 (required), as the vendor's
 * installer does, because automation written for the vendor's installer already understands them.
 * A failed vendor command passes its own code through (14 wrong passphrase, 13 other server, 1603, …).
 * Linux keeps only the low 8 bits of an exit status, exactly as for the vendor's own Linux installer:
 * shells there see 3010 as 194, 1641 as 105, 1602 as 66, 1603 as 67 and 1618 as 82.
 */
export { EXIT, exitCodeForError } from '../../common/job-exit-code';

export interface ExitCodeRow {
  code: number;
  /** What a Linux shell sees ($?): the low 8 bits. */
  linux: number;
  meaning: string;
  /**
   * Whose number it is: the vendor's (documented for its Windows installer and configurator, or a generic MSI
   * code; on Linux the same meaning is INFERRED, the vendor documents no Linux codes) or Mobility Setup's own.
   */
  source: 'vendor' | 'msi' | 'mobility-setup';
}

const VENDOR_CODES = new Set([0, 1, 2, 3, 10, 11, 13, 14, 15, 16, 17, 41, 42, 43, 44, 62, 97, 98, 99, 1641, 3010]);
const MSI_CODES = new Set([1602, 1603, 1618]);

/** Every exit code of `install` and `register`, for the README and `--help` readers. */
export const CLI_EXIT_CODES: readonly ExitCodeRow[] = [
  [
    EXIT.ok,
    'Success; also "nothing to do" (the same version is installed and registered to the same server; nothing changed)',
  ],
  [EXIT.failed, 'Failed (vendor code 1, or a failure with no more specific code)'],
  [
    EXIT.usage,
    'Invalid command line or input (options, server address, passphrase file, config file, a control character in a path); vendor 2 means the same',
  ],
  [3, 'Vendor: invalid arguments'],
  [10, 'Vendor: invalid install location'],
  [
    11,
    "Upgrade from the installed version not supported: more than four versions apart (checked before running, with the stepwise path), or the vendor's own 11",
  ],
  [13, 'Vendor: the agent already points to a different configuration server'],
  [14, 'Vendor: invalid passphrase or configuration server endpoint'],
  [EXIT.downgrade, 'Downgrade refused: a newer agent is installed (checked before running; vendor 15)'],
  [16, 'Vendor: .NET Framework missing (Windows)'],
  [17, 'Vendor: registration failed'],
  [41, 'Vendor: another instance of the installer is running'],
  [EXIT.unsupported, 'This OS is not supported (detected before running; vendor 42)'],
  [43, 'Vendor: cannot stop the agent services'],
  [44, 'Vendor: cannot start the agent services'],
  [
    EXIT.restartPending,
    'A system restart is pending (checked before installing unless --ignore-pending-restart; vendor 62)',
  ],
  [EXIT.precondition, 'Another precondition is not met'],
  [EXIT.internal, 'Internal error in Mobility Setup'],
  [EXIT.installerNotFound, 'No installer for this OS in --installer-dir (or the folder is missing)'],
  [
    EXIT.installerIntegrity,
    "The installer does not match its checksum file (or the checksum file does not list it), another user could have planted or changed it (owner or mode of the file or its folders), its Windows signature is not the vendor's, or its archive is unsafe or damaged; nothing ran",
  ],
  [EXIT.serverUnreachable, 'The configuration server cannot be reached (checked before installing)'],
  [EXIT.notElevated, 'Not root/Administrator and no way to elevate (run with sudo)'],
  [EXIT.diskSpace, 'Not enough free disk space'],
  [EXIT.verifyFailed, 'The vendor tools reported success but the agent state does not show it'],
  [EXIT.notInstalled, 'register: the agent is not installed'],
  [97, 'Vendor: finished with errors'],
  [EXIT.successWithWarnings, 'Success with warnings (vendor 98)'],
  [99, 'Vendor: prerequisite validation failed'],
  [EXIT.timeout, 'The installer or configurator printed nothing for --inactivity-timeout seconds and was ended'],
  [
    EXIT.cancelled,
    'Cancelled (Ctrl+C, SIGTERM, SIGHUP, a closed output pipe, or the password prompt was dismissed); MSI 1602',
  ],
  [1603, 'Vendor/MSI: fatal error during installation'],
  [1618, 'Vendor/MSI: another installation is in progress'],
  [EXIT.rebootRequired, 'Success; the installer requires a restart (mandatory; vendor 1641)'],
  [EXIT.rebootRecommended, 'Success; a restart is recommended (vendor 3010)'],
].map(([code, meaning]) => ({
  code: code as number,
  linux: (code as number) & 0xff,
  meaning: meaning as string,
  source: VENDOR_CODES.has(code as number) ? 'vendor' : MSI_CODES.has(code as number) ? 'msi' : 'mobility-setup',
}));

/** The command line's exit code for a finished job (the same number the wizard's summary shows). */
export function exitCodeForJob(job: JobSnapshot): number {
  return jobExitCode(job) ?? EXIT.failed;
}

const SOURCE_LABEL: Record<ExitCodeRow['source'], string> = {
  vendor: "vendor's (Windows docs; inferred on Linux)",
  msi: 'MSI (inferred on Linux)',
  'mobility-setup': 'Mobility Setup',
};

/** The README's table row for an exit code (a test keeps the README and this table the same). */
export function readmeExitCodeRow(row: ExitCodeRow): string {
  return `| ${row.code}${row.linux !== row.code ? ` [${row.linux}]` : ''} | ${row.meaning.replace(/\|/g, '\\|')} | ${SOURCE_LABEL[row.source]} |`;
}
