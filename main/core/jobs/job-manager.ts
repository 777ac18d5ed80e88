import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EventBus } from '../../api/event-bus';
import type {
  AgentSummary,
  JobOutcome,
  JobSnapshot,
  JobState,
  JobStep,
  LogChunk,
  StepId,
  StepState,
} from '../../../common/install';
import { UserError } from '../../../common/result';
import type { Clock, Logger } from '../../ports/ports';
import { JobLog, MAX_LINES_IN_MEMORY } from './job-log';

/** How long cancelJob waits for the job to reach its final state before replying with what it has. */
const CANCEL_SETTLE_MS = 10_000;

export interface JobManagerDeps {
  clock: Clock;
  events: EventBus;
  logger: Logger;
  /** Folder for job log files (real path). */
  logDir: string;
  /** The vendor tools' inactivity timeout, told to whoever watches a job (the wizard shows it during quiet waits). */
  inactivityTimeoutMs?: number;
}

/** The pipeline's handle on one job: it moves steps, writes log lines and finishes the job. */
export interface JobHandle {
  readonly id: string;
  readonly logFile: string;
  /** True once cancelJob was called for this job. */
  readonly cancelRequested: boolean;
  step(id: StepId, state: StepState): void;
  log(line: string): void;
  /** A line block (common/line-block.ts): several lines at once. */
  logLines(block: string): void;
  addLogFiles(files: string[]): void;
  /** What cancelJob does while a process runs (ends its tree); null between processes. */
  onCancel(hook: (() => void) | null): void;
  finish(
    state: Exclude<JobState, 'running'>,
    outcome: JobOutcome,
    extra?: { summary?: AgentSummary | null; nothingToDo?: boolean },
  ): Promise<void>;
  snapshot(): JobSnapshot;
}

interface JobRecord {
  snapshot: Omit<JobSnapshot, 'logLines'>;
  log: JobLog;
  cancelRequested: boolean;
  cancelHook: (() => void) | null;
  finished: Promise<void>;
  resolveFinished: () => void;
}

/** Runs jobs' bookkeeping: ids, snapshots and `job` events on every state change, logs, cancel. */
export class JobManager {
  private readonly jobs = new Map<string, JobRecord>();

  constructor(private readonly deps: JobManagerDeps) {}

  /** `secrets` are redacted from every log line of this job (defence in depth: vendor tools should never echo them). */
  create(kind: JobSnapshot['kind'], steps: StepId[], secrets: string[] = []): JobHandle {
    const id = randomUUID();
    const logFile = path.join(this.deps.logDir, `${id}.log`);
    const events = this.deps.events;
    const log = new JobLog(
      id,
      logFile,
      secrets,
      (chunk) => events.emit('jobLog', chunk),
      MAX_LINES_IN_MEMORY,
      () => events.wants('jobLog'),
    );
    const logOpened = log.open();
    let resolveFinished = () => {};
    const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
    const record: JobRecord = {
      snapshot: {
        id,
        kind,
        state: 'running',
        steps: steps.map((s): JobStep => ({ id: s, state: 'pending', startedAt: null, finishedAt: null })),
        startedAt: this.deps.clock.now(),
        finishedAt: null,
        logFiles: logOpened ? [logFile] : [],
        outcome: null,
        summary: null,
        nothingToDo: false,
        ...(this.deps.inactivityTimeoutMs === undefined ? {} : { inactivityTimeoutMs: this.deps.inactivityTimeoutMs }),
      },
      log,
      cancelRequested: false,
      cancelHook: null,
      finished,
      resolveFinished,
    };
    if (!logOpened) this.deps.logger.warn('job log file could not be opened', { jobId: id });
    this.jobs.set(id, record);
    this.emit(record);
    return this.handle(record);
  }

  /** The most recently started job, or null before the first. */
  latest(): JobSnapshot | null {
    const records = [...this.jobs.values()];
    const last = records[records.length - 1];
    return last ? this.toSnapshot(last) : null;
  }

  get(jobId: string): JobSnapshot {
    return this.toSnapshot(this.record(jobId));
  }

  readLog(jobId: string, from: number, max?: number): LogChunk {
    return this.record(jobId).log.read(from, max);
  }

  /** Every log file any job named: the only files readLogFile/openLogFile may open. */
  knownLogFiles(): Set<string> {
    const files = new Set<string>();
    for (const record of this.jobs.values()) for (const f of record.snapshot.logFiles) files.add(f);
    return files;
  }

  /** Secrets of every job this core ran, to redact from vendor logs read back (defence in depth). */
  knownSecrets(): string[] {
    return [...this.jobs.values()].flatMap((record) => record.log.secretValues);
  }

  /** Asks the job to stop; ends its running process tree, waits (bounded) for the final snapshot. */
  async cancel(jobId: string): Promise<JobSnapshot> {
    const record = this.record(jobId);
    if (record.snapshot.state === 'running') {
      record.cancelRequested = true;
      record.log.append('Cancel requested.');
      record.cancelHook?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        record.finished,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_SETTLE_MS))),
      ]);
      clearTimeout(timer);
    }
    return this.toSnapshot(record);
  }

  /** Ends every running job's process and closes the logs (core shutdown). */
  async dispose(): Promise<void> {
    const running = [...this.jobs.values()].filter((r) => r.snapshot.state === 'running');
    await Promise.all(running.map((r) => this.cancel(r.snapshot.id)));
    await Promise.all([...this.jobs.values()].map((r) => r.log.close()));
  }

  private record(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (!record)
      throw new UserError('job.notFound', 'There is no such job in this session.', 'Start the install again.', {
        jobId,
      });
    return record;
  }

  private toSnapshot(record: JobRecord): JobSnapshot {
    const s = record.snapshot;
    return {
      ...s,
      steps: s.steps.map((step) => ({ ...step })),
      logFiles: [...s.logFiles],
      outcome: s.outcome ? { ...s.outcome } : null,
      summary: s.summary ? { ...s.summary, logFiles: [...s.summary.logFiles] } : null,
      logLines: record.log.count,
    };
  }

  private emit(record: JobRecord): void {
    this.deps.events.emit('job', this.toSnapshot(record));
  }

  private handle(record: JobRecord): JobHandle {
    const now = () => this.deps.clock.now();
    return {
      id: record.snapshot.id,
      logFile: record.log.filePath,
      get cancelRequested() {
        return record.cancelRequested;
      },
      step: (id, state) => {
        const step = record.snapshot.steps.find((s) => s.id === id);
        if (!step || step.state === state) return;
        step.state = state;
        if (state === 'running') step.startedAt = now();
        else if (state !== 'pending') step.finishedAt = now();
        // Lines logged so far belong before the step change a listener is about to see.
        record.log.flush();
        this.emit(record);
      },
      log: (line) => record.log.append(line),
      logLines: (block) => record.log.appendLines(block),
      addLogFiles: (files) => {
        for (const f of files) if (!record.snapshot.logFiles.includes(f)) record.snapshot.logFiles.push(f);
      },
      onCancel: (hook) => {
        record.cancelHook = hook;
        if (hook && record.cancelRequested) hook();
      },
      finish: async (state, outcome, extra = {}) => {
        if (record.snapshot.state !== 'running') return;
        // A step still running or pending when the job ends did not (and will not) complete.
        const leftover: StepState = state === 'cancelled' ? 'cancelled' : 'skipped';
        for (const step of record.snapshot.steps) {
          if (step.state === 'running') {
            step.state = state === 'succeeded' ? 'done' : state === 'cancelled' ? 'cancelled' : 'failed';
            step.finishedAt = now();
          } else if (step.state === 'pending') step.state = leftover;
        }
        record.cancelHook = null;
        await record.log.close();
        Object.assign(record.snapshot, {
          state,
          outcome,
          finishedAt: now(),
          summary: extra.summary ?? null,
          nothingToDo: extra.nothingToDo ?? false,
        });
        this.emit(record);
        record.resolveFinished();
      },
      snapshot: () => this.toSnapshot(record),
    };
  }
}
