import os from 'node:os';
import path from 'node:path';
import type { CoreDeps } from '../core-deps';
import { createJobJournal } from './job-journal';
import type { JobJournal } from './job-journal';
import { secretBaseFor } from './secret-file';

/** Temporary work goes under the sandbox root in tests and demos, so nothing leaks into the real /tmp. */
export function defaultWorkBase(deps: Pick<CoreDeps, 'paths'>): string {
  return deps.paths.isSandbox ? path.join(deps.paths.root, 'tmp') : os.tmpdir();
}

/**
 * Where the job lock and the job journal live: `<log folder>/jobs`, one folder for every front door and
 * process on this machine (the lock is only a lock if they all look in the same place).
 */
export function jobsFolder(deps: Pick<CoreDeps, 'profile' | 'paths'>): string {
  return path.join(deps.profile.logDir(deps.paths), 'jobs');
}

/** The journal of this machine's jobs; leftovers may only be removed inside the work folder and secrets folder. */
export function machineJournal(deps: Pick<CoreDeps, 'profile' | 'paths' | 'logger'>, workBase: string): JobJournal {
  return createJobJournal({
    dir: jobsFolder(deps),
    allowedRoots: [workBase, secretBaseFor(workBase)],
    logger: deps.logger,
  });
}
