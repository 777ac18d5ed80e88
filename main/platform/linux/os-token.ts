import type { OsFacts } from '../../../common/detection';
import { archVerdict, linuxTokenVerdict, SUPPORT_MATRIX, supportVerdict } from '../support-matrix';
import type { SupportMatrix } from '../support-matrix';
import type { OsSection } from '../detection-probes';
import { parseKeyValueLines } from './vx-version';

/** The release files the vendor's detection script reads, in its order (null = file absent). */
export interface LinuxReleaseFiles {
  oracleRelease: string | null;
  redhatRelease: string | null;
  suseRelease: string | null;
  osRelease: string | null;
  lsbRelease: string | null;
  debianVersion: string | null;
}

export const RELEASE_FILE_PATHS: Record<keyof LinuxReleaseFiles, string> = {
  oracleRelease: '/etc/oracle-release',
  redhatRelease: '/etc/redhat-release',
  suseRelease: '/etc/SuSE-release',
  osRelease: '/etc/os-release',
  lsbRelease: '/etc/lsb-release',
  debianVersion: '/etc/debian_version',
};

/** What the vendor's rules say about the release files, before the arch and the published list. */
export interface LinuxRelease {
  distribution: string | null;
  version: string | null;
  source: string | null;
  /** true when a vendor rule recognised the distribution family (its version may still be unpublished). */
  recognised: boolean;
  candidate: string | null;
}

const firstLine = (text: string) => (text.split(/\r?\n/)[0] ?? '').trim();

/** "<Name> release <x.y…> (<codename>)", as Red Hat-style and Oracle release files say it. */
function redHatStyle(text: string): {
  name: string;
  version: string | null;
  major: number | null;
  minor: number | null;
} {
  const line = firstLine(text);
  const match = /^(.*?)\s+release\s+(\d+)(?:\.(\d+))?[^\s]*/i.exec(line);
  if (!match) return { name: line, version: null, major: null, minor: null };
  const version = /release\s+(\S+)/i.exec(line)?.[1] ?? null;
  return {
    name: (match[1] ?? '').trim(),
    version,
    major: Number(match[2]),
    minor: match[3] === undefined ? null : Number(match[3]),
  };
}

const RHEL_FAMILY = /^(Red Hat Enterprise Linux|CentOS|Rocky Linux|AlmaLinux)/i;

function fromOsRelease(files: LinuxReleaseFiles, source: string | null): LinuxRelease {
  if (files.osRelease === null)
    return { distribution: null, version: null, source, recognised: false, candidate: null };
  const values = parseKeyValueLines(files.osRelease);
  return {
    distribution: values.get('NAME') ?? values.get('ID') ?? null,
    version: values.get('VERSION_ID') ?? null,
    source: source ?? RELEASE_FILE_PATHS.osRelease,
    recognised: false,
    candidate: null,
  };
}

/** The vendor's Linux rules (shared/domain.md), first matching file wins. Pure. */
export function readLinuxRelease(files: LinuxReleaseFiles): LinuxRelease {
  if (files.oracleRelease !== null) {
    const { name, version, major, minor } = redHatStyle(files.oracleRelease);
    // OL6 is published from 6.4 on; earlier 6.x has no installer.
    const tooOld = major === 6 && (minor ?? 0) < 4;
    const candidate = major === null || tooOld ? null : `OL${major}-64`;
    return {
      distribution: name,
      version,
      source: RELEASE_FILE_PATHS.oracleRelease,
      recognised: /Oracle Linux/i.test(name),
      candidate,
    };
  }
  if (files.redhatRelease !== null) {
    const { name, version, major } = redHatStyle(files.redhatRelease);
    // Fedora and others also ship /etc/redhat-release; only RHEL and its rebuilds map to RHEL tokens.
    const recognised = RHEL_FAMILY.test(name);
    return {
      distribution: name,
      version,
      source: RELEASE_FILE_PATHS.redhatRelease,
      recognised,
      candidate: recognised && major !== null ? `RHEL${major}-64` : null,
    };
  }
  if (files.suseRelease !== null && /SUSE Linux Enterprise Server/i.test(files.suseRelease)) {
    const version = /^\s*VERSION\s*=\s*(\S+)/m.exec(files.suseRelease)?.[1] ?? null;
    const patch = /^\s*PATCHLEVEL\s*=\s*(\S+)/m.exec(files.suseRelease)?.[1] ?? null;
    let candidate: string | null = null;
    if (version === '11' && (patch === '3' || patch === '4')) candidate = `SLES11-SP${patch}-64`;
    else if (version !== null && /^12(\.|$)/.test(version)) candidate = 'SLES12-64';
    const shown = version === null ? null : patch && patch !== '0' ? `${version} SP${patch}` : version;
    return {
      distribution: 'SUSE Linux Enterprise Server',
      version: shown,
      source: RELEASE_FILE_PATHS.suseRelease,
      recognised: true,
      candidate,
    };
  }
  if (files.osRelease !== null && /SLES/.test(files.osRelease)) {
    const values = parseKeyValueLines(files.osRelease);
    const version = values.get('VERSION_ID') ?? null;
    const candidate = version !== null && /^15(\.|$)/.test(version) ? 'SLES15-64' : null;
    return {
      distribution: values.get('NAME') ?? 'SLES',
      version,
      source: RELEASE_FILE_PATHS.osRelease,
      recognised: true,
      candidate,
    };
  }
  if (files.lsbRelease !== null) {
    const values = parseKeyValueLines(files.lsbRelease);
    const id = values.get('DISTRIB_ID') ?? null;
    const release = values.get('DISTRIB_RELEASE') ?? null;
    const recognised = id !== null && id.toLowerCase() === 'ubuntu';
    // The vendor publishes LTS releases only (yy.04); interim releases such as 23.10 get no token.
    const candidate = recognised && release !== null && /^\d\d\.04$/.test(release) ? `UBUNTU-${release}-64` : null;
    if (id !== null)
      return { distribution: id, version: release, source: RELEASE_FILE_PATHS.lsbRelease, recognised, candidate };
  }
  if (files.debianVersion !== null) {
    const text = firstLine(files.debianVersion);
    const major = /^(\d+)(\.|$)/.exec(text)?.[1];
    const name = files.osRelease === null ? null : (parseKeyValueLines(files.osRelease).get('NAME') ?? null);
    // Testing/unstable say "trixie/sid": no number, no published installer.
    return {
      distribution: name ?? 'Debian',
      version: text,
      source: RELEASE_FILE_PATHS.debianVersion,
      recognised: true,
      candidate: major === undefined ? null : `DEBIAN${major}-64`,
    };
  }
  return fromOsRelease(files, null);
}

/**
 * Release-file texts + `uname -m` → OS facts, token and verdict. Pure: a non-x86_64 or foreign
 * distribution is tested by calling this, not by finding such a machine.
 */
export function linuxOsVerdict(
  files: LinuxReleaseFiles,
  arch: string,
  kernel: string | null,
  matrix: SupportMatrix = SUPPORT_MATRIX,
): OsSection {
  const release = readLinuxRelease(files);
  const os: OsFacts = {
    family: 'linux',
    distribution: release.distribution,
    version: release.version,
    kernel,
    arch,
    source: release.source,
  };
  const described = [release.distribution ?? 'Linux', release.version].filter(Boolean).join(' ');
  const archProblem = archVerdict(arch, matrix);
  if (archProblem) return { os, ...archProblem };
  if (!release.recognised) {
    const refused = { token: null, supported: false, supportReason: 'support.distribution' };
    return {
      os,
      ...(release.distribution === null
        ? supportVerdict(refused, 'support.noRelease')
        : supportVerdict(refused, 'support.distribution', { system: described })),
    };
  }
  return { os, ...linuxTokenVerdict(release.candidate, described, matrix) };
}
