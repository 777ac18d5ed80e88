/** The health report, vendor error, push readiness and bundle for a real sandbox root with a broken install. */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AntivirusService } from '../../../../main/core/antivirus/antivirus-service';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import { TroubleshootService } from '../../../../main/core/troubleshoot/troubleshoot-service';
import { saveBundle, stageBundle } from '../../../../main/core/troubleshoot/bundle';
import { formatHealthText } from '../../../../main/core/troubleshoot/health-report';
import { CANARY_PASSPHRASE, REGISTERED_SERVER, makeBrokenInstallRoot } from '../../../world/broken-install';
import { testDeps } from '../detect/helpers';

const EXPECTED = '10.0.0.5';
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function service(root: string) {
  const deps = testDeps(root);
  const detection = new DetectionService(deps);
  return new TroubleshootService(deps, detection, new AntivirusService(deps, detection, null));
}

describe('TroubleshootService on a broken install', () => {
  it('health: red for the other server (exit 13) and the stopped services; the vendor error explained', async () => {
    const root = await makeBrokenInstallRoot(EXPECTED);
    made.push(root);
    const { health } = await (await service(root)).health(EXPECTED);
    const byId = Object.fromEntries(health.lines.map((l) => [l.id, l]));
    expect(byId.system).toMatchObject({ level: 'green' });
    expect(byId.system!.reason).toContain('UBUNTU-22.04-64');
    expect(byId.agent).toMatchObject({ level: 'green' });
    expect(byId.registration).toMatchObject({ level: 'green' });
    expect(byId.server).toMatchObject({ level: 'red' });
    expect(byId.server!.reason).toBe(
      `The agent points to ${REGISTERED_SERVER}, not ${EXPECTED}: registering with ${EXPECTED} fails with exit 13 until it is unregistered.`,
    );
    expect(byId.services).toMatchObject({ level: 'red' });
    expect(byId.reboot).toMatchObject({ level: 'green', reason: 'No restart pending.' });
    expect(health.lastVendorError).toMatchObject({
      file: '/var/log/ua_install.log',
      explanation: { id: 'differentServer' },
    });
    expect(health.lastVendorError!.line).toContain('ERROR: The agent is already registered with configuration server');
    const text = formatHealthText(health);
    expect(text).toMatch(/\[FAIL\] Configuration server: +The agent points to 10\.150\.24\.8, not 10\.0\.0\.5/);
    expect(text).toContain('What to do: Unregister it from the other server');
  });

  it('the same server spelled with :443 is green; a reboot-required marker turns the restart line red', async () => {
    const root = await makeBrokenInstallRoot(EXPECTED);
    made.push(root);
    await mkdir(path.join(root, 'var/run'), { recursive: true });
    await writeFile(path.join(root, 'var/run/reboot-required'), '*** System restart required ***\n');
    await writeFile(path.join(root, 'var/run/reboot-required.pkgs'), 'linux-image-6.1.0-18-amd64\n');
    const { health } = await (await service(root)).health(`${REGISTERED_SERVER}:443`);
    expect(health.lines.find((l) => l.id === 'server')).toMatchObject({ level: 'green' });
    expect(health.lines.find((l) => l.id === 'reboot')).toMatchObject({ level: 'red' });
    expect(health.lines.find((l) => l.id === 'reboot')!.reason).toContain(
      '/var/run/reboot-required exists (packages: linux-image-6.1.0-18-amd64)',
    );
  });

  it('push readiness (Linux, from files under the root): password auth off and the host name missing from /etc/hosts', async () => {
    const root = await makeBrokenInstallRoot(EXPECTED);
    made.push(root);
    const items = await (await service(root)).pushReadiness();
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.passwordAuthentication).toMatchObject({ state: 'notReady', preventsErrors: ['95107', '95108'] });
    expect(byId.sftp).toMatchObject({ state: 'notReady' });
    expect(byId.hostsEntry).toMatchObject({ state: 'notReady' });
    expect(byId.hostsEntry!.remedy).toContain('appvm01');
    await writeFile(
      path.join(root, 'etc/ssh/sshd_config'),
      'PasswordAuthentication yes\nSubsystem sftp /usr/lib/openssh/sftp-server\n',
    );
    await writeFile(path.join(root, 'etc/hosts'), '127.0.0.1 localhost\n10.0.0.7 appvm01.contoso.local appvm01\n');
    const fixed = Object.fromEntries((await (await service(root)).pushReadiness()).map((i) => [i.id, i.state]));
    expect(fixed).toMatchObject({ passwordAuthentication: 'ok', sftp: 'ok', hostsEntry: 'ok' });
  });

  it('bundle: lists its contents before saving, redacts the canary passphrase from the log, and never overwrites', async () => {
    const root = await makeBrokenInstallRoot(EXPECTED);
    made.push(root);
    const out = await mkdtemp(path.join(os.tmpdir(), 'bundle-out-'));
    made.push(out);
    const svc = await service(root);
    const { health } = await svc.health(EXPECTED);
    const logFile = path.join(root, 'var/log/ua_install.log');
    expect(await readFile(logFile, 'utf8')).toContain(CANARY_PASSPHRASE);
    const staged = await stageBundle({
      reports: { 'health.json': health },
      texts: { 'health.txt': formatHealthText(health) },
      logs: [{ file: logFile, source: '/var/log/ua_install.log' }],
      secrets: [],
    });
    expect(staged.entries.map((e) => e.name)).toEqual(['health.json', 'health.txt', 'logs/ua_install.log']);
    expect(staged.entries[2]).toMatchObject({ source: '/var/log/ua_install.log' });
    const file = path.join(out, 'bundle.tar.gz');
    const saved = await saveBundle(staged, file);
    expect(saved.sizeBytes).toBeGreaterThan(100);
    await expect(readdir(staged.folder)).rejects.toThrow();
    const unpacked = path.join(out, 'x');
    execFileSync('mkdir', [unpacked]);
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    const log = await readFile(path.join(unpacked, 'logs/ua_install.log'), 'utf8');
    expect(log).toContain('Passphrase=[REDACTED]');
    expect(log).toContain('Agent configuration failed with exit code 13');
    // Nowhere in the archive: not after "Passphrase=", not as a bare word.
    const names = (await readdir(unpacked, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(names.length).toBe(3);
    for (const entry of names) {
      expect(await readFile(path.join(entry.parentPath, entry.name), 'utf8')).not.toContain(CANARY_PASSPHRASE);
    }
    const again = await stageBundle({ reports: { 'health.json': health }, texts: {}, logs: [], secrets: [] });
    await expect(saveBundle(again, file)).rejects.toMatchObject({ code: 'bundle.exists' });
  });
});
