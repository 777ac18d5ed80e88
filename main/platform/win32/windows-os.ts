import type { OsFacts } from '../../../common/detection';
import { archVerdict, SUPPORT_MATRIX } from '../../core/detect/support-matrix';
import type { SupportMatrix } from '../../core/detect/support-matrix';
import type { OsSection } from '../detection-probes';
import type { RegKey } from './reg-query';
import { regNumber, regString } from './reg-query';

export const CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';

/** Windows 11 kept "Windows 10" in ProductName; its builds start here. */
const WINDOWS_11_FIRST_BUILD = 22000;

export interface WindowsVersionFacts {
  productName: string | null;
  build: number | null;
  ubr: number | null;
  installationType: string | null;
}

export function windowsVersionFacts(keys: readonly RegKey[]): WindowsVersionFacts {
  const build = Number.parseInt(regString(keys, 'CurrentBuild') ?? regString(keys, 'CurrentBuildNumber') ?? '', 10);
  return {
    productName: regString(keys, 'ProductName'),
    build: Number.isFinite(build) ? build : null,
    ubr: regNumber(keys, 'UBR'),
    installationType: regString(keys, 'InstallationType'),
  };
}

/** The build from os.release() ("10.0.20348"), for when the registry could not be read. */
export function buildFromRelease(release: string): number | null {
  const build = Number.parseInt(release.split('.')[2] ?? '', 10);
  return Number.isFinite(build) ? build : null;
}

/** Pure: Windows version facts + arch → OS facts, token and verdict against the matrix's editions. */
export function windowsOsVerdict(facts: WindowsVersionFacts, arch: string, kernel: string | null, matrix: SupportMatrix = SUPPORT_MATRIX): OsSection {
  const isServer = /server/i.test(facts.installationType ?? facts.productName ?? '');
  let name = facts.productName;
  if (name !== null && !isServer && facts.build !== null && facts.build >= WINDOWS_11_FIRST_BUILD) name = name.replace(/^Windows 10\b/, 'Windows 11');
  const version = facts.build === null ? null : facts.ubr === null ? String(facts.build) : `${facts.build}.${facts.ubr}`;
  const os: OsFacts = { family: 'win32', distribution: name, version, kernel, arch, source: CURRENT_VERSION_KEY };
  const archProblem = archVerdict(arch, matrix);
  if (archProblem) return { os, ...archProblem };
  const described = `${name ?? 'This Windows version'}${facts.build === null ? '' : ` (build ${facts.build})`}`;
  const edition = facts.build === null ? undefined : matrix.windowsEditions.find((e) => e.server === isServer && facts.build! >= e.minBuild && facts.build! <= e.maxBuild);
  if (edition) {
    return { os, token: matrix.windowsToken, supported: true, supportReason: 'support.ok', supportMessage: `${described} is supported (${edition.name}; installer ${matrix.windowsToken}).` };
  }
  return {
    os,
    token: null,
    supported: false,
    supportReason: 'support.version',
    supportMessage: `${described} is not a Windows version the Mobility service supports (${matrix.windowsEditions.map((e) => e.name).join(', ')}).`,
  };
}
