/** Step 6: the running job: steps, progress, elapsed time, the live log, and a confirmed Cancel. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../common/result';
import { ErrorNotice } from '../components/error-notice';
import { StepHeading } from '../components/step-heading';
import { formatElapsed } from '../format/units';
import { useWizard } from '../flow/wizard-context';
import { LogPane } from '../log/log-pane';
import { JobProgress } from '../components/job-progress';
import { QuietWait } from './quiet-wait';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function InstallStep() {
  const { t } = useTranslation();
  const { state, actions, logStore } = useWizard();
  const job = state.job;
  const running = job === null || job.state === 'running';
  const now = useNow(running);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const askedRef = useRef(false);
  // When the confirmation closes, focus goes back to Cancel instead of being lost with the removed buttons.
  useEffect(() => {
    if (confirming) askedRef.current = true;
    else if (askedRef.current) cancelRef.current?.focus();
  }, [confirming]);
  const register = state.flow === 'register';
  const uninstall = state.flow === 'uninstall';
  const heading = uninstall
    ? t('install.headingUninstall')
    : register
      ? t('install.headingRegister')
      : t('install.heading');
  const progressLabel = uninstall
    ? t('install.progressUninstall')
    : register
      ? t('install.progressRegister')
      : t('install.progress');
  const current = job?.steps.find((s) => s.state === 'running');
  const elapsed = job ? (job.finishedAt ?? Math.max(now, job.startedAt)) - job.startedAt : 0;

  const cancel = async () => {
    if (!state.jobId) return;
    setCancelling(true);
    setCancelError(await actions.cancel(state.jobId));
    setCancelling(false);
    setConfirming(false);
  };

  return (
    <>
      <StepHeading lead={t('install.lead')}>{heading}</StepHeading>
      <div className="progress-head">
        <p className="live-status" role="status">
          {current ? t('install.current', { step: t(`install.step.${current.id}`) }) : job ? '' : t('install.waiting')}
        </p>
        <p className="elapsed">
          {t('install.elapsed')} <span className="mono">{formatElapsed(elapsed)}</span>
        </p>
        {confirming ? null : (
          <button
            ref={cancelRef}
            type="button"
            className="button"
            onClick={() => setConfirming(true)}
            disabled={!running || state.jobId === null}
          >
            {t('install.cancel')}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('install.cancelConfirmLabel')}>
          <p>{t('install.cancelQuestion')}</p>
          <span className="spacer" />
          <button type="button" className="button danger" onClick={() => void cancel()} disabled={cancelling}>
            {t('install.cancelYes')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)} disabled={cancelling} autoFocus>
            {t('install.cancelNo')}
          </button>
        </div>
      ) : null}
      {job ? <JobProgress steps={job.steps} label={progressLabel} /> : null}
      {job && logStore ? <QuietWait job={job} logStore={logStore} /> : null}
      {cancelError ? <ErrorNotice error={cancelError} /> : null}
      <h2 className="subhead">{t('install.logTitle')}</h2>
      {logStore ? <LogPane store={logStore} label={t('install.logTitle')} /> : null}
    </>
  );
}
