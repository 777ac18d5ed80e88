/**
 * English texts of the core's codes that have a text of their own (see en-codes.ts), except the vendor installer's
 * exit codes (en-exit-codes.ts): what the renderer's first screen bundles. Codes whose English is the core's own
 * message need no entry here: describeCode shows the core's message when the catalog has none.
 */
import type { ErrorCode } from '../error-codes';

export const enCodeTexts = {
  'antivirus.fixDone': 'The anti-virus exclusions were added (or were already there).',
  'antivirus.fixIncomplete': 'Not every anti-virus exclusion could be added: see each scanner.',
  'bundle.prepared': 'The diagnostics bundle is prepared: its files are listed below, nothing is saved yet.',
  'bundle.notFound': 'That diagnostics bundle is no longer prepared (saved, discarded, or the service restarted).',
  'bundle.notAbsolute': 'Give the full path of the file to save the bundle to, starting with / (or a drive letter).',
  'bundle.dialogUnavailable': 'A save dialog exists only in the desktop app: download the bundle or save it to a path.',
  'install.restartPending':
    'A system restart is pending: the Mobility service installer refuses to run until the machine restarts.',
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
} satisfies Partial<Record<ErrorCode, string>> & Record<string, string>;

/** Next steps by core code; '' means "no hint" even when the core sends one. */
export const enCodeHints = {
  'transport.failed': 'Check that mobility-setup is still running, then reload this page.',
  'installer.none': 'Put {{wanted}} in {{dir}}, then search again.',
  'installer.folderMissing': 'Choose the folder that holds the Mobility service installer you downloaded.',
  'install.restartPending': 'Restart the server, then start Mobility Setup again.',
  'conn.control.refused': 'Check the address and that port 443 is open from this server to the configuration server.',
} satisfies Record<string, string>;
