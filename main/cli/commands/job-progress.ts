/**
 * What every job run from the command line shares (install, register, uninstall, the diagnostics bundle): each
 * step's state on stderr as it changes (the live log too with --verbose), and the ways a person stops it: Ctrl+C,
 * kill, a dropped SSH session, or a reader that went away (EPIPE) all cancel the job, which then ends normally.
 */
import type { EventName } from '../../../common/api';
import type { StepId, StepState } from '../../../common/install';
import type { Core } from '../../core/app-core';
import { cliText } from '../i18n/cli-text';
import { guardOutput, onOutputClosed, writeErr } from '../output-guard';

/** Signals that cancel the job (then the command ends normally): Ctrl+C, kill, and a dropped SSH session. */
const INTERRUPT_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** One progress line on stderr: the step id in brackets in every language, so logs are searched the same way. */
function progressLine(id: StepId, state: StepState): string {
  return cliText('progress.line', { id, step: cliText(`step.${id}`), state: cliText(`state.${state}`) });
}

interface JobProgress {
  /** Whether an interrupt came (before the job started, too). */
  readonly interrupted: boolean;
  /** The job to cancel on an interrupt; one that came before it started cancels it at once. */
  follow(jobId: string): void;
  /** Stops printing and listening (in a finally). */
  stop(): void;
}

/** Prints `[step] state` lines on stderr and cancels the job on an interrupt until stop(). */
export function followJobProgress(core: Core, verbose: boolean): JobProgress {
  const steps = new Map<string, string>();
  let jobId: string | null = null;
  let interrupted = false;
  // Without --verbose the log's lines are not asked for, so the core does not make them (a 200,000-line install).
  const names: EventName[] = verbose ? ['job', 'jobLog'] : ['job'];
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'jobLog') for (const line of payload.lines) writeErr(`  ${line}\n`);
    if (name !== 'job') return;
    // A job started by a handler that answers only when it ends (the bundle): its first snapshot names it.
    if (jobId === null) {
      jobId = payload.id;
      if (interrupted) cancel();
    }
    for (const step of payload.steps) {
      if (steps.get(step.id) === step.state || step.state === 'pending') continue;
      steps.set(step.id, step.state);
      writeErr(`${progressLine(step.id, step.state)}\n`);
    }
  }, names);
  const cancel = () => {
    interrupted = true;
    if (jobId) void core.handlers.cancelJob({ jobId }).catch(() => undefined);
  };
  const onInterrupt = (signal: NodeJS.Signals) => {
    // SIGHUP: the terminal (an SSH session) is gone, and writing to it fails (EIO/EPIPE); output-guard keeps
    // that from ending the process before the cleanup (secret file, vendor process tree) ran.
    if (signal !== 'SIGHUP') writeErr(`${cliText('job.cancelling')}\n`);
    cancel();
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, onInterrupt);
  // The reader of our output is gone (EPIPE): the same as a hang-up, so the job is cancelled and cleaned up.
  guardOutput();
  const stopWatchingOutput = onOutputClosed(cancel);
  return {
    get interrupted() {
      return interrupted;
    },
    follow(id) {
      jobId = id;
      if (interrupted) cancel();
    },
    stop() {
      for (const signal of INTERRUPT_SIGNALS) process.off(signal, onInterrupt);
      stopWatchingOutput();
      unsubscribe();
    },
  };
}
