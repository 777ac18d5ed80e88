import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WINDOWS_STYLE, wildcardCovers } from '../../../../main/platform/antivirus-wildcard';
import {
  DEFENDER_ADD_SCRIPT,
  DEFENDER_PATH_ENV,
  DEFENDER_STATUS_SCRIPT,
  defenderScansInRealTime,
  parseDefenderStatus,
  powershellCommand,
} from '../../../../main/platform/win32/antivirus-defender';
import {
  defenderFinding,
  defenderVerdicts,
  expandWindowsVariables,
} from '../../../../main/platform/win32/antivirus-probes';
import { SERVICES_ENV, SERVICES_SCRIPT, parseServices } from '../../../../main/platform/win32/antivirus-products';
import { decodeProductState, parseSecurityCenter } from '../../../../main/platform/win32/antivirus-security-center';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');
const FOLDERS = ['C:\\ProgramData\\ASR\\agent', 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery'];
const add = powershellCommand(DEFENDER_ADD_SCRIPT);

describe('Microsoft Defender Antivirus', () => {
  it('reads an empty exclusion list as read and empty: not excluded, fixable', () => {
    const state = parseDefenderStatus(fixture('defender-status-no-exclusions.json'))!;
    expect(state.exclusions).toEqual({ state: 'read', paths: [] });
    expect(state.tamperProtected).toBe(true);
    const { finding, plan } = defenderFinding(state, FOLDERS, add);
    expect(finding.status).toBe('notExcluded');
    expect(finding.reason).toMatch(/Tamper Protection/);
    expect(plan).toEqual({
      kind: 'commands',
      commands: FOLDERS.map((f) => ({ ...add, env: { [DEFENDER_PATH_ENV]: f } })),
    });
  });

  it('reads exclusions with %ProgramData% and a trailing \\* as covering both folders', () => {
    const state = parseDefenderStatus(fixture('defender-status-with-exclusions.json'))!;
    expect(defenderVerdicts((state.exclusions as { paths: string[] }).paths, FOLDERS)).toEqual([
      { folder: FOLDERS[0], covered: 'yes', by: '%ProgramData%\\ASR\\agent' },
      { folder: FOLDERS[1], covered: 'yes', by: 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery\\*' },
    ]);
    expect(defenderFinding(state, FOLDERS, add).finding.status).toBe('excluded');
  });

  it('reads a single exclusion (ConvertTo-Json gives a string, not an array); a parent folder covers', () => {
    const state = parseDefenderStatus(fixture('defender-status-single-exclusion.json'))!;
    expect(state.exclusions).toEqual({ state: 'read', paths: ['C:\\ProgramData\\ASR'] });
    expect(defenderVerdicts(['C:\\ProgramData\\ASR'], FOLDERS).map((v) => v.covered)).toEqual(['yes', 'no']);
  });

  it('says "cannot tell" when not elevated (the N/A notice is not an exclusion)', () => {
    const state = parseDefenderStatus(fixture('defender-status-not-admin.json'))!;
    expect(state.exclusions).toEqual({ state: 'needsAdmin' });
    const { finding } = defenderFinding(state, FOLDERS, add);
    expect(finding.status).toBe('cannotTell');
    expect(finding.reason).toMatch(/Administrator/);
    expect(finding.exclusions).toEqual([]);
  });

  it('says "cannot tell" and offers no automatic fix when exclusions are hidden even from Administrators', () => {
    const { finding, plan } = defenderFinding(
      parseDefenderStatus(fixture('defender-status-hidden-from-admins.json'))!,
      FOLDERS,
      add,
    );
    expect(finding.status).toBe('cannotTell');
    expect(finding.fix).toBe('manual');
    expect(plan).toBeNull();
  });

  it('recognises HRESULT 0x800106BA as a disabled service (not scanning)', () => {
    const state = parseDefenderStatus(fixture('defender-service-disabled.json'))!;
    expect(state.serviceEnabled).toBe(false);
    expect(defenderScansInRealTime(state)).toBe(false);
    const { finding, plan } = defenderFinding(state, FOLDERS, add);
    expect(finding.status).toBe('notScanning');
    expect(finding.reason).toMatch(/0x800106BA/);
    expect(plan).toBeNull();
  });

  it('treats passive mode as not scanning', () => {
    const state = parseDefenderStatus(fixture('defender-status-passive.json'))!;
    expect(defenderScansInRealTime(state)).toBe(false);
    expect(defenderFinding(state, FOLDERS, add).finding.status).toBe('notScanning');
  });

  it('refuses output that is not the script JSON', () => {
    expect(parseDefenderStatus('Get-MpComputerStatus : The term is not recognized')).toBeNull();
  });

  it('runs fixed scripts by the full powershell.exe path; the folder travels only in the environment', () => {
    expect(add.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(add.args).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-Command',
      DEFENDER_ADD_SCRIPT,
    ]);
    expect(DEFENDER_ADD_SCRIPT).toContain(`$env:${DEFENDER_PATH_ENV}`);
    expect(DEFENDER_STATUS_SCRIPT).toContain('ConvertTo-Json');
    expect(SERVICES_SCRIPT).toContain(`$env:${SERVICES_ENV}`);
  });

  it('matches wildcards per path segment, case-insensitively, and expands only known variables', () => {
    expect(wildcardCovers('c:\\programdata\\asr\\*', FOLDERS[0]!, WINDOWS_STYLE)).toBe('yes');
    expect(wildcardCovers('C:\\Program Files*\\Microsoft Azure Site Recovery', FOLDERS[1]!, WINDOWS_STYLE)).toBe('yes');
    expect(wildcardCovers('C:\\ProgramData\\ASR\\agent\\*.log', FOLDERS[0]!, WINDOWS_STYLE)).toBe('partly');
    expect(wildcardCovers('C:\\ProgramData\\ASRx', FOLDERS[0]!, WINDOWS_STYLE)).toBe('no');
    expect(expandWindowsVariables('%WINDIR%\\x')).toBeNull();
    expect(defenderVerdicts(['%WINDIR%\\x'], FOLDERS).map((v) => v.covered)).toEqual(['unknown', 'unknown']);
  });
});

describe('Security Center and services', () => {
  it('decodes productState', () => {
    expect(decodeProductState(266240)).toEqual({ scanner: 'on', upToDate: true, microsoft: false });
    expect(decodeProductState(397568)).toEqual({ scanner: 'on', upToDate: true, microsoft: true });
    expect(decodeProductState(262160)).toEqual({ scanner: 'off', upToDate: false, microsoft: false });
    expect(decodeProductState(0x2000)).toMatchObject({ scanner: 'snoozed' });
    expect(decodeProductState(0x3000)).toMatchObject({ scanner: 'expired' });
  });

  it('lists products on a client and says "not there" on a server', () => {
    expect(parseSecurityCenter(fixture('security-center-windows-10.json'))!.map((p) => p.name)).toEqual([
      'Windows Defender',
      'Bitdefender Antivirus',
      'Old AV',
    ]);
    expect(parseSecurityCenter(fixture('security-center-unavailable.json'))).toBeNull();
  });

  it('reads the service list as an array or a single object', () => {
    expect(parseServices(fixture('services-third-party.json'))).toEqual([
      { name: 'CSFalconService', status: 'Running' },
      { name: 'SepMasterService', status: 'Stopped' },
    ]);
    expect(parseServices(fixture('services-single.json'))).toEqual([{ name: 'ekrn', status: 'Running' }]);
    expect(parseServices('')).toEqual([]);
  });
});
