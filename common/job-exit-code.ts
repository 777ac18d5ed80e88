/**
 * The exit code of a finished job: what `mobility-setup install|register` exits with, and the number the
 * wizard's summary shows, so a person at the screen and a script see the same code for the same ending.
 * Where a vendor code means the same thing, the vendor's number is used (../shared/domain.md); the rest sit
 * in ranges the vendor does not use. The README's exit-code table lists them all.
 */
import type { JobSnapshot } from './install';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  /** Refused as a downgrade: a newer agent is installed (vendor 15). */
  downgrade: 15,
  /** This OS (or kernel, or architecture) is not supported (vendor 42). */
  unsupported: 42,
  /** A system restart is pending (vendor 62); refused before installing unless told to ignore it. */
  restartPending: 62,
  /** Any other unmet precondition. */
  precondition: 64,
  internal: 70,
  installerNotFound: 71,
  installerIntegrity: 72,
  serverUnreachable: 73,
  notElevated: 74,
  diskSpace: 75,
  /** Another install, register or uninstall holds the job lock (the vendor's 41: another instance running). */
  jobBusy: 41,
  verifyFailed: 76,
  notInstalled: 77,
  successWithWarnings: 98,
  /** The vendor tool printed nothing for the inactivity timeout and was ended (as GNU timeout(1)). */
  timeout: 124,
  cancelled: 1602,
  /** Success; the installer requires a restart (vendor 1641: mandatory). */
  rebootRequired: 1641,
  rebootRecommended: 3010,
} as const;

/** Exit code for an outcome code (the job's or a handler's UserError code). */
export function exitCodeForError(code: string): number {
  if (code === 'install.unsupported') return EXIT.unsupported;
  if (code === 'install.restartPending') return EXIT.restartPending;
  if (code === 'exit.15') return EXIT.downgrade;
  if (['installer.none', 'installer.folderMissing', 'installer.ambiguous'].includes(code)) return EXIT.installerNotFound;
  if (code === 'installer.checksumMismatch' || code === 'installer.changed' || code === 'installer.unreadable' || code === 'installer.untrusted' || code === 'installer.signature' || code.startsWith('extract.')) return EXIT.installerIntegrity;
  if (code === 'install.serverUnreachable') return EXIT.serverUnreachable;
  if (code === 'install.notElevated' || code.startsWith('elevation.')) return EXIT.notElevated;
  if (code === 'install.diskSpace') return EXIT.diskSpace;
  if (code === 'job.busy') return EXIT.jobBusy;
  if (code.startsWith('verify.')) return EXIT.verifyFailed;
  if (code === 'register.notInstalled') return EXIT.notInstalled;
  if (code === 'install.timeout' || code === 'register.timeout') return EXIT.timeout;
  if (code.startsWith('endpoint.') || code.startsWith('path.') || code.startsWith('passphrase.') || code === 'config.invalid' || code === 'api.invalidRequest') return EXIT.usage;
  if (code === 'internal') return EXIT.internal;
  return EXIT.failed;
}

/** The exit code of a finished job (null while it runs). */
export function exitCodeForJob(job: Pick<JobSnapshot, 'state' | 'outcome'>): number | null {
  const outcome = job.outcome;
  if (job.state === 'running') return null;
  if (job.state === 'cancelled') return EXIT.cancelled;
  if (job.state === 'succeeded') {
    const code = outcome?.exitCode ?? 0;
    return code === EXIT.rebootRecommended || code === EXIT.rebootRequired || code === EXIT.successWithWarnings ? code : EXIT.ok;
  }
  if (!outcome) return EXIT.failed;
  // A vendor command decided: its own number goes out (14, 13, 1603, …).
  if (outcome.code.startsWith('exit.') && outcome.exitCode !== null && outcome.exitCode !== 0) return outcome.exitCode;
  return exitCodeForError(outcome.code);
}
