import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventTypes } from '../../../../common/api';
import { EventBus } from '../../../../main/api/event-bus';
import { UserError } from '../../../../common/result';
import { JobManager } from '../../../../main/core/jobs/job-manager';
import { LOG_FLUSH_LINES } from '../../../../main/core/jobs/job-log';
import { outcome } from '../../../../main/core/jobs/job-stop';
import { openAllowedLog, readAllowedLog } from '../../../../main/core/install/log-files';
import { silentLogger, systemClock } from '../../../../main/ports/ports';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function manager() {
  const logDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'ms-jobs-')), 'var/log/mobility-setup');
  dirs.push(path.dirname(path.dirname(path.dirname(logDir))));
  const events = new EventBus();
  const seen: Array<{ name: EventName; payload: EventTypes[EventName] }> = [];
  events.subscribe((name, payload) => seen.push({ name, payload }));
  return { jobs: new JobManager({ clock: systemClock, events, logger: silentLogger, logDir }), seen, logDir };
}

const done = outcome('success', { code: 'install.succeeded', message: 'ok', exitCode: 0 });

describe('job manager', () => {
  it('names its latest job (running or finished) so a reloaded page can find it, and none before the first', async () => {
    const { jobs } = await manager();
    expect(jobs.latest()).toBeNull();
    const first = jobs.create('install', ['check']);
    await first.finish('succeeded', done);
    expect(jobs.latest()).toMatchObject({ id: first.id, state: 'succeeded' });
    const second = jobs.create('register', ['register']);
    expect(jobs.latest()).toMatchObject({ id: second.id, kind: 'register', state: 'running' });
    await second.finish('succeeded', done);
  });

  it('gives each job a uuid, emits a snapshot on every state change, writes a 0600 log file', async () => {
    const { jobs, seen, logDir } = await manager();
    const job = jobs.create('install', ['check', 'extract']);
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
    job.step('check', 'running');
    job.log('first line');
    job.step('check', 'done');
    await job.finish('succeeded', done);
    const states = seen
      .filter((e) => e.name === 'job')
      .map((e) => e.payload as { state: string; steps: Array<{ state: string }> });
    expect(states.map((s) => s.steps.map((x) => x.state).join(','))).toEqual([
      'pending,pending',
      'running,pending',
      'done,pending',
      'done,skipped',
    ]);
    expect(states.at(-1)?.state).toBe('succeeded');
    const file = path.join(logDir, `${job.id}.log`);
    expect(jobs.get(job.id).logFiles).toEqual([file]);
    expect(await readFile(file, 'utf8')).toBe('first line\n');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The log line went out before the step change that follows it.
    const order = seen.map((e) => e.name);
    expect(order.indexOf('jobLog')).toBeLessThan(order.lastIndexOf('job'));
  });

  it('batches lines: a flood of lines becomes chunks of at most the batch size, in order', async () => {
    const { jobs, seen } = await manager();
    const job = jobs.create('install', ['install']);
    for (let i = 0; i < 5_500; i += 1) job.log(`line ${i}`);
    await job.finish('succeeded', done);
    const chunks = seen.filter((e) => e.name === 'jobLog').map((e) => e.payload as { from: number; lines: string[] });
    expect(chunks.map((c) => c.lines.length)).toEqual([1000, 1000, 1000, 1000, 1000, 500]);
    expect(chunks.map((c) => c.from)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(LOG_FLUSH_LINES).toBe(1000);
    expect(jobs.readLog(job.id, 5_498).lines).toEqual(['line 5498', 'line 5499']);
    expect(jobs.readLog(job.id, 10, 2)).toEqual({ jobId: job.id, from: 10, lines: ['line 10', 'line 11'] });
  });

  it('publishes log lines only while someone reads them, and keeps every line either way', async () => {
    const logDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'ms-jobs-')), 'log');
    dirs.push(path.dirname(logDir));
    const events = new EventBus();
    const names: EventName[] = [];
    const stopJobOnly = events.subscribe(
      (...event) => {
        names.push(event[0]);
      },
      ['job'],
    );
    const jobs = new JobManager({ clock: systemClock, events, logger: silentLogger, logDir });
    const job = jobs.create('install', ['install']);
    job.logLines('one\ntwo');
    job.step('install', 'running');
    expect(events.wants('jobLog')).toBe(false);
    const lines: string[] = [];
    const stopAll = events.subscribe((name, payload) => {
      if (name === 'jobLog') lines.push(...payload.lines);
    });
    job.logLines('three');
    await job.finish('succeeded', done);
    stopAll();
    stopJobOnly();
    expect(names).not.toContain('jobLog');
    expect(lines).toEqual(['three']);
    expect(jobs.readLog(job.id, 0).lines).toEqual(['one', 'two', 'three']);
    expect(await readFile(job.logFile, 'utf8')).toBe('one\ntwo\nthree\n');
    expect(events.wants('job')).toBe(false);
  });

  it('redacts the job secrets from every line (memory, file, events)', async () => {
    const { jobs, seen, logDir } = await manager();
    const job = jobs.create('register', ['register'], ['itUx70I47uxDuUVY']);
    job.log('the tool echoed itUx70I47uxDuUVY by mistake');
    await job.finish('succeeded', done);
    expect(jobs.readLog(job.id, 0).lines).toEqual(['the tool echoed ******** by mistake']);
    expect(await readFile(path.join(logDir, `${job.id}.log`), 'utf8')).not.toContain('itUx70I47uxDuUVY');
    expect(JSON.stringify(seen)).not.toContain('itUx70I47uxDuUVY');
  });

  it('cancel calls the running process hook and waits for the final snapshot', async () => {
    const { jobs } = await manager();
    const job = jobs.create('install', ['install']);
    job.step('install', 'running');
    job.onCancel(
      () =>
        void job.finish(
          'cancelled',
          outcome('warning', {
            code: 'job.cancelled',
            message: 'cancelled',
            machineState: { code: 'test.partly', params: {}, message: 'partly installed' },
          }),
        ),
    );
    const snapshot = await jobs.cancel(job.id);
    expect(snapshot.state).toBe('cancelled');
    expect(snapshot.steps[0]?.state).toBe('cancelled');
    expect(snapshot.outcome?.machineState).toBe('partly installed');
  });

  it('an unknown job id is a UserError', async () => {
    const { jobs } = await manager();
    expect(() => jobs.get('nope')).toThrow(UserError);
  });
});

describe('log files a job named', () => {
  it('reads the tail of an allowed file and refuses any other path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ms-logs-'));
    dirs.push(dir);
    const file = path.join(dir, 'ua_install.log');
    await writeFile(file, Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n') + '\n');
    const known = new Set([file]);
    const whole = await readAllowedLog(known, file);
    expect(whole.truncated).toBe(false);
    expect(whole.text.startsWith('line 0\n')).toBe(true);
    const tail = await readAllowedLog(known, file, 20);
    expect(tail.truncated).toBe(true);
    expect(tail.text.endsWith('line 99\n')).toBe(true);
    expect(tail.text.length).toBeLessThanOrEqual(20);
    await expect(readAllowedLog(known, '/etc/shadow')).rejects.toMatchObject({ code: 'log.notAllowed' });
    await expect(readAllowedLog(known, `${dir}/../${path.basename(dir)}/other.log`)).rejects.toMatchObject({
      code: 'log.notAllowed',
    });
    await expect(openAllowedLog(known, file, null)).rejects.toMatchObject({
      code: 'log.openUnavailable',
      hint: 'Use View log in the browser.',
    });
    const opened: string[] = [];
    expect(await openAllowedLog(known, file, { openPath: (p) => (opened.push(p), Promise.resolve(true)) })).toEqual({
      opened: true,
    });
    expect(opened).toEqual([file]);
  });
});
