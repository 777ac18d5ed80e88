/**
 * The job engine: every operation that changes the machine is a job, a named list of steps run here with one
 * cancel path, one inactivity timeout, one secret-file scope, one way to stop (a JobStop) and one summary shape.
 *
 * Adding a job kind (uninstall, the anti-virus fix, the diagnostics bundle, …) needs no edit of this file:
 * 1. name it and its steps in the contract: `JobKind` and `StepId` in common/install.ts (the wizard and the
 *    CLI show steps by id), and its stop codes in common/error-codes.ts;
 * 2. write a `JobDefinition<Request, State>` in the feature's folder: `begin` turns the request into the
 *    state the steps share, `steps` run in order (`settled` marks one skipped or done without running it),
 *    `machineState` says what the machine is like if the job stops in a step, `succeeded` makes the final
 *    outcome, `conclude` reads the summary facts after any ending;
 * 3. start it from the feature's handler with `engine.start(definition, request)`.
 * Steps throw `failed(…)` (job-stop.ts), a UserError, or `cancelled()`; they run processes through
 * `ctx.cancellable` (Cancel ends them) and secrets through `ctx.withSecretFile` (redacted, deleted after).
 *
 * Every job kind also gets, without code of its own, the cross-process job lock (job-lock.ts: a second job
 * through any front door is refused with 'job.busy', exit 41, naming the holder) and the job journal
 * (job-journal.ts: id, kind, front door, step, start, pid; its end; the work folders it creates, recorded
 * through `ctx.workFolder` before they exist) so a job killed with its process is reported at the next start.
 */
import type { AgentSummary, JobKind, JobOutcome, JobSnapshot, StepId } from '../../../common/install';
import { UserError } from '../../../common/result';
import type { Logger } from '../../ports/ports';
import type { JobJournal, JournalEnd, JournalEntry } from './job-journal';
import { acquireJobLock, ONE_JOB_AT_A_TIME } from './job-lock';
import type { FrontDoor, HeldJobLock } from './job-lock';
import type { JobHandle, JobManager } from './job-manager';
import type { JobStop, MachineState } from './job-stop';
import { cancelled, stopFor, withMachineState } from './job-stop';
import { secretBaseFor, sweepSecretLeftovers, withSecretFile } from './secret-file';

/** What a running step may do besides its own work. */
export interface StepContext {
  /** The job's live log (secrets of the request are redacted from every line). */
  log(line: string): void;
  /** Several lines at once, as a line block (common/line-block.ts): a vendor tool's output a read at a time. */
  logLines(block: string): void;
  readonly cancelRequested: boolean;
  /** How long a vendor tool may print nothing before it is ended as hung. */
  readonly inactivityTimeoutMs: number;
  /** The step's work moves on to its `continuesAs` step (shown as done → running). */
  continue(): void;
  /** Waits for a process this step started; Cancel ends it (its `cancel`) while it runs. */
  cancellable<T>(run: { cancel(): void; done: Promise<T> }): Promise<T>;
  /** Runs `use` with `secret` in a 0600 file in a fresh 0700 folder, deleted afterwards (secret-file.ts). */
  withSecretFile<T>(secret: string, fileName: string, use: (file: string) => Promise<T>): Promise<T>;
  /** Records a work folder the job is about to create (before it exists), so a killed job's is removed later. */
  workFolder(dir: string): Promise<void>;
}

export interface JobStepDefinition<S> {
  id: StepId;
  /** A step whose one privileged run also covers the next shown step (extract, then install). */
  continuesAs?: StepId;
  /** Marks the step skipped or done without running it (nothing to do, or already confirmed); null runs it. */
  settled?(state: S): 'skipped' | 'done' | null;
  run(state: S, ctx: StepContext): Promise<void>;
}

/** How a job ends: its state, outcome and what the summary screen shows. */
export interface JobEnding {
  state: Exclude<JobSnapshot['state'], 'running'>;
  outcome: JobOutcome;
  /** The step it was in (the last one when it succeeded). */
  step: StepId;
}

export interface JobDefinition<R, S> {
  kind: JobKind;
  steps: readonly JobStepDefinition<S>[];
  /** Values redacted from every log line of the job. */
  secrets(request: R): string[];
  /** Log files (besides the job's own) the summary may open, e.g. the vendor's. */
  logFiles?: string[];
  /** The state the steps share, made from the request. */
  begin(request: R): S;
  /** What the machine is like when the job stops during `step` (failure, timeout, cancel). */
  machineState(step: StepId, state: S): MachineState;
  /** The outcome when every step ran or was settled. */
  succeeded(state: S): { outcome: JobOutcome; nothingToDo?: boolean };
  /** After any ending: the summary facts, and the outcome as the person should read it. */
  conclude(
    state: S,
    ending: JobEnding,
    logFiles: string[],
  ): Promise<{ outcome: JobOutcome; summary: AgentSummary | null }>;
}

interface JobEngineOptions {
  jobs: JobManager;
  inactivityTimeoutMs: number;
  /** Parent folder of the secret folders (and the extraction folders). */
  workBase: string;
  /** How long dispose waits for running jobs to end. */
  disposeLimitMs: number;
  /** Which front door runs this engine (named to whoever is refused by the lock). */
  frontDoor: FrontDoor;
  /** The job lock's folder (root's or this user's, writable by nobody else); null: no lock (unit tests). */
  lockDir: string | null;
  /** Where each job is recorded as it goes; null: not recorded (unit tests). */
  journal: JobJournal | null;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export interface JobEngine {
  /**
   * Takes the job lock, then starts the job and returns its id; it runs on and reports through `job` events.
   * Rejects with 'job.busy' (naming the holder) while another job runs here or in another process.
   */
  start<R, S>(definition: JobDefinition<R, S>, request: R): Promise<{ jobId: string }>;
  /** Cancels running jobs and waits for them, at most disposeLimitMs; returns the ids still running then. */
  dispose(): Promise<{ stillRunning: string[] }>;
}

export function createJobEngine(options: JobEngineOptions): JobEngine {
  const running = new Map<string, Promise<void>>();
  // Jobs that still hold the machine; a job lets go just before its final `job` event, so whoever sees that
  // event can start the next job at once.
  const busy = new Set<string>();
  const secretBase = secretBaseFor(options.workBase);
  // A crash can leave a secret file behind; remove what dead runs left (live runs' folders stay).
  void sweepSecretLeftovers(secretBase).catch(() => 0);

  return {
    async start(definition, request) {
      // One job at a time: two vendor installers on one machine fight over the same files (vendor 41, 1618).
      if (busy.size > 0) throw busyHere();
      const reserved = `starting-${Math.random()}`;
      busy.add(reserved);
      let lock: HeldJobLock | null;
      try {
        lock = await takeLock(options, definition.kind);
      } finally {
        busy.delete(reserved);
      }
      const state = definition.begin(request);
      const job = options.jobs.create(
        definition.kind,
        definition.steps.map(shownSteps).flat(),
        definition.secrets(request),
      );
      if (definition.logFiles) job.addLogFiles(definition.logFiles);
      busy.add(job.id);
      const journal = await beginRecord(options, job, definition.kind);
      const release = async (end: JournalEnd) => {
        busy.delete(job.id);
        await journal?.end(end).catch((err: unknown) => journalFailed(options, job.id, err));
        await lock?.release().catch(() => undefined);
        lock = null;
      };
      const done = runJob(definition, state, job, {
        inactivityTimeoutMs: options.inactivityTimeoutMs,
        secretBase,
        release,
        journal,
        onJournalError: (err) => journalFailed(options, job.id, err),
      });
      running.set(job.id, done);
      void done.finally(() => {
        void release('failed');
        running.delete(job.id);
      });
      return { jobId: job.id };
    },
    async dispose() {
      const stopped = (async () => {
        await options.jobs.dispose();
        await Promise.all(running.values());
        return true;
      })().catch(() => true);
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), options.disposeLimitMs)));
      const ended = await Promise.race([stopped, limit]);
      clearTimeout(timer);
      return { stillRunning: ended ? [] : [...running.keys()] };
    },
  };
}

function busyHere(): UserError {
  return new UserError(
    'job.busy',
    `Another job is running in this window or command. ${ONE_JOB_AT_A_TIME}`,
    'Wait for it to finish (or cancel it), then start again.',
  );
}

/** The cross-process lock; a lock folder that cannot be made at all (read-only, not this user's to create) is
 *  said in the app log and the job runs without it, as before the lock existed; an unsafe one is refused. */
async function takeLock(options: JobEngineOptions, kind: string): Promise<HeldJobLock | null> {
  if (options.lockDir === null) return null;
  let attempt;
  try {
    attempt = await acquireJobLock(options.lockDir, { frontDoor: options.frontDoor, kind });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
    options.logger.warn('job lock unavailable; running without it', { dir: options.lockDir, code });
    return null;
  }
  if (!attempt.ok) throw attempt.error;
  if (attempt.lock === null) {
    options.logger.info('job lock checked, not held', { dir: options.lockDir, why: attempt.notHeld });
    return null;
  }
  if (attempt.tookOverFrom) {
    const { pid, frontDoor, kind: was, since } = attempt.tookOverFrom;
    options.logger.warn('job lock taken over from a process that is gone', {
      pid,
      frontDoor,
      kind: was,
      since: new Date(since).toISOString(),
    });
  }
  return attempt.lock;
}

async function beginRecord(options: JobEngineOptions, job: JobHandle, kind: string): Promise<JournalEntry | null> {
  if (!options.journal) return null;
  try {
    return await options.journal.begin({ id: job.id, kind, frontDoor: options.frontDoor });
  } catch (err) {
    journalFailed(options, job.id, err);
    return null;
  }
}

/** A journal that cannot be written (a full log folder) never fails the job; the app log says so. */
function journalFailed(options: JobEngineOptions, jobId: string, err: unknown): void {
  const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : 'ERROR');
  options.logger.warn('job journal not written', { job: jobId, code });
}

const shownSteps = <S>(step: JobStepDefinition<S>): StepId[] =>
  step.continuesAs ? [step.id, step.continuesAs] : [step.id];

interface RunEnv {
  inactivityTimeoutMs: number;
  secretBase: string;
  release: (end: JournalEnd) => Promise<void>;
  journal: JournalEntry | null;
  onJournalError: (err: unknown) => void;
}

async function runJob<R, S>(definition: JobDefinition<R, S>, state: S, job: JobHandle, env: RunEnv): Promise<void> {
  let current: StepId = definition.steps[0]?.id ?? 'check';
  let ending: JobEnding & { nothingToDo?: boolean };
  try {
    for (const step of definition.steps) {
      const settled = step.settled?.(state) ?? null;
      if (settled) {
        for (const id of shownSteps(step)) job.step(id, settled);
        continue;
      }
      if (job.cancelRequested) throw cancelled();
      current = step.id;
      job.step(step.id, 'running');
      void env.journal?.step(step.id).catch(env.onJournalError);
      await step.run(
        state,
        stepContext(job, env, step, (next) => (current = next)),
      );
      for (const id of shownSteps(step)) job.step(id, 'done');
      if (step.continuesAs) current = step.continuesAs;
    }
    ending = { state: 'succeeded', step: current, ...definition.succeeded(state) };
  } catch (err) {
    const stop: JobStop = stopFor(err, current);
    const outcome =
      stop.outcome.machineState !== null
        ? stop.outcome
        : withMachineState(stop.outcome, definition.machineState(current, state));
    ending = { state: stop.state, step: current, outcome };
  }
  // A job must end even when reading the summary facts fails: the person would otherwise wait forever.
  const concluded = await definition
    .conclude(state, ending, job.snapshot().logFiles)
    .catch(() => ({ outcome: ending.outcome, summary: null }));
  await env.release(ending.state);
  await job.finish(ending.state, concluded.outcome, {
    summary: concluded.summary,
    nothingToDo: ending.nothingToDo ?? false,
  });
}

function stepContext<S>(
  job: JobHandle,
  env: RunEnv,
  step: JobStepDefinition<S>,
  moved: (next: StepId) => void,
): StepContext {
  return {
    log: (line) => job.log(line),
    logLines: (block) => job.logLines(block),
    get cancelRequested() {
      return job.cancelRequested;
    },
    inactivityTimeoutMs: env.inactivityTimeoutMs,
    continue: () => {
      if (!step.continuesAs) return;
      job.step(step.id, 'done');
      moved(step.continuesAs);
      job.step(step.continuesAs, 'running');
      void env.journal?.step(step.continuesAs).catch(env.onJournalError);
    },
    cancellable: async (run) => {
      job.onCancel(() => run.cancel());
      try {
        return await run.done;
      } finally {
        job.onCancel(null);
      }
    },
    withSecretFile: (secret, fileName, use) =>
      withSecretFile(secret, use, {
        base: env.secretBase,
        fileName,
        onFolder: (dir) => env.journal?.leftover(dir).catch(env.onJournalError) ?? Promise.resolve(),
      }),
    workFolder: async (dir) => {
      await env.journal?.leftover(dir).catch(env.onJournalError);
    },
  };
}
