import { describe, expect, it } from 'vitest';
import {
  KNOWN_EXIT_CODES,
  describeExitCode,
  isSuccessExit,
  normalizeExitCode,
} from '../../../../main/core/install/exit-codes';

const DOCUMENTED = [
  0, 1, 2, 3, 10, 11, 13, 14, 15, 16, 17, 41, 42, 43, 44, 62, 97, 98, 99, 1602, 1603, 1618, 1641, 3010,
];

describe('vendor exit-code catalog', () => {
  it('knows every documented code, each with a message and (for failures) a next step', () => {
    expect([...KNOWN_EXIT_CODES].sort((a, b) => a - b)).toEqual(DOCUMENTED);
    for (const code of DOCUMENTED) {
      const info = describeExitCode(code);
      expect(info.code).toBe(`exit.${code}`);
      expect(info.message.length).toBeGreaterThan(10);
      if (info.severity === 'error') expect(info.hint).toBeTruthy();
    }
  });

  it('14 says how to get the passphrase; 3010 and 1641 succeed with a restart; 98 warns', () => {
    expect(describeExitCode(14).hint).toContain('genpassphrase.exe -v > MobSvc.passphrase');
    expect(describeExitCode(14).hint).toContain('server address');
    expect(describeExitCode(3010)).toMatchObject({ severity: 'success', rebootRequired: true });
    expect(describeExitCode(1641)).toMatchObject({ severity: 'success', rebootRequired: true });
    expect(describeExitCode(98)).toMatchObject({ severity: 'warning', rebootRequired: false });
    expect([0, 98, 1641, 3010].every(isSuccessExit)).toBe(true);
    expect([1, 14, 1603, 12345].some(isSuccessExit)).toBe(false);
  });

  it('an unknown code names the number and the log', () => {
    const info = describeExitCode(12345, '/var/log/ua_install.log');
    expect(info).toMatchObject({ severity: 'error', code: 'exit.unknown' });
    expect(info.message).toContain('12345');
    expect(info.hint).toContain('/var/log/ua_install.log');
  });

  it('Linux low bytes are read as the Windows codes they came from; Windows codes pass as they are', () => {
    expect(normalizeExitCode(194, 'linux')).toBe(3010);
    expect(normalizeExitCode(105, 'linux')).toBe(1641);
    expect(normalizeExitCode(67, 'linux')).toBe(1603);
    expect(normalizeExitCode(14, 'linux')).toBe(14);
    expect(normalizeExitCode(194, 'win32')).toBe(194);
  });
});
