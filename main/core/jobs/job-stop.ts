import type { ErrorCode } from '../../../common/error-codes';
import type { JobOutcome, JobState, StepId } from '../../../common/install';
import type { VendorError } from '../../../common/known-errors';
import { UserError } from '../../../common/result';

/**
 * A step that ends the job throws a JobStop carrying the final state and outcome; the engine catches it in
 * one place and finishes the job. Everything in an outcome is shown to a person: never a secret. An outcome
 * whose machineState is null gets the job kind's statement for the step it stopped in.
 */
export class JobStop extends Error {
  constructor(
    readonly state: Exclude<JobState, 'running' | 'succeeded'>,
    readonly outcome: JobOutcome,
  ) {
    super(outcome.message);
    this.name = 'JobStop';
  }
}

interface OutcomeFields {
  /** A registry code (common/error-codes.ts): it decides the exit code and the catalog message. */
  code: ErrorCode;
  message: string;
  hint?: string | null;
  exitCode?: number | null;
  machineState?: string | null;
  rebootRequired?: boolean;
  /** The first error line the vendor tool wrote, with its known-error explanation (the summary quotes it). */
  vendorError?: VendorError | null;
}

export function outcome(severity: JobOutcome['severity'], f: OutcomeFields): JobOutcome {
  return {
    severity,
    code: f.code,
    message: f.message,
    hint: f.hint ?? null,
    exitCode: f.exitCode ?? null,
    rebootRequired: f.rebootRequired ?? false,
    machineState: f.machineState ?? null,
    ...(f.vendorError ? { vendorError: f.vendorError } : {}),
  };
}

/** The job failed; without a machineState the engine says what the machine is like after the current step. */
export function failed(f: OutcomeFields): JobStop {
  return new JobStop('failed', outcome('error', f));
}

/**
 * The one "cancelled" stop. A step that sees its process was cancelled throws `cancelled()`; the engine
 * throws it itself when Cancel came between steps. The machine state is the job kind's for the step.
 */
export function cancelled(machineState: string | null = null): JobStop {
  return new JobStop(
    'cancelled',
    outcome('warning', { code: 'job.cancelled', message: 'The job was cancelled.', machineState }),
  );
}

/** Any error thrown by a step as a stop: a JobStop as it is, a UserError as a failure, anything else as a bug. */
export function stopFor(err: unknown, step: StepId): JobStop {
  if (err instanceof JobStop) return err;
  if (err instanceof UserError) return failed({ code: err.code, message: err.message, hint: err.hint ?? null });
  return failed({
    code: 'internal',
    message: `Mobility Setup hit an unexpected error during the ${step} step.`,
    hint: 'Read the job log, and send it to support if it happens again.',
  });
}
