import type { CodedText, TextParams } from '../../../common/core-text/coded-text';
import { composeText } from '../../../common/core-text/coded-text';
import { jobTextsEn } from '../../../common/core-text/job-texts';
import type { JobTextCode } from '../../../common/core-text/job-texts';
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

/** A statement about the machine after a job stopped: its English and its code (common/core-text/job-texts.ts). */
export type MachineState = CodedText & { message: string };

export function machineState(code: JobTextCode, params: TextParams = {}): MachineState {
  return composeText(jobTextsEn, code, params);
}

/** The outcome saying `state` about the machine (in English and coded); null says nothing. */
export function withMachineState(o: JobOutcome, state: MachineState | null): JobOutcome {
  const { machineStateText: _, ...rest } = o;
  return { ...rest, ...machineStateFields(state) };
}

/** What the outcome says about the machine, with its code; null when it says nothing or has no code. */
export function machineStateOf(o: JobOutcome): MachineState | null {
  return o.machineState !== null && o.machineStateText ? { ...o.machineStateText, message: o.machineState } : null;
}

function machineStateFields(state: MachineState | null): Pick<JobOutcome, 'machineState' | 'machineStateText'> {
  return state
    ? { machineState: state.message, machineStateText: { code: state.code, params: state.params } }
    : { machineState: null };
}

interface OutcomeFields {
  /** A registry code (common/error-codes.ts): it decides the exit code and the catalog message. */
  code: ErrorCode;
  message: string;
  hint?: string | null;
  exitCode?: number | null;
  machineState?: MachineState | null;
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
    ...machineStateFields(f.machineState ?? null),
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
export function cancelled(state: MachineState | null = null): JobStop {
  return new JobStop(
    'cancelled',
    outcome('warning', { code: 'job.cancelled', message: 'The job was cancelled.', machineState: state }),
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
