/**
 * A job that runs inside another screen (the anti-virus fix, the diagnostics bundle): the same step list, progress
 * bar and live log pane as the install step, and a Cancel that takes effect at the job's next boundary.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../common/install';
import type { AppError } from '../../common/result';
import { ErrorNotice } from './error-notice';
import { useWizard } from '../flow/wizard-context';
import { LogPane } from '../log/log-pane';
import { LogStore } from '../log/log-store';
import { useJobLog } from '../log/use-job-log';
import { JobProgress } from './job-progress';

/** Catalog keys of the panel's words: `title`, `progress`, `logTitle`, `cancel`, `cancelling` under `keys`. */
export function JobPanel({ job, keys, testId }: { job: JobSnapshot; keys: string; testId: string }) {
  const { t } = useTranslation();
  const { actions, transport } = useWizard();
  // Its own store: the install's log pane keeps the install's lines.
  const [store] = useState(() => new LogStore());
  // Stays set once asked: the job ends at its next boundary, which may take a moment.
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
    <section className="card card-wide job-panel" aria-label={t(`${keys}.title`)} data-testid={testId}>
      <div className="progress-head">
        <h2 className="card-title">{t(`${keys}.title`)}</h2>
        <span className="spacer" />
        {running ? (
          <button type="button" className="button" onClick={() => void cancel()} disabled={cancelAsked}>
            {cancelAsked ? t(`${keys}.cancelling`) : t(`${keys}.cancel`)}
          </button>
        ) : null}
      </div>
      <JobProgress steps={job.steps} label={t(`${keys}.progress`)} />
      {cancelError ? <ErrorNotice error={cancelError} /> : null}
      <LogPane store={store} label={t(`${keys}.logTitle`)} />
    </section>
  );
}
