import type { AntivirusFixReport } from '../../../common/antivirus';
import type { JobSnapshot } from '../../../common/install';
import { isErrorCode } from '../../../common/error-codes';
import { UserError } from '../../../common/result';
import type { Handlers } from '../../api/dispatch';
import type { JobDefinition } from '../jobs/job-engine';
import { antivirusFixJob } from './antivirus-fix-job';
import type { AntivirusService, FixOptions } from './antivirus-service';

/** Starts a job on the engine and resolves with its final snapshot. */
export type RunJob = <R, S>(definition: JobDefinition<R, S>, request: R) => Promise<JobSnapshot>;

export function createAntivirusHandlers(antivirus: AntivirusService, runJob: RunJob): Pick<Handlers, 'checkAntivirus' | 'fixAntivirus'> {
  return {
    checkAntivirus: (input) => antivirus.check(input),
    fixAntivirus: async (input: FixOptions) => {
      let report: AntivirusFixReport | null = null;
      const ended = await runJob(antivirusFixJob(antivirus, (r) => (report = r)), input);
      // A fix that ran to the check after it answers with that check (failed fixes included, per scanner).
      if (report !== null) return report;
      const stop = ended.outcome;
      throw new UserError(stop && isErrorCode(stop.code) ? stop.code : 'internal', stop?.message ?? 'The anti-virus fix ended without a result.', stop?.machineState ?? stop?.hint ?? undefined);
    },
  };
}
