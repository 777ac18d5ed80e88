/**
 * The job engine with a job kind written only for this test (as uninstall or the anti-virus fix will be):
 * real job logs on disk, a real child process ended by Cancel, a real secret file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobSnapshot, StepId } from '../../../../common/install';
import { UserError } from '../../../../common/result';
import { EventBus } from '../../../../main/api/event-bus';
import { createJobEngine } from '../../../../main/core/jobs/job-engine';
import type { JobDefinition, JobEngine, JobStepDefinition } from '../../../../main/core/jobs/job-engine';
import { createJobJournal } from '../../../../main/core/jobs/job-journal';
import type { FrontDoor } from '../../../../main/core/jobs/job-lock';
import { JobManager } from '../../../../main/core/jobs/job-manager';
import { cancelled, failed, outcome } from '../../../../main/core/jobs/job-stop';
import { waitForJob } from '../../../../main/core/jobs/wait-for-job';
import { silentLogger, systemClock } from '../../../../main/ports/ports';

const dirs: string[] = [];
const engines: JobEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.dispose()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function world(base?: string, frontDoor: FrontDoor = 'cli') {
  if (!base) {
    base = await mkdtemp(path.join(os.tmpdir(), 'ms-engine-'));
    dirs.push(base);
  }
  const events = new EventBus();
  const jobs = new JobManager({ clock: systemClock, events, logger: silentLogger, logDir: path.join(base, 'log') });
  const journalDir = path.join(base, 'log', 'jobs');
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m) };
  const journal = createJobJournal({ dir: journalDir, allowedRoots: [path.join(base, 'work')], logger });
  const engine = createJobEngine({
    jobs,
    inactivityTimeoutMs: 60_000,
    workBase: path.join(base, 'work'),
    disposeLimitMs: 5_000,
    frontDoor,
    lockDir: journalDir,
    journal,
    logger,
  });
  engines.push(engine);
  const finished = (jobId: string) => waitForJob(events, (id) => Promise.resolve(jobs.get(id)), jobId);
  return { engine, jobs, finished, base, journalDir, logged };
}

interface TrialState {
  ran: StepId[];
}

/** A job kind of three steps; `overrides` replaces a step by id. */
function trialJob(
  overrides: Partial<Record<StepId, Partial<JobStepDefinition<TrialState>>>> = {},
  secrets: string[] = [],
): JobDefinition<null, TrialState> {
  const step = (id: StepId): JobStepDefinition<TrialState> => ({
    id,
    run: (state) => {
      state.ran.push(id);
      return Promise.resolve();
    },
    ...overrides[id],
  });
  return {
    kind: 'register',
    steps: [step('check'), step('register'), step('verify')],
    secrets: () => secrets,
    begin: () => ({ ran: [] }),
    machineState: (id) => ({ code: 'test.stoppedIn', params: { id }, message: `stopped in ${id}` }),
    succeeded: (state) => ({
      outcome: outcome('success', { code: 'register.succeeded', message: `ran ${state.ran.join(',')}`, exitCode: 0 }),
    }),
    conclude: (_state, ending) => Promise.resolve({ outcome: ending.outcome, summary: null }),
  };
}

const stepStates = (job: JobSnapshot) => Object.fromEntries(job.steps.map((s) => [s.id, s.state]));

describe('job engine', () => {
  it('runs the steps in order; a settled step is marked skipped or done without running', async () => {
    const { engine, finished } = await world();
    const { jobId } = await engine.start(
      trialJob({ register: { settled: () => 'skipped' }, verify: { settled: () => 'done' } }),
      null,
    );
    const job = await finished(jobId);
    expect(job.state).toBe('succeeded');
    expect(job.outcome).toMatchObject({ code: 'register.succeeded', message: 'ran check' });
    expect(stepStates(job)).toEqual({ check: 'done', register: 'skipped', verify: 'done' });
  });

  it('shows a step that continues as the next one (extract, then install) as two steps', async () => {
    const { engine, finished } = await world();
    const definition: JobDefinition<null, TrialState> = {
      ...trialJob(),
      kind: 'install',
      steps: [{ id: 'extract', continuesAs: 'install', run: (_s, ctx) => Promise.resolve(ctx.continue()) }],
    };
    const job = await finished((await engine.start(definition, null)).jobId);
    expect(job.steps.map((s) => `${s.id}:${s.state}`)).toEqual(['extract:done', 'install:done']);
  });

  it('stops with the typed failure, and says what the machine is like after the step it stopped in', async () => {
    const { engine, finished } = await world();
    const fail = () => Promise.reject(failed({ code: 'verify.version', message: 'not the right version' }));
    const job = await finished((await engine.start(trialJob({ register: { run: fail } }), null)).jobId);
    expect(job.state).toBe('failed');
    expect(job.outcome).toMatchObject({
      code: 'verify.version',
      severity: 'error',
      machineState: 'stopped in register',
      machineStateText: { code: 'test.stoppedIn', params: { id: 'register' } },
    });
    expect(stepStates(job)).toEqual({ check: 'done', register: 'failed', verify: 'skipped' });
  });

  it('turns a UserError into a failure with its own code, and a bug into "internal" without its message', async () => {
    const { engine, finished } = await world();
    const userError = () => Promise.reject(new UserError('installer.none', 'No installer here.', 'Put one there.'));
    const first = await finished((await engine.start(trialJob({ check: { run: userError } }), null)).jobId);
    expect(first.outcome).toMatchObject({
      code: 'installer.none',
      message: 'No installer here.',
      hint: 'Put one there.',
      machineState: 'stopped in check',
    });
    const bug = () => Promise.reject(new Error('secret-looking detail'));
    const second = await finished((await engine.start(trialJob({ verify: { run: bug } }), null)).jobId);
    expect(second.outcome).toMatchObject({
      code: 'internal',
      message: 'Mobility Setup hit an unexpected error during the verify step.',
    });
    expect(JSON.stringify(second)).not.toContain('secret-looking detail');
  });

  it('ends the running process on Cancel and stops with the one cancelled outcome', async () => {
    const { engine, jobs, finished } = await world();
    let pid: number | undefined;
    const sleeper = (_s: TrialState, ctx: Parameters<JobStepDefinition<TrialState>['run']>[1]) => {
      const child = spawn('sleep', ['30'], { stdio: 'ignore' });
      pid = child.pid;
      const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      return ctx.cancellable({ cancel: () => child.kill('SIGTERM'), done }).then(() => {
        if (ctx.cancelRequested) throw cancelled();
      });
    };
    const { jobId } = await engine.start(trialJob({ register: { run: sleeper } }), null);
    await expect.poll(() => pid, { timeout: 5_000 }).toBeDefined();
    const started = Date.now();
    await jobs.cancel(jobId);
    const job = await finished(jobId);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
    expect(job.state).toBe('cancelled');
    expect(job.outcome).toMatchObject({ code: 'job.cancelled', machineState: 'stopped in register' });
    expect(stepStates(job)).toEqual({ check: 'done', register: 'cancelled', verify: 'cancelled' });
  });

  it('stops as cancelled between steps: later steps do not run and the machine state is the step it was in', async () => {
    const { engine, jobs, finished } = await world();
    let jobId = '';
    // The step asks for Cancel once the job has its id (start() runs the first step at once), and does not
    // wait for it: cancel() waits for the job to end.
    const cancelNow = async (state: TrialState) => {
      await new Promise((resolve) => setImmediate(resolve));
      state.ran.push('check');
      void jobs.cancel(jobId);
    };
    jobId = (await engine.start(trialJob({ check: { run: cancelNow } }), null)).jobId;
    const job = await finished(jobId);
    expect(job.state).toBe('cancelled');
    expect(job.outcome).toMatchObject({ code: 'job.cancelled', severity: 'warning', machineState: 'stopped in check' });
    expect(stepStates(job)).toEqual({ check: 'done', register: 'cancelled', verify: 'cancelled' });
  });

  it('keeps a secret in a 0600 file only while the step uses it, and out of the job log', async () => {
    const { engine, finished } = await world();
    const secret = 'Pa55-phrase-for-the-engine';
    let seen: { mode: number; text: string } | null = null;
    let file = '';
    const useSecret = (_s: TrialState, ctx: Parameters<JobStepDefinition<TrialState>['run']>[1]) =>
      ctx.withSecretFile(secret, 'MobSvc.passphrase', async (secretFile) => {
        file = secretFile;
        seen = { mode: (await stat(secretFile)).mode & 0o777, text: await readFile(secretFile, 'utf8') };
        ctx.log(`the tool echoed ${secret}`);
      });
    const job = await finished((await engine.start(trialJob({ register: { run: useSecret } }, [secret]), null)).jobId);
    expect(job.state).toBe('succeeded');
    expect(seen).toEqual({ mode: 0o600, text: secret });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const log = await readFile(job.logFiles[0] ?? '', 'utf8');
    expect(log).toContain('the tool echoed');
    expect(log).not.toContain(secret);
  });

  it('runs one job at a time', async () => {
    const { engine, finished } = await world();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { jobId } = await engine.start(trialJob({ check: { run: () => held } }), null);
    await expect(engine.start(trialJob(), null)).rejects.toMatchObject({ code: 'job.busy' });
    release();
    await finished(jobId);
    // The job lets go of the machine before its final event: the next one may start at once.
    expect((await engine.start(trialJob(), null)).jobId).toHaveLength(36);
  });

  it('refuses a job of a second engine (another front door) while the first holds the machine lock', async () => {
    const first = await world(undefined, 'cli');
    const second = await world(first.base, 'browser');
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { jobId } = await first.engine.start(trialJob({ check: { run: () => held } }), null);
    const refusal = second.engine.start(trialJob(), null);
    await expect(refusal).rejects.toMatchObject({ code: 'job.busy', params: { frontDoor: 'cli', pid: process.pid } });
    await expect(refusal).rejects.toThrow(/by process \d+ \(the command line\)/);
    release();
    await first.finished(jobId);
    const next = await second.finished((await second.engine.start(trialJob(), null)).jobId);
    expect(next.state).toBe('succeeded');
  });

  it('records each job in the journal: kind, front door, step as it goes, and its end', async () => {
    const { engine, finished, journalDir } = await world(undefined, 'electron');
    const steps: string[] = [];
    const readRecord = async (id: string) =>
      JSON.parse(await readFile(path.join(journalDir, `${id}.json`), 'utf8')) as Record<string, unknown>;
    let id = '';
    const peek = async (_s: TrialState, ctx: Parameters<JobStepDefinition<TrialState>['run']>[1]) => {
      await ctx.workFolder(path.join(journalDir, '..', '..', 'work', 'x'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      steps.push(String((await readRecord(id)).step));
    };
    const started = await engine.start(trialJob({ register: { run: peek } }), null);
    id = started.jobId;
    const job = await finished(id);
    expect(job.state).toBe('succeeded');
    expect(steps).toEqual(['register']);
    const record = await readRecord(id);
    expect(record).toMatchObject({ id, kind: 'register', frontDoor: 'electron', state: 'succeeded', pid: process.pid });
    expect(record.leftovers).toEqual([path.resolve(journalDir, '..', '..', 'work', 'x')]);
    expect(await readdir(journalDir)).not.toContain('job.lock');
  });
});
