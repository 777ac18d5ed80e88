import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../common/install';
import { createCore } from '../../../main/core/app-core';
import { createFileLogger } from '../../../main/core/app-log';

/** Where the Linux profile puts Mobility Setup's own log (under the root prefix here). */
const LINUX_APP_LOG = '/var/log/mobility-setup/mobility-setup.log';

const session = {
  shell: 'browser' as const,
  demo: false,
  defaults: { installerDir: null, csEndpoint: null, dataPort: null },
  appVersion: 'test',
};
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'app-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const job = (state: JobSnapshot['state']): JobSnapshot => ({
  id: 'job-1',
  kind: 'install',
  state,
  steps: [],
  startedAt: 0,
  finishedAt: null,
  logLines: 0,
  logFiles: [],
  outcome:
    state === 'running'
      ? null
      : {
          severity: 'error',
          code: 'exit.14',
          message: 'wrong passphrase',
          hint: null,
          exitCode: 14,
          rebootRequired: false,
          machineState: null,
        },
  summary: null,
  nothingToDo: false,
});

describe("Mobility Setup's own log", () => {
  it('writes JSON lines (0600) and rotates by size, keeping the number of files asked for', async () => {
    const file = path.join(await tempDir(), 'logs', 'app.log');
    const logger = createFileLogger(file, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 20; i++) logger.info('entry', { i });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
    expect(JSON.parse(last)).toMatchObject({ level: 'info', message: 'entry', fields: { i: 19 } });
  });

  it('never throws when the log cannot be written', async () => {
    const blocker = path.join(await tempDir(), 'not-a-folder');
    await writeFile(blocker, 'x');
    const logger = createFileLogger(path.join(blocker, 'app.log'));
    expect(() => logger.error('still fine')).not.toThrow();
  });

  it('records when a job starts and how it ended, under the root prefix, once per state', async () => {
    const root = await tempDir();
    const core = createCore({ root, session, appLog: true });
    core.events.emit('job', job('running'));
    core.events.emit('job', job('running'));
    core.events.emit('job', job('failed'));
    await core.dispose();
    const lines = readFileSync(path.join(root, LINUX_APP_LOG), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { message: string; level: string; fields: Record<string, unknown> });
    expect(lines.map((l) => `${l.level} ${l.message}`)).toEqual(['info job started', 'warn job ended']);
    expect(lines[1]?.fields).toMatchObject({ jobId: 'job-1', outcome: 'exit.14', exitCode: 14 });
  });

  it("goes to the Windows profile's log folder (%ProgramData%\\Mobility Setup, under the root) on Windows", async () => {
    const root = await tempDir();
    const core = createCore({ root, platform: 'win32', session, appLog: true });
    core.events.emit('job', job('running'));
    await core.dispose();
    const file = path.join(root, 'ProgramData', 'Mobility Setup', 'mobility-setup.log');
    expect(readFileSync(file, 'utf8')).toMatch(/job started/);
    expect(existsSync(path.join(root, LINUX_APP_LOG))).toBe(false);
    // The session tells the renderer the same folders, so it never writes an OS's folder itself.
    const info = await core.handlers.getSession({});
    expect(info.folders).toEqual({
      installDir: 'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
      logDir: '/ProgramData/Mobility Setup',
    });
  });

  it('is off for a core that did not ask for it', async () => {
    const root = await tempDir();
    const core = createCore({ root, session });
    core.events.emit('job', job('running'));
    await core.dispose();
    expect(existsSync(path.join(root, LINUX_APP_LOG))).toBe(false);
  });
});
