/**
 * The anti-virus findings Mobility Setup reads itself (ClamAV, mdatp, Defender) and its fix results carry their
 * sentences as codes: said in English they are exactly the English the core writes (logs, --json, the English
 * CLI), and said in Korean they are Korean, with no English sentence of the core left.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AntivirusReport, FixResult, ScannerFinding } from '../../../../common/antivirus';
import type { CodedText } from '../../../../common/core-text/coded-text';
import { coreTexts } from '../../../../common/core-text/core-text';
import {
  DEFENDER_ADD_SCRIPT,
  parseDefenderStatus,
  powershellCommand,
} from '../../../../main/platform/win32/antivirus-defender';
import type { DefenderState } from '../../../../main/platform/win32/antivirus-defender';
import { defenderFinding } from '../../../../main/platform/win32/antivirus-probes';
import { englishCoreTextLeaks } from '../../cli/korean-leaks';
import { addClamav, addMdatp, addProcess, addRecordingSystemctl } from '../../../world/antivirus-scanners';
import type { AvSandbox } from '../../../world/antivirus-scanners';
import { scannerIn, useAvCoreWorld } from './av-core-world';

let sandbox: AvSandbox | null = null;
const { avSandbox, coreFor } = useAvCoreWorld();
const scanner = (report: AntivirusReport, id: string): ScannerFinding => scannerIn(report, id)!;

const NOT_SAID = '\u0000not said';

/** Coded sentences say `english` in English, and Korean (no English sentence of the core) in Korean. */
function expectSaid(coded: readonly CodedText[] | undefined, english: string): string {
  expect(coded, english).toBeDefined();
  expect(coreTexts('en', coded, NOT_SAID)).toBe(english);
  const korean = coreTexts('ko', coded, NOT_SAID);
  expect(korean, english).not.toBe(NOT_SAID);
  expect(korean).toMatch(/[\uac00-\ud7a3]/);
  expect(englishCoreTextLeaks(korean)).toEqual([]);
  return korean;
}

function expectFindingSaid(finding: Omit<ScannerFinding, 'requestText'>): void {
  expectSaid(finding.reasonTexts, finding.reason);
  expect(finding.manualStepTexts).toHaveLength(finding.manualSteps.length);
  finding.manualSteps.forEach((step, i) => expectSaid([finding.manualStepTexts![i]!], step));
}

const expectFixSaid = (result: FixResult): string => expectSaid(result.messageTexts, result.message);

describe('ClamAV', () => {
  it('says its verdicts, its notes, its steps and its fix result in both languages', async () => {
    sandbox = avSandbox();
    addClamav(sandbox, 'clamd-excludes-mixed.conf');
    const c = coreFor(sandbox.root);
    const clam = scanner(await c.antivirus.check(), 'clamav');
    expect(clam.status).toBe('notExcluded');
    expectFindingSaid(clam);
    expect(coreTexts('ko', clam.reasonTexts, NOT_SAID)).toContain(
      '/usr/local/InMage은(는) 일부만 제외되어 있습니다(ExcludePath \\.log$이(가) 모든 파일이 아닌 일부 파일만 포함).',
    );

    // No systemctl under the sandbox root: the fix says the restart was left out, in both languages.
    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]!.message).toMatch(/^Added to \/etc\/clamav\/clamd\.conf: .*Sandbox root /);
    expect(expectFixSaid(fixed.results[0]!)).toContain('/etc/clamav/clamd.conf에 추가했습니다');
    const again = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(again.results[0]!.outcome).toBe('unchanged');
    expectFixSaid(again.results[0]!);
  });

  it('says a restart that failed, with the exit code', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    addRecordingSystemctl(sandbox, 5);
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]!.message).toContain('But restarting clamav-daemon failed (exit 5)');
    expect(expectFixSaid(fixed.results[0]!)).toContain('종료 코드 5');
  });

  it('says "the configuration was not found" and the lines to add, joined in the reader\'s language', async () => {
    sandbox = avSandbox();
    addProcess(sandbox, 4343, 'clamd', ['/usr/sbin/clamd', '--foreground=true']);
    const c = coreFor(sandbox.root);
    const clam = scanner(await c.antivirus.check(), 'clamav');
    expect(clam.status).toBe('cannotTell');
    expect(clam.manualSteps[0]).toContain('ExcludePath ^/usr/local/ASR/ and ExcludePath ^/usr/local/InMage/');
    expectFindingSaid(clam);
    expect(coreTexts('ko', clam.manualStepTexts, NOT_SAID)).toContain(
      'ExcludePath ^/usr/local/ASR/ 및 ExcludePath ^/usr/local/InMage/',
    );
  });
});

describe('Defender for Endpoint (mdatp)', () => {
  it('says its finding and "the folders were added"', async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt');
    const c = coreFor(sandbox.root);
    expectFindingSaid(scanner(await c.antivirus.check(), 'mdatp'));
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.outcome).toBe('fixed');
    expectFixSaid(fixed.results[0]!);
  });

  it('says an add that does not show when read back, with the reason it quotes in the same language', async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt', { dropAdds: true });
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    const result = fixed.results[0]!;
    expect(result.message).toContain('But reading the exclusions back does not show the folders as excluded (');
    const korean = expectFixSaid(result);
    expect(korean).toContain('다시 읽어 보니');
    expect(korean).toContain('/usr/local/ASR은(는) 제외되어 있지 않습니다.');
  });

  it("says a refused add with the tool's own output kept as written", async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt', { addExit: 7, addOutput: 'Invalid path' });
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.message).toContain('refused the exclusion (exit 7): Invalid path');
    expect(expectFixSaid(fixed.results[0]!)).toContain('Invalid path');
  });

  it('says a managed profile with admin_only, and "cannot be changed from this server"', async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt');
    mkdirSync(sandbox.at('/etc/opt/microsoft/mdatp/managed'), { recursive: true });
    copyFileSync(
      path.resolve(__dirname, '../../../fixtures/linux/mdatp-managed-admin-only.json'),
      sandbox.at('/etc/opt/microsoft/mdatp/managed/mdatp_managed.json'),
    );
    const c = coreFor(sandbox.root);
    const md = scanner(await c.antivirus.check(), 'mdatp');
    expect(md.reason).toMatch(/admin_only/);
    expectFindingSaid(md);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.outcome).toBe('manual');
    expectFixSaid(fixed.results[0]!);
  });

  it('says real-time protection is off', async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt', { realTime: 'false' });
    const c = coreFor(sandbox.root);
    const md = scanner(await c.antivirus.check(), 'mdatp');
    expect(md.status).toBe('notScanning');
    expectFindingSaid(md);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.outcome).toBe('unchanged');
    expectFixSaid(fixed.results[0]!);
  });

  it('says a scanner that is not there', async () => {
    sandbox = avSandbox();
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.message).toBe('No scanner "mdatp" was found on this machine.');
    expectFixSaid(fixed.results[0]!);
  });
});

describe('Microsoft Defender Antivirus', () => {
  const FOLDERS = ['C:\\ProgramData\\ASR\\agent', 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery'];
  const fixture = (name: string) =>
    parseDefenderStatus(readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8'))!;
  const add = powershellCommand(DEFENDER_ADD_SCRIPT);

  it.each([
    'defender-status-no-exclusions.json',
    'defender-status-with-exclusions.json',
    'defender-status-single-exclusion.json',
    'defender-status-not-admin.json',
    'defender-status-hidden-from-admins.json',
    'defender-status-passive.json',
    'defender-service-disabled.json',
  ])('says the finding of %s in both languages', (name) => {
    expectFindingSaid(defenderFinding(fixture(name), FOLDERS, add).finding);
  });

  it('says the Tamper Protection note after the verdicts, and keeps an error message as written', () => {
    const tampered = defenderFinding(fixture('defender-status-no-exclusions.json'), FOLDERS, add).finding;
    expect(tampered.reason).toMatch(/is not excluded\. Tamper Protection is on: /);
    expect(coreTexts('ko', tampered.reasonTexts, NOT_SAID)).toMatch(/않습니다\. Tamper Protection이 켜져 있습니다/);
    const state: DefenderState = { ...fixture('defender-status-no-exclusions.json') };
    state.exclusions = { state: 'error', message: 'Access denied (0x80070005)' };
    const failed = defenderFinding(state, FOLDERS, add).finding;
    expect(failed.reason).toBe('Get-MpPreference failed: Access denied (0x80070005)');
    expect(expectSaid(failed.reasonTexts, failed.reason)).toContain('Access denied (0x80070005)');
  });
});
