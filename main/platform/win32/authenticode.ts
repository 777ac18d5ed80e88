/**
 * The Authenticode signature of the Windows installer, read with PowerShell's Get-AuthenticodeSignature.
 * Pure: the command builder and the output parser are tested on Linux against output fixtures in
 * test/fixtures/win32/; the decision (which statuses and publisher are accepted) is the core's.
 *
 * The script is FIXED: the installer path reaches it only through the MS_INSTALLER environment variable and
 * -LiteralPath (no wildcard expansion), never by interpolation into the script text, so no file name can
 * become PowerShell code. The full path of Windows PowerShell is used, so a powershell.exe in the current
 * folder or on PATH is never the one started.
 */
import path from 'node:path';

const INSTALLER_PATH_VARIABLE = 'MS_INSTALLER';

/** Fields projected as plain strings: ConvertTo-Json of the raw object gives enum numbers and a deep certificate. */
export const AUTHENTICODE_SCRIPT =
  "$ErrorActionPreference = 'Stop'; " +
  '$s = Get-AuthenticodeSignature -LiteralPath $env:MS_INSTALLER; ' +
  '[pscustomobject]@{ Status = [string]$s.Status; StatusMessage = [string]$s.StatusMessage; ' +
  'Subject = $(if ($s.SignerCertificate) { [string]$s.SignerCertificate.Subject } else { $null }); ' +
  'Thumbprint = $(if ($s.SignerCertificate) { [string]$s.SignerCertificate.Thumbprint } else { $null }) } | ConvertTo-Json -Compress';

export interface AuthenticodeCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
}

export function authenticodeCommand(
  installer: string,
  systemRoot: string | undefined = process.env.SystemRoot,
): AuthenticodeCommand {
  const windowsDir = systemRoot && path.win32.isAbsolute(systemRoot) ? systemRoot : 'C:\\Windows';
  return {
    file: path.win32.join(windowsDir, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
    args: ['-NoProfile', '-NonInteractive', '-Command', AUTHENTICODE_SCRIPT],
    env: { [INSTALLER_PATH_VARIABLE]: installer },
  };
}

/** System.Management.Automation.SignatureStatus, by number (the raw object's ConvertTo-Json gives numbers). */
const STATUS_NAMES = [
  'Valid',
  'UnknownError',
  'NotSigned',
  'HashMismatch',
  'NotTrusted',
  'NotSupportedFileFormat',
  'Incompatible',
] as const;

export interface AuthenticodeResult {
  /** "Valid", "NotSigned", "HashMismatch", "NotTrusted", "UnknownError", … */
  status: string;
  statusMessage: string;
  /** The signer certificate's subject, e.g. "CN=Microsoft Corporation, O=Microsoft Corporation, …". */
  subject: string | null;
  /** The subject's common name (CN), the publisher a person sees in Windows' own dialogs. */
  publisher: string | null;
  thumbprint: string | null;
}

/** The CN of an X.500 subject; handles a quoted CN ("CN=\"Contoso, Ltd.\", O=…"). */
export function commonName(subject: string | null): string | null {
  if (!subject) return null;
  const match = /(?:^|,\s*)CN=(?:"((?:[^"]|"")*)"|([^,]*))/.exec(subject);
  if (!match) return null;
  return (match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? '')).trim() || null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Reads the script's JSON (or the raw `Get-AuthenticodeSignature | ConvertTo-Json` shape, with a numeric
 * Status and a nested SignerCertificate); null for anything else, which the core treats as "not verified".
 */
export function parseAuthenticode(output: string): AuthenticodeResult | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.replace(/^\uFEFF/, '').trim());
  } catch {
    return null;
  }
  if (Array.isArray(parsed)) parsed = parsed.length === 1 ? parsed[0] : null;
  if (!parsed || typeof parsed !== 'object') return null;
  const record = parsed as Record<string, unknown>;
  const rawStatus = record.Status;
  const status = typeof rawStatus === 'number' ? (STATUS_NAMES[rawStatus] ?? `Status${rawStatus}`) : text(rawStatus);
  if (status === null) return null;
  const certificate =
    record.SignerCertificate && typeof record.SignerCertificate === 'object'
      ? (record.SignerCertificate as Record<string, unknown>)
      : null;
  const subject = text(record.Subject) ?? text(certificate?.Subject);
  return {
    status,
    statusMessage: text(record.StatusMessage) ?? '',
    subject,
    publisher: commonName(subject),
    thumbprint: text(record.Thumbprint) ?? text(certificate?.Thumbprint),
  };
}
