/**
 * The exit code of a finished job: what `mobility-setup install|register` exits with, and the number the
 * wizard's summary shows, so a person at the screen and a script see the same code for the same ending.
 * Each code's number comes from the registry (error-codes.ts).
 */
import { EXIT, errorCodeInfo } from './error-codes';
import type { JobSnapshot } from './install';

export { EXIT } from './error-codes';

/** Exit code for an outcome code (the job's or a handler's UserError code). */
export function exitCodeForError(code: string): number {
  return errorCodeInfo(code).exit;
}

/** The exit code of a finished job (null while it runs). */
export function exitCodeForJob(job: Pick<JobSnapshot, 'state' | 'outcome'>): number | null {
  const outcome = job.outcome;
  if (job.state === 'running') return null;
  if (job.state === 'cancelled') return EXIT.cancelled;
  if (job.state === 'succeeded') {
    const code = outcome?.exitCode ?? 0;
    return code === EXIT.rebootRecommended || code === EXIT.rebootRequired || code === EXIT.successWithWarnings
      ? code
      : EXIT.ok;
  }
  if (!outcome) return EXIT.failed;
  const info = errorCodeInfo(outcome.code);
  // A vendor command decided: its own number goes out (14, 13, 1603, an undocumented one, …).
  if (info.vendor && outcome.exitCode !== null && outcome.exitCode !== 0) return outcome.exitCode;
  return info.exit;
}
