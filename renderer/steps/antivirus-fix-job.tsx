/**
 * The anti-virus fix as the job it is (check → fix → verify): the same step list, progress bar and live log pane
 * as the install, and a Cancel that takes effect between scanners (a product's fix is never stopped halfway).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../common/install';
import type { AppError } from '../../common/result';
import { ErrorNotice } from '../components/error-notice';
import { useWizard } from '../flow/wizard-context';
import { LogPane } from '../log/log-pane';
import { LogStore } from '../log/log-store';
import { useJobLog } from '../log/use-job-log';
import { JobProgress } from './job-progress';

export function AntivirusFixJob({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const { actions, transport } = useWizard();
  // Its own store: the install's log pane keeps the install's lines.
  const [store] = useState(() => new LogStore());
  // Stays set once asked: the job ends at the next scanner boundary, which may take a moment.
  const [cancelAsked, setCancelAsked] = useState(false);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  useJobLog(transport, store, job.id, job.logLines);
  const running = job.state === 'running';

  const cancel = async () => {
    setCancelAsked(true);
    const error = await actions.cancel(job.id);
    setCancelError(error);
    if (error) setCancelAsked(false);
  };

  return (
    <section className="card card-wide av-fix-job" aria-label={t('antivirus.fixJob.title')} data-testid="av-fix-job">
      <div className="progress-head">
        <h2 className="card-title">{t('antivirus.fixJob.title')}</h2>
        <span className="spacer" />
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()} disabled={cancelAsked}>
            {cancelAsked ? t('antivirus.fixJob.cancelling') : t('antivirus.fixJob.cancel')}
          </button>
        ) : null}
      </div>
      <JobProgress steps={job.steps} label={t('antivirus.fixJob.progress')} />
      {cancelError ? <ErrorNotice error={cancelError} /> : null}
      <LogPane store={store} label={t('antivirus.fixJob.logTitle')} />
    </section>
  );
}
