import { isErrorCode } from '../../../common/error-codes';
import type { JobSnapshot } from '../../../common/install';
import { UserError } from '../../../common/result';
import type { JobDefinition } from './job-engine';

/** Starts a job on the engine and resolves with its final snapshot (a feature's handler that answers at the end). */
export type RunJob = <R, S>(definition: JobDefinition<R, S>, request: R) => Promise<JobSnapshot>;

/** A job that ended without its answer (cancelled, failed, busy) as the error its handler replies with. */
export function jobEndingError(ended: JobSnapshot, fallback: string): UserError {
  const stop = ended.outcome;
  return new UserError(
    stop && isErrorCode(stop.code) ? stop.code : 'internal',
    stop?.message ?? fallback,
    stop?.machineState ?? stop?.hint ?? undefined,
  );
}
