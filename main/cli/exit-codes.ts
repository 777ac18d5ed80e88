import type { JobSnapshot } from '../../common/install';

/**
 * Exit codes of the mobility-setup command line. Where a vendor code means the same thing, the vendor's
 * number is used (../shared/domain.md); the rest sit in ranges the vendor does not use (the README lists all).
 *
 * Success with a restart notice exits 3010 (recommended) or 1641 (the installer restarts), as the vendor's
 * installer does, because automation written for the vendor's installer already understands them.
 * A failed vendor command passes its own code through (14 wrong passphrase, 13 other server, 1603, …).
 * Linux keeps only the low 8 bits of an exit status, exactly as for the vendor's own Linux installer:
 * shells there see 3010 as 194, 1641 as 105, 1602 as 66, 1603 as 67 and 1618 as 82.
 */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** Refused as a downgrade: a newer agent is installed (vendor 15). */
  downgrade: 15,
  /** This OS (or kernel, or architecture) is not supported (vendor 42). */
  unsupported: 42,
  /** Any other unmet precondition. */
  precondition: 64,
  internal: 70,
  installerNotFound: 71,
  installerIntegrity: 72,
  serverUnreachable: 73,
  notElevated: 74,
  diskSpace: 75,
  verifyFailed: 76,
  notInstalled: 77,
  successWithWarnings: 98,
  /** The vendor tool printed nothing for the inactivity timeout and was ended (as GNU timeout(1)). */
  timeout: 124,
  cancelled: 1602,
  rebootInitiated: 1641,
  rebootRecommended: 3010,
} as const;

export interface ExitCodeRow {
  code: number;
  /** What a Linux shell sees ($?): the low 8 bits. */
  linux: number;
  meaning: string;
}

/** Every exit code of `install` and `register`, for the README and `--help` readers. */
export const CLI_EXIT_CODES: readonly ExitCodeRow[] = [
  [EXIT.ok, 'Success; also "nothing to do" (the same version is installed and registered to the same server; nothing changed)'],
  [EXIT.failed, 'Failed (vendor code 1, or a failure with no more specific code)'],
  [EXIT.usage, 'Invalid command line or input (options, server address, passphrase file, config file); vendor 2 means the same'],
  [3, 'Vendor: invalid arguments'],
  [10, 'Vendor: invalid install location'],
  [11, 'Vendor: upgrade from the installed version not supported'],
  [13, 'Vendor: the agent already points to a different configuration server'],
  [14, 'Vendor: invalid passphrase or configuration server endpoint'],
  [EXIT.downgrade, 'Downgrade refused: a newer agent is installed (checked before running; vendor 15)'],
  [16, 'Vendor: .NET Framework missing (Windows)'],
  [17, 'Vendor: registration failed'],
  [41, 'Vendor: another instance of the installer is running'],
  [EXIT.unsupported, 'This OS is not supported (detected before running; vendor 42)'],
  [43, 'Vendor: cannot stop the agent services'],
  [44, 'Vendor: cannot start the agent services'],
  [62, 'Vendor: a system restart is pending'],
  [EXIT.precondition, 'Another precondition is not met'],
  [EXIT.internal, 'Internal error in Mobility Setup'],
  [EXIT.installerNotFound, 'No installer for this OS in --installer-dir (or the folder is missing)'],
  [EXIT.installerIntegrity, 'The installer does not match its checksum file (or the checksum file does not list it), another user could have planted or changed it (owner or mode of the file or its folders), its Windows signature is not the vendor\'s, or its archive is unsafe or damaged; nothing ran'],
  [EXIT.serverUnreachable, 'The configuration server cannot be reached (checked before installing)'],
  [EXIT.notElevated, 'Not root/Administrator and no way to elevate (run with sudo)'],
  [EXIT.diskSpace, 'Not enough free disk space'],
  [EXIT.verifyFailed, 'The vendor tools reported success but the agent state does not show it'],
  [EXIT.notInstalled, 'register: the agent is not installed'],
  [97, 'Vendor: finished with errors'],
  [EXIT.successWithWarnings, 'Success with warnings (vendor 98)'],
  [99, 'Vendor: prerequisite validation failed'],
  [EXIT.timeout, 'The installer or configurator printed nothing for --inactivity-timeout seconds and was ended'],
  [EXIT.cancelled, 'Cancelled (Ctrl+C, or the password prompt was dismissed); MSI 1602'],
  [1603, 'Vendor/MSI: fatal error during installation'],
  [1618, 'Vendor/MSI: another installation is in progress'],
  [EXIT.rebootInitiated, 'Success; the installer restarts the machine (vendor 1641)'],
  [EXIT.rebootRecommended, 'Success; a restart is recommended (vendor 3010)'],
].map(([code, meaning]) => ({ code: code as number, linux: (code as number) & 0xff, meaning: meaning as string }));

/** Exit code for an outcome code (the job's or a handler's UserError code). */
export function exitCodeForError(code: string): number {
  if (code === 'install.unsupported') return EXIT.unsupported;
  if (code === 'exit.15') return EXIT.downgrade;
  if (['installer.none', 'installer.folderMissing', 'installer.ambiguous'].includes(code)) return EXIT.installerNotFound;
  if (code === 'installer.checksumMismatch' || code === 'installer.changed' || code === 'installer.untrusted' || code === 'installer.signature' || code.startsWith('extract.')) return EXIT.installerIntegrity;
  if (code === 'install.serverUnreachable') return EXIT.serverUnreachable;
  if (code === 'install.notElevated' || code.startsWith('elevation.')) return EXIT.notElevated;
  if (code === 'install.diskSpace') return EXIT.diskSpace;
  if (code.startsWith('verify.')) return EXIT.verifyFailed;
  if (code === 'register.notInstalled') return EXIT.notInstalled;
  if (code === 'install.timeout' || code === 'register.timeout') return EXIT.timeout;
  if (code.startsWith('endpoint.') || code.startsWith('path.') || code.startsWith('passphrase.') || code === 'config.invalid' || code === 'api.invalidRequest') return EXIT.usage;
  if (code === 'internal') return EXIT.internal;
  return EXIT.failed;
}

/** The command line's exit code for a finished job. */
export function exitCodeForJob(job: JobSnapshot): number {
  const outcome = job.outcome;
  if (job.state === 'cancelled') return EXIT.cancelled;
  if (job.state === 'succeeded') {
    const code = outcome?.exitCode ?? 0;
    return code === EXIT.rebootRecommended || code === EXIT.rebootInitiated || code === EXIT.successWithWarnings ? code : EXIT.ok;
  }
  if (!outcome) return EXIT.failed;
  // A vendor command decided: its own number goes out (14, 13, 1603, …).
  if (outcome.code.startsWith('exit.') && outcome.exitCode !== null && outcome.exitCode !== 0) return outcome.exitCode;
  return exitCodeForError(outcome.code);
}
