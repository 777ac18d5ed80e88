import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../../common/install';
import { closedPort } from '../connectivity/loopback-servers';
import { PASSPHRASE, alive, leftovers, pidsMentioning, readVx, useInstallTestSetup } from './install-world';

const setup = useInstallTestSetup();

async function world(behavior = {}, inactivityTimeoutMs?: number, overrides = {}) {
  const { root, installerDir } = await setup.rootWithInstaller({ behavior });
  const installer = setup.installer(root, overrides, inactivityTimeoutMs);
  return { root, installerDir, installer };
}

const classic = (endpoint = setup.cs.endpoint) => ({ mode: 'classic', endpoint, passphrase: PASSPHRASE });

/** Waits until a condition on the events holds (no timing assertion: the test timeout bounds it). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

describe('install pipeline: timeouts, cancel, unreachable server', () => {
  it('a hung installer is ended after the inactivity timeout and says so', async () => {
    const { root, installerDir, installer } = await world({ hangIn: 'install' }, 1_500);
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('install.timeout');
    expect(job.outcome?.message).toMatch(/printed nothing for 1\.5 seconds and was stopped as hung/);
    // Whoever watches the job is told the limit, so a quiet wait can say when it ends.
    expect(job.inactivityTimeoutMs).toBe(1_500);
    // Read back from the machine: the hung installer never wrote the agent's state, so it is not installed,
    // and the summary says the same (no "Unknown" version beside a "partly installed" guess).
    expect(job.outcome?.machineState).toBe(
      'The Mobility service is not installed: the installer stopped before it finished. Run the install again when the cause is fixed.',
    );
    expect(job.summary).toMatchObject({ installed: false, version: null, installDir: null, azureVmAgentNote: null });
    expect(await pidsMentioning(root)).toEqual([]);
    expect(await leftovers(root)).toEqual([]);
  });

  it('a hung configurator ends with register.timeout and the secret file is removed', async () => {
    const { root, installerDir, installer } = await world({ hangIn: 'register' }, 1_500);
    const job = await installer.run('startInstall', { installerDir, registration: classic() });
    expect(job.outcome?.code).toBe('register.timeout');
    expect(await leftovers(root)).toEqual([]);
  });

  it('cancel mid-install ends the whole process tree and says what state the machine is in', async () => {
    const { root, installerDir, installer } = await world({ hangIn: 'install', ignoreSigterm: true });
    const jobId = await installer.start('startInstall', { installerDir, registration: classic() });
    await until(async () =>
      installer.events.some(
        (e) =>
          e.name === 'jobLog' &&
          (e.payload as { lines: string[] }).lines.some((l) => l.includes('Installing Mobility service components')),
      ),
    );
    const pids = await pidsMentioning(root);
    expect(pids.length).toBeGreaterThan(0);
    const snapshot = await installer.handlers.cancelJob({ jobId });
    expect(snapshot.state).toBe('cancelled');
    expect(snapshot.outcome?.code).toBe('job.cancelled');
    expect(snapshot.outcome?.machineState).toMatch(/^The Mobility service is not installed/);
    expect(snapshot.summary).toMatchObject({ installed: false, azureVmAgentNote: null });
    expect(snapshot.steps.find((s) => s.id === 'install')?.state).toBe('cancelled');
    expect(snapshot.steps.find((s) => s.id === 'register')?.state).toBe('cancelled');
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(await leftovers(root)).toEqual([]);
  });

  it('the server pre-check stops before installing when the server is unreachable', async () => {
    const { root, installerDir, installer } = await world();
    const job = await installer.run('startInstall', {
      installerDir,
      registration: classic(`127.0.0.1:${await closedPort()}`),
    });
    expect(job.state).toBe('failed');
    expect(job.outcome?.code).toBe('install.serverUnreachable');
    expect(job.outcome?.message).toMatch(/cannot be reached/);
    expect(job.steps.find((s) => s.id === 'install')?.state).toBe('skipped');
    expect((await readVx(root)).size).toBe(0);
  });

  it('without the pre-check, the configurator reports the connection failure (curl 7)', async () => {
    const { installerDir, installer } = await world({}, undefined, { checkServer: null });
    const job = await installer.run('startInstall', {
      installerDir,
      registration: classic(`127.0.0.1:${await closedPort()}`),
    });
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({ code: 'exit.1', exitCode: 1 });
    const log = (await installer.handlers.readJobLog({ jobId: job.id, from: 0 })).lines.join('\n');
    expect(log).toContain("(7) Couldn't connect to server");
  });

  it('200,000 installer lines arrive as a few batched jobLog events, all kept for readJobLog', async () => {
    const { installerDir, installer } = await world({ installLogLines: 200_000 });
    const job: JobSnapshot = await installer.run('startInstall', {
      installerDir,
      registration: { mode: 'none', serverKind: 'classic' },
    });
    expect(job.state).toBe('succeeded');
    const chunks = installer.events
      .filter((e) => e.name === 'jobLog')
      .map((e) => e.payload as { from: number; lines: string[] });
    const total = chunks.reduce((n, c) => n + c.lines.length, 0);
    expect(total).toBe(job.logLines);
    expect(job.logLines).toBeGreaterThan(200_000);
    expect(chunks.length).toBeLessThan(1_000);
    // Chunks are contiguous and in order.
    chunks.reduce((next, c) => {
      expect(c.from).toBe(next);
      return next + c.lines.length;
    }, 0);
    const page = await installer.handlers.readJobLog({ jobId: job.id, from: 100_000, max: 3 });
    expect(page.from).toBe(100_000);
    expect(page.lines).toHaveLength(3);
    expect(page.lines[0]).toMatch(/^Installing component file \d+ of 200000$/);
  });
});
