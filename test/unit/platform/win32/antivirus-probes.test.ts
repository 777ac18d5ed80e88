/** The Windows anti-virus check end to end through the core, with Windows itself (powershell.exe) answering captured output. */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AntivirusService } from '../../../../main/core/antivirus/antivirus-service';
import type { DetectionService } from '../../../../main/core/detect/detection-service';
import type { CommandRunner, RunOptions } from '../../../../main/ports/ports';
import {
  DEFENDER_ADD_SCRIPT,
  DEFENDER_PATH_ENV,
  DEFENDER_STATUS_SCRIPT,
} from '../../../../main/platform/win32/antivirus-defender';
import { SERVICES_ENV, SERVICES_SCRIPT } from '../../../../main/platform/win32/antivirus-products';
import { SECURITY_CENTER_SCRIPT } from '../../../../main/platform/win32/antivirus-security-center';
import { testDeps } from '../../core/detect/helpers';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../../fixtures/win32', name), 'utf8');

interface Call {
  file: string;
  args: readonly string[];
  env: Record<string, string> | undefined;
}

/** powershell.exe as a fake: answers by which fixed script it was given; Add-MpPreference may or may not stick. */
function fakePowershell(
  status: string,
  options: { services?: string; servicesCode?: number; securityCenter?: string; addSticks?: boolean } = {},
): CommandRunner & { calls: Call[] } {
  const calls: Call[] = [];
  let current = status;
  return {
    calls,
    run(file, args, runOptions: RunOptions = {}) {
      calls.push({ file, args, env: runOptions.env });
      const script = args[args.length - 1];
      const out = (stdout: string) => Promise.resolve({ code: 0, signal: null, stdout, stderr: '' });
      if (script === DEFENDER_STATUS_SCRIPT) return out(current);
      if (script === SECURITY_CENTER_SCRIPT)
        return out(options.securityCenter ?? fixture('security-center-unavailable.json'));
      if (script === SERVICES_SCRIPT)
        return Promise.resolve({
          code: options.servicesCode ?? 0,
          signal: null,
          stdout: options.services ?? '',
          stderr: '',
        });
      if (script === DEFENDER_ADD_SCRIPT) {
        if (options.addSticks !== false) {
          const data = JSON.parse(current) as { exclusionPath: (string | null)[] };
          data.exclusionPath = [
            ...data.exclusionPath.filter((p) => p !== null),
            runOptions.env?.[DEFENDER_PATH_ENV] ?? '',
          ];
          current = JSON.stringify(data);
        }
        return out('');
      }
      return Promise.resolve({ code: 1, signal: null, stdout: '', stderr: 'unexpected script' });
    },
    spawn() {
      throw new Error('not used');
    },
  };
}

const elevated = (yes: boolean) =>
  ({
    detect: () => Promise.resolve({ agent: { installDir: null }, privileges: { elevated: yes } }),
  }) as unknown as DetectionService;

function service(runner: CommandRunner, admin = true): AntivirusService {
  return new AntivirusService(testDeps(os.tmpdir(), { platform: 'win32', runner }), elevated(admin));
}

describe('Windows anti-virus check', () => {
  it('adds both folders to Defender through the environment, reads them back, and a second fix changes nothing', async () => {
    const fake = fakePowershell(fixture('defender-status-no-exclusions.json'));
    const av = service(fake);
    const before = await av.check();
    expect(before.folders).toEqual([
      'C:\\ProgramData\\ASR\\agent',
      'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
    ]);
    expect(before.scanners.map((s) => [s.id, s.status])).toEqual([['defender', 'notExcluded']]);
    const fixed = await av.fix({ scannerIds: ['defender'] });
    expect(fixed.results[0]!.outcome).toBe('fixed');
    expect(fixed.report.scanners[0]!.status).toBe('excluded');
    const adds = fake.calls.filter((c) => c.args.includes(DEFENDER_ADD_SCRIPT));
    expect(adds.map((c) => c.env)).toEqual(before.folders.map((f) => ({ [DEFENDER_PATH_ENV]: f })));
    // The folder is never part of the command line.
    for (const call of adds) expect(call.args.join(' ')).not.toContain('Azure Site Recovery');
    expect((await av.fix({ scannerIds: ['defender'] })).results[0]!.outcome).toBe('unchanged');
  });

  it('reports an add that Tamper Protection silently blocked as failed', async () => {
    const av = service(fakePowershell(fixture('defender-status-no-exclusions.json'), { addSticks: false }));
    const fixed = await av.fix({ scannerIds: ['defender'] });
    expect(fixed.results[0]!.outcome).toBe('failed');
    expect(fixed.results[0]!.message).toMatch(/Tamper Protection/);
  });

  it('does not fix when not elevated: cannot tell (N/A notice), and "run as root" for the fix', async () => {
    const fake = fakePowershell(fixture('defender-status-not-admin.json'));
    const av = service(fake, false);
    const fixed = await av.fix({ scannerIds: ['defender'] });
    expect(fixed.report.scanners[0]!.status).toBe('cannotTell');
    expect(fixed.results[0]!.outcome).toBe('needsRoot');
    expect(fake.calls.some((c) => c.args.includes(DEFENDER_ADD_SCRIPT))).toBe(false);
  });

  it('says "cannot tell" when the service query fails, never "no scanner" (Windows PowerShell 2.0 has no ConvertTo-Json)', async () => {
    const noScanner = fixture('defender-status-no-exclusions.json');
    const failed = await service(
      fakePowershell(noScanner, { services: "The term 'ConvertTo-Json' is not recognized", servicesCode: 1 }),
    ).check();
    expect(failed.scanners.find((s) => s.id === 'windows-services-unreadable')).toMatchObject({
      status: 'cannotTell',
      fix: 'manual',
    });
    const answered = await service(fakePowershell(noScanner)).check();
    expect(answered.scanners.find((s) => s.id === 'windows-services-unreadable')).toBeUndefined();
  });

  it('lists third-party products from services and Security Center, each with manual steps', async () => {
    const fake = fakePowershell(fixture('defender-service-disabled.json'), {
      services: fixture('services-third-party.json'),
      securityCenter: fixture('security-center-windows-10.json'),
    });
    const report = await service(fake).check();
    expect(report.scanners.map((s) => [s.id, s.status, s.fix])).toEqual([
      ['defender', 'notScanning', 'automatic'],
      ['symantec', 'cannotTell', 'manual'],
      ['crowdstrike', 'cannotTell', 'manual'],
      ['securitycenter-bitdefender-antivirus', 'cannotTell', 'manual'],
      ['securitycenter-old-av', 'notScanning', 'manual'],
    ]);
    const services = fake.calls.find((c) => c.args.includes(SERVICES_SCRIPT))!;
    expect(services.env?.[SERVICES_ENV]).toContain('CSFalconService');
    expect(report.scanners[2]!.manualSteps.join(' ')).toContain('C:\\ProgramData\\ASR\\agent\\**');
  });
});
