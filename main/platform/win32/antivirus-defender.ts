/**
 * Microsoft Defender Antivirus on Windows: the PowerShell it runs and the parsing of what comes back. Pure.
 * Scripts are fixed strings; the one variable (the folder to add) travels in an environment variable, so no
 * value is ever part of PowerShell source. Output is JSON (ConvertTo-Json), never the formatted table view.
 */

/** The Defender service is disabled (typical with a third-party scanner): any Mp* cmdlet fails with this. */
export const HRESULT_SERVICE_DISABLED = 0x800106ba;
export const DEFENDER_PATH_ENV = 'MOBILITY_SETUP_AV_PATH';

export const DEFENDER_STATUS_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  '$out = [ordered]@{}',
  'try {',
  '  $s = Get-MpComputerStatus',
  '  $out.status = $s | Select-Object AMServiceEnabled, AntivirusEnabled, RealTimeProtectionEnabled, IsTamperProtected, AMRunningMode',
  '} catch { $out.statusError = [ordered]@{ hresult = $_.Exception.HResult; message = $_.Exception.Message } }',
  'try {',
  '  $p = Get-MpPreference',
  '  $out.exclusionPath = @($p.ExclusionPath)',
  '} catch { $out.preferenceError = [ordered]@{ hresult = $_.Exception.HResult; message = $_.Exception.Message } }',
  '$out | ConvertTo-Json -Depth 4 -Compress',
].join('\n');

export const DEFENDER_ADD_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  `Add-MpPreference -ExclusionPath $env:${DEFENDER_PATH_ENV}`,
].join('\n');

/** powershell.exe by full path (never one found on PATH or in the current folder), no profile, no prompts. */
export function powershellCommand(script: string, systemRoot = 'C:\\Windows'): { file: string; args: string[] } {
  return {
    file: `${systemRoot.replace(/\\+$/, '')}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', script],
  };
}

export type DefenderExclusions =
  | { state: 'read'; paths: string[] }
  | { state: 'needsAdmin' }
  | { state: 'hiddenFromAdmins' }
  | { state: 'error'; message: string };

export interface DefenderState {
  /** false when the service is disabled (HRESULT 0x800106BA) or Defender is not there. */
  serviceEnabled: boolean;
  antivirusEnabled: boolean | null;
  realTimeProtection: boolean | null;
  tamperProtected: boolean | null;
  /** Normal, Passive, EDR Block Mode, … as Defender words it. */
  runningMode: string | null;
  exclusions: DefenderExclusions;
}

const NEEDS_ADMIN = /^N\/A: Must be an administrator/i;
const HIDDEN_FROM_ADMINS = /^N\/A: Administrators are not allowed/i;

export function isServiceDisabledError(error: { hresult?: unknown; message?: unknown } | undefined): boolean {
  if (!error) return false;
  const code = typeof error.hresult === 'number' ? error.hresult >>> 0 : null;
  return code === HRESULT_SERVICE_DISABLED || (typeof error.message === 'string' && /0x800106BA/i.test(error.message));
}

/** ExclusionPath as ConvertTo-Json gives it: null (empty), one string, an array, or the "N/A: …" notice. */
export function parseExclusionPaths(value: unknown): DefenderExclusions {
  const list = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const strings = list.filter((v): v is string => typeof v === 'string');
  if (strings.some((s) => HIDDEN_FROM_ADMINS.test(s))) return { state: 'hiddenFromAdmins' };
  if (strings.some((s) => NEEDS_ADMIN.test(s))) return { state: 'needsAdmin' };
  return { state: 'read', paths: strings.filter((s) => s.trim() !== '') };
}

const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** Parses DEFENDER_STATUS_SCRIPT's output. Null when it is not the JSON the script prints. */
export function parseDefenderStatus(output: string): DefenderState | null {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(output.trim().replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const statusError = data.statusError as { hresult?: unknown; message?: unknown } | undefined;
  const preferenceError = data.preferenceError as { hresult?: unknown; message?: unknown } | undefined;
  if (isServiceDisabledError(statusError) || isServiceDisabledError(preferenceError)) {
    return {
      serviceEnabled: false,
      antivirusEnabled: false,
      realTimeProtection: false,
      tamperProtected: null,
      runningMode: null,
      exclusions: { state: 'error', message: 'The Microsoft Defender Antivirus service is disabled (0x800106BA).' },
    };
  }
  const status = (data.status ?? {}) as Record<string, unknown>;
  const exclusions: DefenderExclusions = preferenceError
    ? {
        state: 'error',
        message: typeof preferenceError.message === 'string' ? preferenceError.message : 'Get-MpPreference failed',
      }
    : parseExclusionPaths(data.exclusionPath);
  return {
    serviceEnabled: bool(status.AMServiceEnabled) ?? !statusError,
    antivirusEnabled: bool(status.AntivirusEnabled),
    realTimeProtection: bool(status.RealTimeProtectionEnabled),
    tamperProtected: bool(status.IsTamperProtected),
    runningMode: typeof status.AMRunningMode === 'string' ? status.AMRunningMode : null,
    exclusions,
  };
}

/** Passive and EDR block modes do not block files in real time (older docs: "Passive Mode", "SxS Passive Mode"). */
export function defenderScansInRealTime(state: DefenderState): boolean {
  if (!state.serviceEnabled || state.antivirusEnabled === false || state.realTimeProtection === false) return false;
  return !(state.runningMode !== null && /passive|edr block/i.test(state.runningMode));
}
