import type { JobOutcome, JobState, StepId } from '../../../common/install';
import type { UserError } from '../../../common/result';

/**
 * A step that ends the job throws a JobStop carrying the final state and outcome; the pipeline catches it
 * in one place and finishes the job. Everything in an outcome is shown to a person: never a secret.
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

export interface OutcomeFields {
  code: string;
  message: string;
  hint?: string | null;
  exitCode?: number | null;
  machineState?: string | null;
  rebootRequired?: boolean;
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
  };
}

export const NOTHING_CHANGED = 'Nothing was changed on this machine.';

export function failed(f: OutcomeFields): JobStop {
  return new JobStop('failed', outcome('error', { machineState: NOTHING_CHANGED, ...f }));
}

/** A UserError from a building block (installer finder, extraction, secret file) as a failed job. */
export function failedFromUserError(err: UserError, machineState: string = NOTHING_CHANGED): JobStop {
  return failed({ code: err.code, message: err.message, hint: err.hint ?? null, machineState });
}

/** What state the machine is in when a job stops during a step (cancel, timeout, failure). */
export function machineStateAfter(step: StepId, ctx: { installDir: string; upgrade: boolean; uninstallHint: string }): string {
  switch (step) {
    case 'check':
      return NOTHING_CHANGED;
    case 'extract':
      return 'Nothing was installed; the temporary folder with the extracted installer was removed.';
    case 'install':
      return ctx.upgrade
        ? `The upgrade may be partly done: the agent in ${ctx.installDir} may not work until you run the install again (or uninstall it: ${ctx.uninstallHint}).`
        : `The agent may be partly installed in ${ctx.installDir}: run the install again, or uninstall it (${ctx.uninstallHint}).`;
    case 'register':
      return 'The agent is installed but not registered: register it again (mobility-setup register …, or Register in the wizard).';
    case 'verify':
      return 'The vendor tools reported success, but the agent state does not confirm it: read the logs, then run the install again.';
  }
}
