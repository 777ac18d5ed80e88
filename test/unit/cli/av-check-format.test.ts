import { describe, expect, it } from 'vitest';
import type { AntivirusReport, ScannerFinding } from '../../../common/antivirus';
import { AV_EXIT, exitCodeForReport, formatAntivirusReport } from '../../../main/cli/commands/av-check';
import { antivirusLine } from '../../../main/cli/commands/job-command';

const finding = (status: ScannerFinding['status'], fix: ScannerFinding['fix'] = 'automatic'): ScannerFinding => ({
  id: 'x',
  product: 'X',
  evidence: ['/opt/x'],
  status,
  reason: 'why',
  folders: [],
  exclusions: [],
  fix,
  manualSteps: ['step one'],
  requestText: 'please exclude',
});
const report = (scanners: ScannerFinding[], canFix = true): AntivirusReport => ({
  platform: 'linux',
  folders: ['/usr/local/ASR'],
  scanners,
  canFix,
  checkedAt: 0,
});
const fix = (outcome: 'fixed' | 'failed' | 'needsRoot') => ({
  scannerId: 'x',
  outcome,
  message: '',
  changedFiles: [],
  backups: [],
  commands: [],
});

describe('av-check output', () => {
  it('maps a report (and fixes) to the documented exit codes', () => {
    expect(exitCodeForReport(report([]))).toBe(AV_EXIT.clear);
    expect(exitCodeForReport(report([finding('excluded'), finding('notScanning')]))).toBe(0);
    expect(exitCodeForReport(report([finding('cannotTell', 'manual')]))).toBe(79);
    expect(exitCodeForReport(report([finding('notExcluded'), finding('cannotTell')]))).toBe(78);
    expect(exitCodeForReport(report([finding('notExcluded')]), [fix('failed')])).toBe(1);
    expect(exitCodeForReport(report([finding('excluded')]), [fix('fixed')])).toBe(0);
    // Every fix stopped at the password prompt (not given, or no way to ask): 74, nothing was changed.
    expect(exitCodeForReport(report([finding('notExcluded')]), [fix('needsRoot')])).toBe(74);
    expect(exitCodeForReport(report([finding('notExcluded')]), [fix('needsRoot'), fix('failed')])).toBe(1);
  });

  it('says "run as root to fix" when not elevated, and shows the request text for console products', () => {
    expect(formatAntivirusReport(report([finding('notExcluded')], false))).toContain(
      'run as root to fix: sudo mobility-setup av-check --fix',
    );
    const text = formatAntivirusReport(report([finding('cannotTell', 'manual')]));
    expect(text).toContain('1. step one');
    expect(text).toContain('| please exclude');
  });

  it("words the install summary's anti-virus line", () => {
    expect(antivirusLine({ decision: 'notChecked', openScanners: [] })).toMatch(/not checked/);
    expect(antivirusLine({ decision: 'allExcluded', openScanners: [] })).toMatch(/excluded from every scanner/);
    expect(
      antivirusLine({
        decision: 'continuedWithWarning',
        openScanners: [{ product: 'CrowdStrike Falcon', status: 'cannotTell' }],
      }),
    ).toBe('continued with a warning: CrowdStrike Falcon may scan the agent folders');
  });
});
