/**
 * Security Center (Windows clients only; absent on Windows Server): the anti-virus products Windows knows.
 * productState decoding is the community's (../shared/antivirus.md), so it is kept to the three fields used.
 */

export const SECURITY_CENTER_SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'try {',
  '  @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | Select-Object displayName, productState, pathToSignedProductExe) | ConvertTo-Json -Depth 3 -Compress',
  '} catch { \'{"unavailable":true}\' }',
].join('\n');

export interface ProductState {
  scanner: 'on' | 'off' | 'snoozed' | 'expired' | 'unknown';
  upToDate: boolean;
  microsoft: boolean;
}

export function decodeProductState(state: number): ProductState {
  const scannerBits = state & 0xf000;
  const scanner =
    scannerBits === 0x1000
      ? 'on'
      : scannerBits === 0x2000
        ? 'snoozed'
        : scannerBits === 0x3000
          ? 'expired'
          : scannerBits === 0
            ? 'off'
            : 'unknown';
  return { scanner, upToDate: (state & 0x00f0) !== 0x10, microsoft: (state & 0x0f00) === 0x100 };
}

export interface SecurityCenterProduct {
  name: string;
  state: ProductState;
  exe: string | null;
}

/** Null when Security Center is not there (Windows Server) or the output is not the script's JSON. */
export function parseSecurityCenter(output: string): SecurityCenterProduct[] | null {
  let data: unknown;
  try {
    data = JSON.parse(output.trim().replace(/^\uFEFF/, '') || '[]');
  } catch {
    return null;
  }
  if (
    typeof data === 'object' &&
    data !== null &&
    !Array.isArray(data) &&
    (data as { unavailable?: unknown }).unavailable === true
  )
    return null;
  const list = Array.isArray(data) ? data : [data];
  return list
    .filter(
      (p): p is Record<string, unknown> =>
        typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).displayName === 'string',
    )
    .map((p) => ({
      name: String(p.displayName),
      state: decodeProductState(Number(p.productState) || 0),
      exe: typeof p.pathToSignedProductExe === 'string' ? p.pathToSignedProductExe : null,
    }));
}
