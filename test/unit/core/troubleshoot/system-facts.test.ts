import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemPaths } from '../../../../main/platform/system-paths';
import { gatherSystemFacts, systemFactsWithin } from '../../../../main/core/troubleshoot/system-facts';
import { createRootFiles } from '../../../../main/platform/root-files';

describe('system facts (systeminformation, real machine; SELinux and time sync under the root)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'facts-'));
    await mkdir(path.join(root, 'sys/fs/selinux'), { recursive: true });
    await writeFile(path.join(root, 'sys/fs/selinux/enforce'), '1\n');
    await mkdir(path.join(root, 'run/systemd/timesync'), { recursive: true });
    await writeFile(path.join(root, 'run/systemd/timesync/synchronized'), '');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gathers every fact and says how long it took', async () => {
    const facts = await gatherSystemFacts(createRootFiles(new SystemPaths(root)));
    expect(facts.selinux).toBe('enforcing');
    expect(facts.timeSync).toEqual({ synchronized: true, source: 'systemd-timesyncd' });
    expect(facts.memory.totalBytes).toBe(os.totalmem());
    expect(facts.cpus.cores).toBe(os.cpus().length);
    expect(facts.networkInterfaces.map((n) => n.name)).toContain('lo');
    expect(facts.mounts.length).toBeGreaterThan(0);
    expect(typeof facts.virtualization.virtual).toBe('boolean');
    expect(facts.tookMs).toBeGreaterThanOrEqual(0);
    // Printed so the README's figure can be checked on this machine.
    console.log(`system facts took ${facts.tookMs} ms`);
  });

  it('gives up after its time limit instead of holding the report', async () => {
    const started = Date.now();
    expect(await systemFactsWithin(createRootFiles(new SystemPaths(root)), 1)).toBeNull();
    // Loading systeminformation is synchronous (~0.3 s here), so the limit can only act after it.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
