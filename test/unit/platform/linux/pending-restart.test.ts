import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import {
  compareKernelReleases,
  newerKernelMarker,
  parseNeedsRestarting,
  rebootRequiredMarker,
} from '../../../../main/platform/linux/pending-restart';
import { fixtureRoot, testDeps } from '../../core/detect/helpers';

const NEEDED = `Core libraries or services have been updated since boot-up:
  * kernel
  * systemd

Reboot is required to fully utilize these updates.
More information: https://access.redhat.com/solutions/27943
`;
const NOT_NEEDED = 'No core libraries or services have been updated since boot-up.\nReboot should not be necessary.\n';

describe('pending restart parsers (Linux)', () => {
  it('orders kernel releases naturally, numbers as numbers', () => {
    expect(compareKernelReleases('5.14.0-427.13.1.el9_4.x86_64', '5.14.0-362.8.1.el9_3.x86_64')).toBe(1);
    expect(compareKernelReleases('6.1.0-9-amd64', '6.1.0-18-amd64')).toBe(-1);
    expect(compareKernelReleases('6.8.0-45-generic', '6.8.0-45-generic')).toBe(0);
  });

  it('a newer installed kernel is a marker; the same, older or rescue images are not', () => {
    expect(newerKernelMarker('6.1.0-13-amd64', ['6.1.0-13-amd64', '6.1.0-18-amd64'])).toMatchObject({
      source: 'newerKernel',
      detail: 'kernel 6.1.0-18-amd64 is installed but 6.1.0-13-amd64 is running',
    });
    expect(newerKernelMarker('6.1.0-18-amd64', ['6.1.0-13-amd64', '6.1.0-18-amd64'])).toBeNull();
    expect(
      newerKernelMarker('5.14.0-362.el9.x86_64', ['0-rescue-0123456789abcdef', '5.14.0-362.el9.x86_64']),
    ).toBeNull();
    expect(newerKernelMarker('6.1.0-18-amd64', [])).toBeNull();
  });

  it('needs-restarting -r: exit 1 with the sentence is pending (naming what changed); exit 0 or an error is not', () => {
    expect(parseNeedsRestarting(1, NEEDED)).toMatchObject({
      source: 'needsRestarting',
      detail: 'needs-restarting -r says a reboot is required (updated since boot: kernel, systemd)',
    });
    expect(parseNeedsRestarting(0, NOT_NEEDED)).toBeNull();
    expect(parseNeedsRestarting(1, 'Traceback (most recent call last):\n')).toBeNull();
    expect(parseNeedsRestarting(127, '')).toBeNull();
  });

  it('reboot-required names up to five packages and ignores junk lines', () => {
    const pkgs = 'linux-image-6.1.0-18-amd64\nlibc6\nlibc6\n$(rm -rf /)\na\nb\nc\nd\n';
    expect(rebootRequiredMarker('/var/run/reboot-required', pkgs).detail).toBe(
      '/var/run/reboot-required exists (packages: linux-image-6.1.0-18-amd64, libc6, a, b, c and 1 more)',
    );
    expect(rebootRequiredMarker('/run/reboot-required', null).detail).toBe('/run/reboot-required exists');
  });
});

describe('pending restart detection under a sandbox root (real files, a real needs-restarting process)', () => {
  const roots: string[] = [];
  afterEach(async () => {
    await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
  });

  async function sandbox(fixture: string): Promise<string> {
    const root = await mkdtemp(path.join(os.tmpdir(), 'restart-'));
    roots.push(root);
    await cp(fixtureRoot(fixture), root, { recursive: true });
    return root;
  }

  it('a clean root reports no pending restart', async () => {
    const root = await sandbox('debian-12');
    const report = await new DetectionService(testDeps(root)).detect();
    expect(report.pendingRestart).toEqual({ pending: false, markers: [] });
  });

  it('Debian: /var/run/reboot-required and a newer kernel in /boot are both reported', async () => {
    const root = await sandbox('debian-12');
    await mkdir(path.join(root, 'var/run'), { recursive: true });
    await writeFile(path.join(root, 'var/run/reboot-required'), '*** System restart required ***\n');
    await writeFile(path.join(root, 'var/run/reboot-required.pkgs'), 'linux-image-6.1.0-18-amd64\n');
    await writeFile(path.join(root, '.mobility-setup-fixture.json'), JSON.stringify({ kernel: '6.1.0-13-amd64' }));
    await mkdir(path.join(root, 'boot'));
    await writeFile(path.join(root, 'boot/vmlinuz-6.1.0-13-amd64'), '');
    await writeFile(path.join(root, 'boot/vmlinuz-6.1.0-18-amd64'), '');
    const report = await new DetectionService(testDeps(root)).detect();
    expect(report.pendingRestart?.pending).toBe(true);
    expect(report.pendingRestart?.markers.map((m) => m.source)).toEqual(['rebootRequiredFile', 'newerKernel']);
    expect(report.pendingRestart?.markers[0]?.detail).toContain('linux-image-6.1.0-18-amd64');
  });

  it('RHEL: runs needs-restarting -r from under the root (fixed argv) and reads its answer', async () => {
    const root = await sandbox('rhel-9');
    const argsSeen = path.join(root, 'args-seen');
    await mkdir(path.join(root, 'usr/bin'), { recursive: true });
    const tool = path.join(root, 'usr/bin/needs-restarting');
    // A stand-in for the dnf-utils tool: records its argv, prints the real tool's words, exits 1 (restart needed).
    await writeFile(tool, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsSeen}'\ncat <<'OUT'\n${NEEDED}OUT\nexit 1\n`);
    await chmod(tool, 0o755);
    const report = await new DetectionService(testDeps(root)).detect();
    expect(report.pendingRestart?.markers).toMatchObject([
      {
        source: 'needsRestarting',
        detail: 'needs-restarting -r says a reboot is required (updated since boot: kernel, systemd)',
      },
    ]);
    expect(await readFile(argsSeen, 'utf8')).toBe('-r\n');

    await writeFile(tool, `#!/bin/sh\nprintf '${NOT_NEEDED.replace(/\n/g, '\\n')}'\nexit 0\n`);
    const again = await new DetectionService(testDeps(root)).detect({ refresh: true });
    expect(again.pendingRestart).toEqual({ pending: false, markers: [] });
  });

  it('RHEL: a kernel image in /lib/modules/<release>/vmlinuz newer than uname -r', async () => {
    const root = await sandbox('rhel-9');
    await writeFile(
      path.join(root, '.mobility-setup-fixture.json'),
      JSON.stringify({ kernel: '5.14.0-362.8.1.el9_3.x86_64' }),
    );
    for (const release of ['5.14.0-362.8.1.el9_3.x86_64', '5.14.0-427.13.1.el9_4.x86_64']) {
      await mkdir(path.join(root, 'lib/modules', release), { recursive: true });
      await writeFile(path.join(root, 'lib/modules', release, 'vmlinuz'), '');
    }
    // A leftover modules folder without an image is not a kernel to boot into.
    await mkdir(path.join(root, 'lib/modules/5.14.0-999.el9.x86_64'), { recursive: true });
    const report = await new DetectionService(testDeps(root)).detect();
    expect(report.pendingRestart?.markers).toMatchObject([
      {
        source: 'newerKernel',
        detail: 'kernel 5.14.0-427.13.1.el9_4.x86_64 is installed but 5.14.0-362.8.1.el9_3.x86_64 is running',
      },
    ]);
  });
});
