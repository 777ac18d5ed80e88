import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DetectionSnapshot } from '../../../../common/detection';
import { DetectionService } from '../../../../main/core/detect/detection-service';
import type { DetectionProbes } from '../../../../main/platform/detection-probes';
import { createRootFiles } from '../../../../main/platform/root-files';
import type { RootFiles } from '../../../../main/platform/root-files';
import { selectDetectionProbes } from '../../../../main/platform/select';
import { fixtureRoot, testDeps } from './helpers';

function countingFiles(root: RootFiles): RootFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readText: (p) => (reads.push(p), root.readText(p)),
    exists: (p) => (reads.push(p), root.exists(p)),
    listDir: (p) => (reads.push(p), root.listDir(p)),
  };
}

function collect(deps: ReturnType<typeof testDeps>): DetectionSnapshot[] {
  const snapshots: DetectionSnapshot[] = [];
  deps.events.subscribe((name, payload) => {
    if (name === 'detection') snapshots.push(payload);
  });
  return snapshots;
}

describe('DetectionService', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('streams sections with complete:false before the final complete:true snapshot', async () => {
    const deps = testDeps(fixtureRoot('ubuntu-22.04-agent-registered'));
    const snapshots = collect(deps);
    const report = await new DetectionService(deps).detect();
    // Five sections (os, agent, privileges, disk, pending restart), then the complete report.
    expect(snapshots.length).toBe(6);
    expect(snapshots.slice(0, 5).every((s) => !s.complete)).toBe(true);
    expect(snapshots[5]).toEqual({ ...report, complete: true });
    // Each partial snapshot carries what has arrived so far, growing.
    const sizes = snapshots.slice(0, 5).map((s) => Object.keys(s).length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('publishes fast sections before a slow probe answers', async () => {
    const deps = testDeps(fixtureRoot('debian-12'));
    const real = selectDetectionProbes(deps);
    let releaseDisk: () => void = () => {};
    const slow: DetectionProbes = {
      ...real,
      checkDisk: () => new Promise((resolve) => (releaseDisk = () => resolve([]))),
    };
    const snapshots = collect(deps);
    const pending = new DetectionService(deps, slow).detect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const partial = snapshots.at(-1);
    expect(partial).toMatchObject({ complete: false, token: 'DEBIAN12-64' });
    expect(partial?.disk).toBeUndefined();
    releaseDisk();
    expect((await pending).disk).toEqual([]);
    expect(snapshots.at(-1)?.complete).toBe(true);
  });

  it('does no work twice: a second detect() reads no file, refresh reads again', async () => {
    const deps = testDeps(fixtureRoot('rhel-8-agent-unregistered'));
    const files = countingFiles(createRootFiles(deps.paths));
    const service = new DetectionService(deps, selectDetectionProbes(deps, files));
    const [first, concurrent] = await Promise.all([service.detect(), service.detect()]);
    const readsAfterFirst = files.reads.length;
    expect(readsAfterFirst).toBeGreaterThan(0);
    expect(concurrent).toBe(first);
    expect(await service.detect()).toBe(first);
    expect(files.reads.length).toBe(readsAfterFirst);
    const refreshed = await service.detect({ refresh: true });
    expect(files.reads.length).toBe(readsAfterFirst * 2);
    expect(refreshed).not.toBe(first);
    expect(refreshed.token).toBe(first.token);
  });

  it('readAgent is never cached: it sees an agent installed after detection', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ms-detect-'));
    temps.push(root);
    cpSync(fixtureRoot('ubuntu-22.04'), root, { recursive: true });
    const service = new DetectionService(testDeps(root));
    expect((await service.detect()).agent.installed).toBe(false);
    cpSync(path.join(fixtureRoot('ubuntu-22.04-agent-registered'), 'usr'), path.join(root, 'usr'), { recursive: true });
    expect(await service.readAgent()).toMatchObject({ installed: true, registered: true });
    expect((await service.detect()).agent.installed).toBe(false);
    expect((await service.detect({ refresh: true })).agent.installed).toBe(true);
  });

  it('a probe that throws degrades its own section only', async () => {
    const deps = testDeps(fixtureRoot('debian-12'));
    const real = selectDetectionProbes(deps);
    const broken: DetectionProbes = {
      ...real,
      readOs: () => Promise.reject(new Error('boom')),
      readPrivileges: () => Promise.reject(new Error('boom')),
    };
    const report = await new DetectionService(deps, broken).detect();
    expect(report).toMatchObject({ token: null, supported: false, supportReason: 'support.detectionFailed' });
    expect(report.privileges).toMatchObject({ canElevate: false, method: 'unavailable' });
    expect(report.disk?.length).toBe(2);
  });

  it('uses the fixture override only when it is valid JSON', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ms-detect-'));
    temps.push(root);
    cpSync(fixtureRoot('ubuntu-22.04-aarch64'), root, { recursive: true });
    expect((await new DetectionService(testDeps(root)).detect()).os.arch).toBe('aarch64');
    writeFileSync(path.join(root, '.mobility-setup-fixture.json'), '{not json');
    expect((await new DetectionService(testDeps(root)).detect()).os.arch).toBe('x86_64');
  });

  it.runIf(process.platform === 'linux')(
    'detects this machine on root "/" as its /etc/debian_version implies',
    async () => {
      const report = await new DetectionService(testDeps('/')).detect();
      const debian = existsSync('/etc/debian_version') ? readFileSync('/etc/debian_version', 'utf8').trim() : null;
      expect(report.root).toBe('/');
      expect(report.os.kernel).toBe(os.release());
      expect(report.privileges.elevated).toBe(process.getuid?.() === 0);
      expect(report.disk?.map((d) => d.path)).toEqual(['/', '/usr/local/ASR']);
      const major = debian === null ? undefined : /^(\d+)\./.exec(debian)?.[1];
      if (major !== undefined && os.arch() === 'x64') {
        expect(report.token).toBe(Number(major) >= 7 && Number(major) <= 12 ? `DEBIAN${major}-64` : null);
        expect(report.os.source).toBe('/etc/debian_version');
      }
    },
  );
});
