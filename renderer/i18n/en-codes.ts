/**
 * English texts for the core's codes (flat keys: codes contain dots). Every code of the registry
 * (common/error-codes.ts) has one, or tsc and a test fail. Where the core's own message names what it found
 * (a path, a version, a list) and sends no params for it, the English text is that message (CORE_MESSAGE);
 * a translation gives its own, more general text there. Hints fall back to the core's on purpose.
 */
import type { ErrorCode } from '../../common/error-codes';

const PASSPHRASE_HINT =
  'Generate it on the configuration server with genpassphrase.exe -v > MobSvc.passphrase (in %ProgramData%\\ASR\\home\\svsystems\\bin) and check the server address.';

/** The core's own English message (describe-error.ts passes it as `coreMessage`). */
export const CORE_MESSAGE = '{{coreMessage}}';

const CORE_WORDED = [
  'internal', 'install.succeeded', 'install.nothingToDo', 'register.succeeded', 'register.nothingToDo',
  'platform.unsupported', 'install.unsupported', 'installer.ambiguous', 'installer.checksumMismatch',
  'installer.changed', 'installer.unreadable', 'installer.untrusted', 'installer.signature', 'extract.unsafe',
  'extract.tooLarge', 'extract.notFound', 'extract.corrupt', 'extract.failed', 'install.serverUnreachable',
  'install.notElevated', 'elevation.noPolkitAgent', 'elevation.noCommand', 'elevation.failed',
  'elevation.unsafeCommand', 'install.diskSpace', 'verify.version', 'verify.notRegistered', 'register.notInstalled',
  'install.timeout', 'register.timeout', 'uninstall.succeeded', 'uninstall.nothingToDo', 'uninstall.leftovers',
  'uninstall.timeout', 'installDir.notAbsolute', 'installDir.unsafe', 'installDir.invalid',
  'path.empty', 'path.controlCharacter', 'path.tooLong', 'api.invalidRequest', 'api.unknownMethod',
  'secret.unsafeBase', 'secret.badName', 'log.notAllowed', 'log.missing', 'log.openUnavailable',
  'antivirus.installDirInvalid', 'antivirus.configNotAFile', 'helper.failed', 'helper.endpoint', 'helper.installDir',
  'helper.installerFile', 'helper.internal', 'helper.outputFile', 'helper.platform', 'helper.requestDir',
  'helper.requestFile', 'helper.requestInvalid', 'helper.requestPath', 'helper.requestUnreadable', 'helper.requester',
  'helper.sandboxRoot', 'helper.uninstaller', 'helper.notInstalled', 'helper.secretFile', 'helper.workBase', 'web.listenFailed', 'web.portInUse',
  'web.rendererMissing', 'exit.signal', 'exit.unknown',
] as const satisfies readonly ErrorCode[];

/** Messages by core code (flat keys: codes contain dots); other keys are the renderer's own (transport, checks). */
export const enCodes = {
  ...(Object.fromEntries(CORE_WORDED.map((code) => [code, CORE_MESSAGE])) as Record<
    (typeof CORE_WORDED)[number],
    string
  >),
  'job.busy': CORE_MESSAGE,
  'antivirus.fixDone': 'The anti-virus exclusions were added (or were already there).',
  'antivirus.fixIncomplete': 'Not every anti-virus exclusion could be added: see each scanner.',
  'job.lockUnsafe': CORE_MESSAGE,
  'job.lockStuck': CORE_MESSAGE,
  'journal.unsafe': CORE_MESSAGE,
  'bundle.prepared': 'The diagnostics bundle is prepared: its files are listed below, nothing is saved yet.',
  'bundle.exists': CORE_MESSAGE,
  'bundle.cannotWrite': CORE_MESSAGE,
  'bundle.notFound': 'That diagnostics bundle is no longer prepared (saved, discarded, or the service restarted).',
  'bundle.notAbsolute': 'Give the full path of the file to save the bundle to, starting with / (or a drive letter).',
  'install.downgrade': CORE_MESSAGE,
  'install.upgradeSteps': CORE_MESSAGE,
  'bundle.dialogUnavailable':
    'A save dialog exists only in the desktop app: download the bundle or save it to a path.',
  'install.restartPending': 'A system restart is pending: the Mobility service installer refuses to run until the machine restarts.',
  'job.notFound': 'There is no such job in this session.',
  'elevation.notGranted': 'The password prompt was dismissed, so nothing ran with administrator rights.',
  'config.invalid': 'The appliance configuration (config.json) is not valid JSON.',
  'transport.failed': 'The connection to the setup service was lost.',
  'endpoint.empty': 'Enter the configuration server address.',
  'endpoint.invalid': 'Enter an IPv4 address, an IPv6 address or a host name (letters, digits, hyphens and dots).',
  'endpoint.scheme': 'Enter only the address (and optionally :port), without https:// or a path.',
  'endpoint.port': 'The port must be a number from 1 to 65535.',
  'passphrase.empty': 'Enter the passphrase generated on the configuration server.',
  'passphrase.whitespace': 'The passphrase cannot contain spaces or line breaks.',
  'passphrase.unprintable': 'The passphrase contains characters that are not printable ASCII.',
  'passphrase.tooLong': 'The passphrase is longer than 256 characters; check that the right file was loaded.',
  'installer.none': 'No installer for {{token}} was found in {{dir}}.',
  'installer.folderMissing': 'The installer folder {{dir}} does not exist or is not a folder.',
  'conn.control.refused': 'The configuration server refused the connection on its control port.',
  'job.cancelled': 'The job was cancelled.',
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
} satisfies Record<ErrorCode, string> & Record<string, string>;

/** Next steps by core code; '' means "no hint" even when the core sends one. */
export const enHints = {
  'transport.failed': 'Check that mobility-setup is still running, then reload this page.',
  'installer.none': 'Put {{wanted}} in {{dir}}, then search again.',
  'installer.folderMissing': 'Choose the folder that holds the Mobility service installer you downloaded.',
  'install.restartPending': 'Restart the server, then start Mobility Setup again.',
  'conn.control.refused': 'Check the address and that port 443 is open from this server to the configuration server.',
  'exit.1': 'Read the log for the first error line, fix its cause and run the install again.',
  'exit.2': 'This is a Mobility Setup fault: send the log to support.',
  'exit.3': 'Check the install folder and the server address, then try again.',
  'exit.10': 'Choose a local folder on a fixed disk with enough free space.',
  'exit.11': 'Upgrade in steps of at most 4 minor versions, or uninstall the agent and install this version.',
  'exit.13': 'Unregister the agent from the other server (or uninstall it), or register with the server it already uses.',
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
