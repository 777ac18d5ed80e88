import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, parseInstallerName } from '../../../main/core/installer/installer-finder';
import { hostileText } from './hostile-strings';

const part = fc.oneof(fc.nat({ max: 20 }), fc.nat({ max: 999_999_999 }));
const version = fc
  .tuple(part, part, part, part, fc.nat({ max: 2 }))
  .map(([a, b, c, d, zeros]) => [a, b, c, d].map((n) => '0'.repeat(zeros) + String(n)).join('.'));
/** As vendors write them: no leading zeros, each part at most 9 digits. */
const plainVersion = fc.tuple(part, part, part, part).map((parts) => parts.join('.'));

/** Reference order: the parts as big integers, compared left to right. */
function model(a: string, b: string): number {
  const x = a.split('.').map(BigInt);
  const y = b.split('.').map(BigInt);
  for (let i = 0; i < 4; i += 1) {
    const l = x[i] ?? 0n;
    const r = y[i] ?? 0n;
    if (l !== r) return l < r ? -1 : 1;
  }
  return 0;
}

describe('compareVersions', () => {
  it('agrees with big-integer comparison of the parts', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, b)).toBe(model(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(compareVersions(a, a)).toBe(0);
        expect(compareVersions(a, b) + compareVersions(b, a)).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0)
          expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
        if (compareVersions(a, b) >= 0 && compareVersions(b, c) >= 0)
          expect(compareVersions(a, c)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('stays antisymmetric on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(compareVersions(a, b) + compareVersions(b, a)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

const token = fc.oneof(
  fc.constantFrom('UBUNTU-22.04-64', 'RHEL9-64', 'SLES11-SP3-64', 'DEBIAN12-64', 'OL8-64'),
  fc.stringMatching(/^[A-Z0-9][A-Z0-9.-]{0,20}$/),
);
const date = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.constantFrom('Jan', 'Apr', 'Dec'), fc.integer({ min: 2015, max: 2030 }))
  .map(([d, m, y]) => `${d}${m}${y}`);

describe('parseInstallerName', () => {
  it('never throws, and anything it accepts is rebuilt exactly from its parts', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText('x', 120), fc.string({ unit: 'binary', maxLength: 300 })), (name) => {
        const parsed = parseInstallerName(name);
        if (parsed === null) return;
        const rebuilt =
          parsed.platform === 'win32'
            ? `Microsoft-ASR_UA_${parsed.version}_Windows_GA_${parsed.date}_release.exe`
            : `Microsoft-ASR_UA_${parsed.version}_${parsed.token}_GA_${parsed.date}_release.tar.gz`;
        expect(rebuilt).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back every well-formed Linux and Windows name', () => {
    fc.assert(
      fc.property(plainVersion, token, date, fc.boolean(), (v, t, d, windows) => {
        const name = windows
          ? `Microsoft-ASR_UA_${v}_Windows_GA_${d}_release.exe`
          : `Microsoft-ASR_UA_${v}_${t}_GA_${d}_release.tar.gz`;
        expect(parseInstallerName(name)).toEqual({
          version: v,
          token: windows ? 'Windows' : t,
          date: d,
          platform: windows ? 'win32' : 'linux',
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses names with path separators or shell syntax around a valid core', () => {
    fc.assert(
      fc.property(
        plainVersion,
        fc.constantFrom('../', '/', '\\', ';', '$(x)', ' ', '\n'),
        fc.boolean(),
        (v, evil, before) => {
          const core = `Microsoft-ASR_UA_${v}_UBUNTU-22.04-64_GA_23Apr2025_release.tar.gz`;
          expect(parseInstallerName(before ? evil + core : core + evil)).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
