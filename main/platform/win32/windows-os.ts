import type { OsFacts } from '../../../common/detection';
import { archVerdict, SUPPORT_MATRIX, supportVerdict } from '../support-matrix';
import type { RequiredUpdates, SupportMatrix } from '../support-matrix';
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

/** Whether an edition's updates must be looked for (only then is the list of installed updates read). */
export function needsUpdateCheck(facts: WindowsVersionFacts, matrix: SupportMatrix = SUPPORT_MATRIX): boolean {
  const isServer = /server/i.test(facts.installationType ?? facts.productName ?? '');
  return matrix.windowsEditions.some(
    (e) =>
      e.requiredUpdates &&
      e.server === isServer &&
      facts.build !== null &&
      facts.build >= e.minBuild &&
      facts.build <= e.maxBuild,
  );
}

/**
 * An edition supported only with some updates installed (Server 2008 R2 SP1: SHA-2 and servicing stack, from
 * agent 9.30 on; every installer published today is newer). Unknown updates (the list could not be read)
 * do not refuse the machine: the installer's own prerequisite check still runs.
 */
function updatesVerdict(
  os: OsFacts,
  described: { system: string; build: string },
  edition: string,
  required: RequiredUpdates,
  hotfixes: ReadonlySet<string> | null,
  token: string,
): OsSection {
  const updates = required.updates.map((u) => `${u.id} (${u.name})`).join(' + ');
  const said = { ...described, edition, token, updates, fromAgent: required.fromAgent };
  if (hotfixes === null)
    return {
      os,
      ...supportVerdict({ token, supported: true, supportReason: 'support.ok' }, 'support.windows.updatesUnread', said),
    };
  const missing = required.updates.filter((u) => !hotfixes.has(u.id.toUpperCase()));
  if (missing.length === 0)
    return {
      os,
      ...supportVerdict(
        { token, supported: true, supportReason: 'support.ok' },
        'support.windows.updatesInstalled',
        said,
      ),
    };
  return {
    os,
    ...supportVerdict({ token, supported: false, supportReason: 'support.updates' }, 'support.windows.updatesMissing', {
      ...said,
      missing: missing.map((u) => u.id).join(', '),
    }),
  };
}

/** Pure: Windows version facts + arch (+ installed updates, where an edition needs some) → OS facts, token and verdict. */
export function windowsOsVerdict(
  facts: WindowsVersionFacts,
  arch: string,
  kernel: string | null,
  matrix: SupportMatrix = SUPPORT_MATRIX,
  hotfixes: ReadonlySet<string> | null = null,
): OsSection {
  const isServer = /server/i.test(facts.installationType ?? facts.productName ?? '');
  let name = facts.productName;
  if (name !== null && !isServer && facts.build !== null && facts.build >= WINDOWS_11_FIRST_BUILD)
    name = name.replace(/^Windows 10\b/, 'Windows 11');
  const version =
    facts.build === null ? null : facts.ubr === null ? String(facts.build) : `${facts.build}.${facts.ubr}`;
  const os: OsFacts = { family: 'win32', distribution: name, version, kernel, arch, source: CURRENT_VERSION_KEY };
  const archProblem = archVerdict(arch, matrix);
  if (archProblem) return { os, ...archProblem };
  // Names and builds are the same in every language; the templates put the words around them.
  const described = { system: name ?? 'Windows', build: facts.build === null ? '?' : String(facts.build) };
  const edition =
    facts.build === null
      ? undefined
      : matrix.windowsEditions.find(
          (e) => e.server === isServer && facts.build! >= e.minBuild && facts.build! <= e.maxBuild,
        );
  if (edition?.requiredUpdates)
    return updatesVerdict(os, described, edition.name, edition.requiredUpdates, hotfixes, matrix.windowsToken);
  if (edition) {
    const token = matrix.windowsToken;
    return {
      os,
      ...supportVerdict({ token, supported: true, supportReason: 'support.ok' }, 'support.windows.ok', {
        ...described,
        edition: edition.name,
        token,
      }),
    };
  }
  return {
    os,
    ...supportVerdict({ token: null, supported: false, supportReason: 'support.version' }, 'support.windows.version', {
      ...described,
      editions: matrix.windowsEditions.map((e) => e.name).join(', '),
    }),
  };
}
