import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AntivirusService } from '../../../../main/core/antivirus/antivirus-service';
import type { DetectionService } from '../../../../main/core/detect/detection-service';
import { testDeps } from '../detect/helpers';
import { addClamav, addMdatp, addProcess, addRecordingSystemctl } from '../../../world/antivirus-scanners';
import type { AvSandbox } from '../../../world/antivirus-scanners';
import { scannerIn, useAvCoreWorld } from './av-core-world';

let sandbox: AvSandbox | null = null;
const { avSandbox, coreFor } = useAvCoreWorld();
const scanner = scannerIn;

describe('ClamAV under a sandbox root', () => {
  it('is checked, fixed (backup, atomic, mode kept, restart asked for), checked again, and a second fix changes nothing', async () => {
    sandbox = avSandbox();
    addClamav(sandbox, 'clamd-excludes-mixed.conf');
    const calls = addRecordingSystemctl(sandbox);
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const c = coreFor(sandbox.root);

    const before = await c.antivirus.check();
    expect(before.folders).toEqual(['/usr/local/ASR', '/usr/local/InMage']);
    const clam = scanner(before, 'clamav')!;
    expect(clam.status).toBe('notExcluded');
    expect(clam.evidence).toEqual(['/etc/clamav/clamd.conf', 'process clamd', 'service clamav-daemon']);
    expect(clam.fix).toBe('automatic');
    expect(clam.requestText).toContain('/usr/local/ASR');

    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results).toEqual([
      expect.objectContaining({
        scannerId: 'clamav',
        outcome: 'fixed',
        changedFiles: ['/etc/clamav/clamd.conf'],
        backups: ['/etc/clamav/clamd.conf.mobility-setup.bak'],
      }),
    ]);
    expect(scanner(fixed.report, 'clamav')!.status).toBe('excluded');
    const text = sandbox.read('/etc/clamav/clamd.conf');
    expect(text.startsWith(original)).toBe(true);
    expect(text).toContain('\nExcludePath ^/usr/local/ASR/\nExcludePath ^/usr/local/InMage/\n');
    expect(sandbox.read('/etc/clamav/clamd.conf.mobility-setup.bak')).toBe(original);
    expect(statSync(sandbox.at('/etc/clamav/clamd.conf')).mode & 0o777).toBe(0o644);
    // clamd reads its configuration only at start: a restart, through the systemctl under the root prefix.
    expect(readFileSync(calls, 'utf8')).toBe('restart clamav-daemon\n');

    const again = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(again.results[0]).toMatchObject({ outcome: 'unchanged', changedFiles: [], backups: [] });
    expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(text);
    expect(sandbox.read('/etc/clamav/clamd.conf.mobility-setup.bak')).toBe(original);
    expect(readFileSync(calls, 'utf8')).toBe('restart clamav-daemon\n');
  });

  it('keeps the first backup when a later fix changes the file again', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const c = coreFor(sandbox.root);
    await c.antivirus.fix({ scannerIds: ['clamav'] });
    // A custom install folder is not covered by the first lines: a second change, the same backup.
    const second = await c.antivirus.fix({ scannerIds: ['clamav'], installDir: '/opt/asr' });
    expect(second.results[0]).toMatchObject({ outcome: 'fixed' });
    expect(sandbox.read('/etc/clamav/clamd.conf')).toContain('ExcludePath ^/opt/asr/');
    expect(sandbox.read('/etc/clamav/clamd.conf.mobility-setup.bak')).toBe(original);
  });

  it('skips the restart with a note when the sandbox has no systemctl (the real service is never touched)', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]!.outcome).toBe('fixed');
    expect(fixed.results[0]!.commands).toEqual([]);
    expect(fixed.results[0]!.message).toMatch(/Sandbox root .*not restarted/);
  });

  it('reports a failed restart as failed, with the configuration already changed', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    addRecordingSystemctl(sandbox, 5);
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]).toMatchObject({ outcome: 'failed', changedFiles: ['/etc/clamav/clamd.conf'] });
    expect(fixed.results[0]!.message).toMatch(/restarting clamav-daemon failed \(exit 5\)/);
  });

  it('uses the configuration a running clamd names (-c) and its clamd@ unit; refuses to edit through a link', async () => {
    sandbox = avSandbox();
    mkdirSync(sandbox.at('/etc/clamd.d'), { recursive: true });
    const { copyFileSync, symlinkSync } = await import('node:fs');
    copyFileSync(`${__dirname}/../../../fixtures/linux/clamd-fedora-scan.conf`, sandbox.at('/etc/clamd.d/scan.conf'));
    addProcess(sandbox, 77, 'clamd', ['/usr/sbin/clamd', '-c', '/etc/clamd.d/scan.conf']);
    const c = coreFor(sandbox.root);
    const report = await c.antivirus.check();
    const clam = scanner(report, 'clamav')!;
    expect(clam.evidence[0]).toBe('/etc/clamd.d/scan.conf');
    expect(clam.reason).toMatch(/Example/);
    expect(clam.manualSteps.join(' ')).toContain('systemctl restart clamd@scan');
    rmSync(sandbox.at('/etc/clamd.d/scan.conf'));
    symlinkSync('/etc/hostname', sandbox.at('/etc/clamd.d/scan.conf'));
    const fixed = await c.antivirus.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]!.outcome).toBe('failed');
    expect(fixed.results[0]!.message).toMatch(/not a regular file/);
  });
});

describe('Defender for Endpoint (mdatp) under a sandbox root', () => {
  it('adds the folders with global scope and reads them back', async () => {
    sandbox = avSandbox();
    const calls = addMdatp(sandbox, 'mdatp-exclusion-list.txt');
    const c = coreFor(sandbox.root);
    expect(scanner(await c.antivirus.check(), 'mdatp')!.status).toBe('notExcluded');
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]).toMatchObject({ outcome: 'fixed' });
    expect(scanner(fixed.report, 'mdatp')!.status).toBe('excluded');
    expect(readFileSync(calls, 'utf8')).toContain('exclusion folder add --path /usr/local/ASR/ --scope global\n');
  });

  it('calls an add that does not show when read back a failure (a managed policy may drop it)', async () => {
    sandbox = avSandbox();
    // The tool says "configured successfully" but the list it prints never shows the folder.
    addMdatp(sandbox, 'mdatp-exclusion-list.txt', { dropAdds: true });
    const c = coreFor(sandbox.root);
    const fixed = await c.antivirus.fix({ scannerIds: ['mdatp'] });
    expect(fixed.results[0]!.outcome).toBe('failed');
    expect(fixed.results[0]!.message).toMatch(/reading the exclusions back/);
  });

  it('says a managed profile with admin_only makes it a manual fix', async () => {
    sandbox = avSandbox();
    addMdatp(sandbox, 'mdatp-exclusion-list.txt');
    mkdirSync(sandbox.at('/etc/opt/microsoft/mdatp/managed'), { recursive: true });
    const { copyFileSync } = await import('node:fs');
    copyFileSync(
      `${__dirname}/../../../fixtures/linux/mdatp-managed-admin-only.json`,
      sandbox.at('/etc/opt/microsoft/mdatp/managed/mdatp_managed.json'),
    );
    const c = coreFor(sandbox.root);
    const md = scanner(await c.antivirus.check(), 'mdatp')!;
    expect(md).toMatchObject({ status: 'notExcluded', fix: 'manual' });
    expect(md.reason).toMatch(/admin_only/);
    expect((await c.antivirus.fix({ scannerIds: ['mdatp'] })).results[0]!.outcome).toBe('manual');
  });
});

describe('console-managed products and privileges', () => {
  it('finds CrowdStrike and Sophos by their install folders: cannot tell, manual steps, nothing to fix here', async () => {
    sandbox = avSandbox();
    mkdirSync(sandbox.at('/opt/CrowdStrike'), { recursive: true });
    mkdirSync(sandbox.at('/opt/sophos-spl'), { recursive: true });
    const c = coreFor(sandbox.root);
    const report = await c.antivirus.check();
    expect(report.scanners.map((s) => s.id).sort()).toEqual(['crowdstrike', 'sophos']);
    const cs = scanner(report, 'crowdstrike')!;
    expect(cs).toMatchObject({ status: 'cannotTell', fix: 'manual', evidence: ['/opt/CrowdStrike'] });
    expect(cs.manualSteps.join('\n')).toContain('/usr/local/ASR/**, /usr/local/InMage/**');
    expect(scanner(report, 'sophos')!.manualSteps.join('\n')).toContain('/usr/local/ASR/, /usr/local/InMage/');
    expect((await c.antivirus.fix({ scannerIds: ['crowdstrike'] })).results[0]!.outcome).toBe('manual');
  });

  it('finds nothing on a machine without scanners', async () => {
    sandbox = avSandbox();
    expect((await coreFor(sandbox.root).antivirus.check()).scanners).toEqual([]);
  });

  it('refuses to fix without root and changes nothing ("run as root to fix")', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const deps = testDeps(sandbox.root);
    const notRoot = {
      detect: () => Promise.resolve({ agent: { installDir: null }, privileges: { elevated: false } }),
    } as unknown as DetectionService;
    const service = new AntivirusService(deps, notRoot);
    const fixed = await service.fix({ scannerIds: ['clamav'] });
    expect(fixed.results[0]).toMatchObject({ outcome: 'needsRoot' });
    expect(fixed.results[0]!.message).toMatch(/run Mobility Setup as root/);
    expect(fixed.report.canFix).toBe(false);
    expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(original);
    expect(existsSync(sandbox.at('/etc/clamav/clamd.conf.mobility-setup.bak'))).toBe(false);
  });
});

describe('a hostile install folder', () => {
  it('cannot add a line of its own to clamd.conf (a line break in --install-dir is refused, nothing written)', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    const original = sandbox.read('/etc/clamav/clamd.conf');
    const c = coreFor(sandbox.root);
    const hostile = { scannerIds: ['clamav'], installDir: '/opt/asr\nLocalSocket /tmp/evil.sock' };
    // The contract refuses a control character in any path first; the service refuses it again on its own.
    expect(await c.dispatch('fixAntivirus', hostile)).toMatchObject({
      ok: false,
      error: { code: 'api.invalidRequest' },
    });
    await expect(c.handlers.fixAntivirus(hostile)).rejects.toMatchObject({ code: 'antivirus.installDirInvalid' });
    expect(sandbox.read('/etc/clamav/clamd.conf')).toBe(original);
    expect(sandbox.read('/etc/clamav/clamd.conf')).not.toContain('evil');
    expect(existsSync(sandbox.at('/etc/clamav/clamd.conf.mobility-setup.bak'))).toBe(false);
    expect(await c.dispatch('checkAntivirus', { installDir: 'relative/dir' })).toMatchObject({
      ok: false,
      error: { code: 'antivirus.installDirInvalid' },
    });
  });
});

describe('the fix as a job on the engine', () => {
  it('runs check → fix → verify with a live log, and answers with the check after the fixes', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    addRecordingSystemctl(sandbox);
    const c = coreFor(sandbox.root);
    const fixed = await c.handlers.fixAntivirus({ scannerIds: ['clamav'] });
    expect(scanner(fixed.report, 'clamav')!.status).toBe('excluded');
    const job = (await c.handlers.getLatestJob({}))!;
    expect(job).toMatchObject({
      kind: 'antivirusFix',
      state: 'succeeded',
      outcome: { code: 'antivirus.fixDone', severity: 'success' },
    });
    expect(job.steps.map((s) => [s.id, s.state])).toEqual([
      ['check', 'done'],
      ['fix', 'done'],
      ['verify', 'done'],
    ]);
    const log = await c.handlers.readJobLog({ jobId: job.id, from: 0, max: 100 });
    const text = log.lines.join('\n');
    expect(text).toContain('ClamAV: notExcluded.');
    expect(text).toContain('To fix: clamav');
    expect(text).toMatch(/clamav: fixed\. Added to \/etc\/clamav\/clamd\.conf/);
    expect(text).toContain('After the fix: ClamAV: excluded.');
  });

  it('a fix that does not take fails the job (antivirus.fixIncomplete) and still answers per scanner', async () => {
    sandbox = avSandbox();
    addClamav(sandbox);
    addRecordingSystemctl(sandbox, 1);
    const c = coreFor(sandbox.root);
    const fixed = await c.handlers.fixAntivirus({ scannerIds: ['clamav'] });
    expect(fixed.results[0]).toMatchObject({ scannerId: 'clamav', outcome: 'failed' });
    const job = (await c.handlers.getLatestJob({}))!;
    expect(job).toMatchObject({ kind: 'antivirusFix', state: 'failed', outcome: { code: 'antivirus.fixIncomplete' } });
    expect(job.steps.find((s) => s.id === 'verify')!.state).toBe('failed');
  });

  it('nothing to fix: the fix step is skipped', async () => {
    sandbox = avSandbox();
    const c = coreFor(sandbox.root);
    await c.handlers.fixAntivirus({ scannerIds: [] });
    const job = (await c.handlers.getLatestJob({}))!;
    expect(job.steps.map((s) => [s.id, s.state])).toEqual([
      ['check', 'done'],
      ['fix', 'skipped'],
      ['verify', 'done'],
    ]);
  });
});
