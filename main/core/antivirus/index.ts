import type { AntivirusFixReport } from '../../../common/antivirus';
import type { Handlers } from '../../api/dispatch';
import { jobEndingError } from '../jobs/run-job';
import type { RunJob } from '../jobs/run-job';
import { antivirusFixJob } from './antivirus-fix-job';
import type { AntivirusService, FixOptions } from './antivirus-service';

export function createAntivirusHandlers(
  antivirus: AntivirusService,
  runJob: RunJob,
): Pick<Handlers, 'checkAntivirus' | 'fixAntivirus'> {
  return {
    checkAntivirus: (input) => antivirus.check(input),
    fixAntivirus: async (input: FixOptions) => {
      let report: AntivirusFixReport | null = null;
      const ended = await runJob(
        antivirusFixJob(antivirus, (r) => (report = r)),
        input,
      );
      // A fix that ran to the check after it answers with that check (failed fixes included, per scanner).
      if (report !== null) return report;
      throw jobEndingError(ended, 'The anti-virus fix ended without a result.');
    },
  };
}
