import type { DetectionReport } from '../../../common/detection';
import type { StepContext } from '../jobs/job-engine';
import { failed } from '../jobs/job-stop';

/**
 * The vendor's installer fails with exit 62 when a restart is pending, after the person has waited for the
 * extraction; refusing before anything runs says the same thing sooner and changes nothing. `ignore` is the
 * CLI's --ignore-pending-restart and the wizard's "install anyway" after it showed the warning: the vendor's
 * own check may then still refuse.
 */
export function stopIfRestartPending(report: DetectionReport, ignore: boolean, job: Pick<StepContext, 'log'>): void {
  const markers = report.pendingRestart?.markers ?? [];
  if (markers.length === 0) return;
  const seen = markers.map((m) => m.detail).join('; ');
  if (ignore) {
    job.log(`A system restart is pending (${seen}); installing anyway, as asked.`);
    return;
  }
  throw failed({
    code: 'install.restartPending',
    message: `A system restart is pending: ${seen}. The Mobility service installer refuses to run until the machine restarts (its exit code 62).`,
    hint: 'Restart the machine, then run the install again (or pass --ignore-pending-restart to try anyway).',
  });
}
