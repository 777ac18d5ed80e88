import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORT_MATRIX } from '../../../../main/platform/support-matrix';
import { linuxOsVerdict, readLinuxRelease } from '../../../../main/platform/linux/os-token';
import type { LinuxReleaseFiles } from '../../../../main/platform/linux/os-token';

const none: LinuxReleaseFiles = {
  oracleRelease: null,
  redhatRelease: null,
  suseRelease: null,
  osRelease: null,
  lsbRelease: null,
  debianVersion: null,
};
const files = (overrides: Partial<LinuxReleaseFiles>): LinuxReleaseFiles => ({ ...none, ...overrides });
const verdict = (overrides: Partial<LinuxReleaseFiles>, arch = 'x86_64') =>
  linuxOsVerdict(files(overrides), arch, '5.15.0');

const maybeText = fc.option(fc.string({ maxLength: 200 }), { nil: null });
const anyFiles = fc.record({
  oracleRelease: maybeText,
  redhatRelease: maybeText,
  suseRelease: maybeText,
  osRelease: maybeText,
  lsbRelease: maybeText,
  debianVersion: maybeText,
});
const ubuntuLsb = (release: string) =>
  `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=x\nDISTRIB_DESCRIPTION="Ubuntu ${release}"\n`;

describe('linuxOsVerdict (pure token function)', () => {
  it('never throws and only ever answers a published token', () => {
    fc.assert(
      fc.property(anyFiles, fc.constantFrom('x86_64', 'aarch64', 'i686'), (input, arch) => {
        const result = linuxOsVerdict(input, arch, null);
        expect(result.supported).toBe(result.token !== null);
        if (result.token !== null) expect(SUPPORT_MATRIX.linuxTokens).toContain(result.token);
      }),
    );
  });

  it('gives no token on any architecture but x86_64, whatever the release files say', () => {
    const arch = fc.string({ minLength: 1, maxLength: 12 }).filter((a) => a !== 'x86_64');
    fc.assert(
      fc.property(anyFiles, arch, (input, machine) => {
        const result = linuxOsVerdict(input, machine, null);
        expect(result).toMatchObject({ token: null, supported: false, supportReason: 'support.arch' });
        expect(result.os.arch).toBe(machine);
      }),
    );
    expect(verdict({ lsbRelease: ubuntuLsb('22.04') }, 'aarch64').supportReason).toBe('support.arch');
  });

  it('maps Debian major N to DEBIANN-64 only for the published majors 7 to 12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 30 }), (major, minor) => {
        const result = verdict({ debianVersion: `${major}.${minor}\n` });
        const published = major >= 7 && major <= 12;
        expect(result.token).toBe(published ? `DEBIAN${major}-64` : null);
        expect(result.supportReason).toBe(published ? 'support.ok' : 'support.version');
      }),
    );
    expect(verdict({ debianVersion: 'trixie/sid\n' }).token).toBeNull();
  });

  it('gives Ubuntu tokens for published LTS releases only', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 40 }), fc.constantFrom('04', '10'), (year, month) => {
        const release = `${year}.${month}`;
        const expected = `UBUNTU-${release}-64`;
        const result = verdict({ lsbRelease: ubuntuLsb(release), debianVersion: 'bookworm/sid\n' });
        expect(result.token).toBe(SUPPORT_MATRIX.linuxTokens.includes(expected) ? expected : null);
      }),
    );
  });

  it('lets /etc/oracle-release win over /etc/redhat-release, and needs OL 6.4 or later', () => {
    const rhel = 'Red Hat Enterprise Linux release 8.9 (Ootpa)\n';
    expect(verdict({ oracleRelease: 'Oracle Linux Server release 8.9\n', redhatRelease: rhel }).token).toBe('OL8-64');
    expect(verdict({ oracleRelease: 'Oracle Linux Server release 6.4\n', redhatRelease: rhel }).token).toBe('OL6-64');
    expect(verdict({ oracleRelease: 'Oracle Linux Server release 6.3\n', redhatRelease: rhel }).token).toBeNull();
    expect(verdict({ redhatRelease: rhel }).token).toBe('RHEL8-64');
  });

  it('maps RHEL rebuilds to RHEL tokens but not Fedora, which also ships /etc/redhat-release', () => {
    expect(verdict({ redhatRelease: 'CentOS release 6.10 (Final)\n' }).token).toBe('RHEL6-64');
    expect(verdict({ redhatRelease: 'Red Hat Enterprise Linux Server release 5.11 (Tikanga)\n' }).token).toBe(
      'RHEL5-64',
    );
    expect(verdict({ redhatRelease: 'Rocky Linux release 8.10 (Green Obsidian)\n' }).token).toBe('RHEL8-64');
    expect(verdict({ redhatRelease: 'Red Hat Enterprise Linux release 10.0 (Coughlan)\n' })).toMatchObject({
      token: null,
      supportReason: 'support.version',
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (release) => {
        expect(verdict({ redhatRelease: `Fedora release ${release} (Name)\n` })).toMatchObject({
          token: null,
          supportReason: 'support.distribution',
        });
      }),
    );
  });

  it('reads SLES 11 service packs and SLES 12 from SuSE-release, SLES 15 from os-release', () => {
    const suse = (version: string, patch: string) =>
      `SUSE Linux Enterprise Server ${version} (x86_64)\nVERSION = ${version}\nPATCHLEVEL = ${patch}\n`;
    expect(verdict({ suseRelease: suse('11', '3') }).token).toBe('SLES11-SP3-64');
    expect(verdict({ suseRelease: suse('11', '4') }).token).toBe('SLES11-SP4-64');
    expect(verdict({ suseRelease: suse('11', '2') }).token).toBeNull();
    expect(verdict({ suseRelease: suse('12', '5') }).token).toBe('SLES12-64');
    expect(verdict({ osRelease: 'NAME="SLES"\nVERSION_ID="15.6"\nID="sles"\n' }).token).toBe('SLES15-64');
    expect(verdict({ osRelease: 'NAME="SLES"\nVERSION_ID="16.0"\nID="sles"\n' }).token).toBeNull();
    // openSUSE is not SLES.
    expect(verdict({ osRelease: 'NAME="openSUSE Leap"\nVERSION_ID="15.5"\nID="opensuse-leap"\n' }).supportReason).toBe(
      'support.distribution',
    );
  });

  it('reports an unknown system when no release file exists', () => {
    const result = verdict({});
    expect(result).toMatchObject({ token: null, supported: false, supportReason: 'support.distribution' });
    expect(result.os.distribution).toBeNull();
  });

  it('follows the matrix data, not code: a token missing from the matrix is unsupported', () => {
    const matrix = { ...SUPPORT_MATRIX, linuxTokens: SUPPORT_MATRIX.linuxTokens.filter((t) => t !== 'DEBIAN12-64') };
    expect(linuxOsVerdict(files({ debianVersion: '12.7\n' }), 'x86_64', null, matrix).supportReason).toBe(
      'support.version',
    );
    expect(linuxOsVerdict(files({ debianVersion: '12.7\n' }), 'x86_64', null).token).toBe('DEBIAN12-64');
  });

  it('names the source file the verdict came from', () => {
    expect(
      readLinuxRelease(
        files({ lsbRelease: ubuntuLsb('20.04'), debianVersion: 'bullseye/sid\n', osRelease: 'NAME="Ubuntu"\n' }),
      ).source,
    ).toBe('/etc/lsb-release');
  });
});
