/**
 * The one registry of the codes a job outcome or an error carries: for each, the exit code `install` and
 * `register` exit with (the number the wizard's summary shows too), and its severity. A code is its own
 * message key: the catalogs (common/i18n/en-codes.ts) are keyed by it, and a test fails when a
 * code here has no message there. Where a vendor code means the same thing, the vendor's number is used
 * (../shared/domain.md); the rest sit in ranges the vendor does not use. The README's table lists them all.
 */
import type { Severity } from './install';

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
  /** Another install, register or uninstall holds the job lock (the vendor's 41: another instance running). */
  jobBusy: 41,
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
  /** Success; the installer requires a restart (vendor 1641: mandatory). */
  rebootRequired: 1641,
  rebootRecommended: 3010,
} as const;

interface ErrorCodeInfo {
  exit: number;
  severity: Severity;
  /** A vendor command's outcome: the number it exited with goes out (14, 1603, an undocumented one, …). */
  vendor?: true;
}

const error = (exit: number): ErrorCodeInfo => ({ exit, severity: 'error' });
const vendor = (exit: number, severity: Severity = 'error'): ErrorCodeInfo => ({ exit, severity, vendor: true });
const success: ErrorCodeInfo = { exit: EXIT.ok, severity: 'success' };

export const ERROR_CODES = {
  'install.succeeded': success,
  'install.nothingToDo': success,
  'register.succeeded': success,
  'register.nothingToDo': success,
  'uninstall.succeeded': success,
  /** Nothing installed: nothing to remove (exit 0, so a rerun by a fleet tool is not an error). */
  'uninstall.nothingToDo': success,
  'uninstall.leftovers': error(EXIT.verifyFailed),
  'uninstall.timeout': error(EXIT.timeout),
  'job.cancelled': { exit: EXIT.cancelled, severity: 'warning' },
  'job.busy': error(EXIT.jobBusy),
  'job.lockUnsafe': error(EXIT.failed),
  'job.lockStuck': error(EXIT.failed),
  'journal.unsafe': error(EXIT.failed),
  'job.notFound': error(EXIT.failed),
  internal: error(EXIT.internal),
  'platform.unsupported': error(EXIT.failed),
  'install.unsupported': error(EXIT.unsupported),
  'install.restartPending': error(EXIT.restartPending),
  'install.downgrade': error(EXIT.downgrade),
  // More than four versions apart: the vendor's own "upgrade not supported" (11), refused before running.
  'install.upgradeSteps': error(11),
  'installer.none': error(EXIT.installerNotFound),
  'installer.folderMissing': error(EXIT.installerNotFound),
  'installer.ambiguous': error(EXIT.installerNotFound),
  'installer.checksumMismatch': error(EXIT.installerIntegrity),
  'installer.changed': error(EXIT.installerIntegrity),
  'installer.unreadable': error(EXIT.installerIntegrity),
  'installer.untrusted': error(EXIT.installerIntegrity),
  'installer.signature': error(EXIT.installerIntegrity),
  'extract.unsafe': error(EXIT.installerIntegrity),
  'extract.tooLarge': error(EXIT.installerIntegrity),
  'extract.notFound': error(EXIT.installerIntegrity),
  'extract.corrupt': error(EXIT.installerIntegrity),
  'extract.failed': error(EXIT.installerIntegrity),
  'install.serverUnreachable': error(EXIT.serverUnreachable),
  'install.notElevated': error(EXIT.notElevated),
  'elevation.notGranted': { exit: EXIT.notElevated, severity: 'warning' },
  'elevation.noPolkitAgent': error(EXIT.notElevated),
  'elevation.noCommand': error(EXIT.notElevated),
  'elevation.failed': error(EXIT.notElevated),
  'elevation.unsafeCommand': error(EXIT.notElevated),
  'install.diskSpace': error(EXIT.diskSpace),
  'verify.version': error(EXIT.verifyFailed),
  'verify.notRegistered': error(EXIT.verifyFailed),
  'register.notInstalled': error(EXIT.notInstalled),
  'install.timeout': error(EXIT.timeout),
  'register.timeout': error(EXIT.timeout),
  'installDir.notAbsolute': error(EXIT.failed),
  'installDir.unsafe': error(EXIT.failed),
  'installDir.invalid': error(EXIT.failed),
  'endpoint.empty': error(EXIT.usage),
  'endpoint.invalid': error(EXIT.usage),
  'endpoint.scheme': error(EXIT.usage),
  'endpoint.port': error(EXIT.usage),
  'path.empty': error(EXIT.usage),
  'path.controlCharacter': error(EXIT.usage),
  'path.tooLong': error(EXIT.usage),
  'passphrase.empty': error(EXIT.usage),
  'passphrase.whitespace': error(EXIT.usage),
  'passphrase.unprintable': error(EXIT.usage),
  'passphrase.tooLong': error(EXIT.usage),
  'config.invalid': error(EXIT.usage),
  'api.invalidRequest': error(EXIT.usage),
  'api.unknownMethod': error(EXIT.failed),
  'secret.unsafeBase': error(EXIT.failed),
  'secret.badName': error(EXIT.failed),
  'log.notAllowed': error(EXIT.failed),
  'log.missing': error(EXIT.failed),
  'log.openUnavailable': error(EXIT.failed),
  'antivirus.installDirInvalid': error(EXIT.failed),
  'antivirus.configNotAFile': error(EXIT.failed),
  // The anti-virus fix job: every fix applied (or nothing to do), or one that did not take (av-check's exit 1).
  'antivirus.fixDone': success,
  'antivirus.fixIncomplete': error(EXIT.failed),
  'helper.failed': error(EXIT.failed),
  'helper.endpoint': error(EXIT.failed),
  'helper.installDir': error(EXIT.failed),
  'helper.installerFile': error(EXIT.failed),
  'helper.internal': error(EXIT.failed),
  'helper.outputFile': error(EXIT.failed),
  'helper.platform': error(EXIT.failed),
  'helper.requestDir': error(EXIT.failed),
  'helper.requestFile': error(EXIT.failed),
  'helper.requestInvalid': error(EXIT.failed),
  'helper.requestPath': error(EXIT.failed),
  'helper.requestUnreadable': error(EXIT.failed),
  'helper.requester': error(EXIT.failed),
  'helper.sandboxRoot': error(EXIT.failed),
  'helper.uninstaller': error(EXIT.failed),
  'helper.notInstalled': error(EXIT.notInstalled),
  'helper.secretFile': error(EXIT.failed),
  'helper.workBase': error(EXIT.failed),
  'bundle.prepared': success,
  'bundle.exists': error(EXIT.usage),
  'bundle.cannotWrite': error(EXIT.failed),
  'bundle.notFound': error(EXIT.failed),
  'bundle.notAbsolute': error(EXIT.usage),
  'bundle.dialogUnavailable': error(EXIT.failed),
  'web.listenFailed': error(EXIT.precondition),
  'web.portInUse': error(EXIT.precondition),
  'web.rendererMissing': error(EXIT.precondition),
  'exit.signal': error(EXIT.failed),
  'exit.unknown': vendor(EXIT.failed),
  'exit.0': vendor(0, 'success'),
  'exit.1': vendor(1),
  'exit.2': vendor(2),
  'exit.3': vendor(3),
  'exit.10': vendor(10),
  'exit.11': vendor(11),
  'exit.13': vendor(13),
  'exit.14': vendor(14),
  'exit.15': vendor(EXIT.downgrade),
  'exit.16': vendor(16),
  'exit.17': vendor(17),
  'exit.41': vendor(41),
  'exit.42': vendor(42),
  'exit.43': vendor(43),
  'exit.44': vendor(44),
  'exit.62': vendor(62),
  'exit.97': vendor(97),
  'exit.98': vendor(EXIT.successWithWarnings, 'warning'),
  'exit.99': vendor(99),
  'exit.1602': vendor(1602),
  'exit.1603': vendor(1603),
  'exit.1618': vendor(1618),
  'exit.1641': vendor(EXIT.rebootRequired, 'success'),
  'exit.3010': vendor(EXIT.rebootRecommended, 'success'),
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The registry entry of a code; a code from outside the registry (a newer helper, say) counts as a failure. */
export function errorCodeInfo(code: string): ErrorCodeInfo {
  return isErrorCode(code) ? ERROR_CODES[code] : error(EXIT.failed);
}

/** The registry code of a vendor exit code: `exit.<n>` for a documented one, `exit.unknown` for the rest. */
export function vendorExitCode(exitCode: number): ErrorCode {
  const code = `exit.${exitCode}`;
  return isErrorCode(code) ? code : 'exit.unknown';
}
