/** The wizard: one reducer, the core reached through the transport, and the step for the current state. */
import { useEffect, useMemo, useReducer, useState } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Transport } from '../common/bridge';
import { getTransport } from './api/client';
import { AppHeader } from './components/app-header';
import { ErrorNotice } from './components/error-notice';
import { StepRail } from './components/step-rail';
import { createWizardActions } from './flow/wizard-actions';
import { WizardContext } from './flow/wizard-context';
import { wizardReducer } from './flow/wizard-reducer';
import { initialWizardState } from './flow/wizard-state';
import type { WizardStep } from './flow/wizard-state';
import { LogStore } from './log/log-store';
import { useJobLog } from './log/use-job-log';
import { AntivirusStep } from './steps/antivirus-step';
import { DetectStep } from './steps/detect-step';
import { InstallStep } from './steps/install-step';
import { InstallerStep } from './steps/installer-step';
import { ReviewStep } from './steps/review-step';
import { ServerStep } from './steps/server-step';
import { SummaryStep } from './steps/summary-step';

const JOB_POLL_MS = 5000;

const views: Record<WizardStep, ComponentType> = {
  detect: DetectStep,
  installer: InstallerStep,
  server: ServerStep,
  antivirus: AntivirusStep,
  review: ReviewStep,
  install: InstallStep,
  summary: SummaryStep,
};

export function App({ transport: given }: { transport?: Transport }) {
  const { t } = useTranslation();
  const [transport] = useState(() => given ?? getTransport());
  const [logStore] = useState(() => new LogStore());
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const actions = useMemo(() => createWizardActions(transport, dispatch), [transport]);

  useEffect(() => {
    const offDetection = transport.onEvent('detection', (snapshot) => dispatch({ type: 'detectionSnapshot', snapshot }));
    const offJob = transport.onEvent('job', (job) => dispatch({ type: 'jobUpdated', job }));
    const offAntivirus = transport.onEvent('antivirus', (report) => dispatch({ type: 'antivirusChecked', report }));
    void actions.loadSession();
    void actions.detect(false);
    // In the background: the detection screen shows it as its own section when it answers.
    void actions.checkAntivirus(null);
    void actions.attachLatestJob();
    return () => {
      offDetection();
      offJob();
      offAntivirus();
    };
  }, [transport, actions]);

  // Events may have gone by before the subscription saw this job (or while the browser host's WebSocket
  // reconnected): ask for its state now, and now and then while it runs, so the wizard never waits forever.
  const jobRunning = state.jobId !== null && (state.job === null || state.job.state === 'running');
  useEffect(() => {
    if (!state.jobId || !jobRunning) return;
    const jobId = state.jobId;
    void actions.syncJob(jobId);
    const timer = setInterval(() => void actions.syncJob(jobId), JOB_POLL_MS);
    return () => clearInterval(timer);
  }, [state.jobId, jobRunning, actions]);

  useJobLog(transport, logStore, state.jobId, state.job?.logLines ?? 0);

  const context = useMemo(() => ({ state, dispatch, actions, transport, logStore }), [state, actions, transport, logStore]);
  const View = views[state.step];

  return (
    <WizardContext.Provider value={context}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="app">
        <AppHeader session={state.session} />
        <div className="layout">
          <StepRail />
          <main id="main" className="panel" data-step={state.step}>
            {state.sessionError ? <ErrorNotice error={state.sessionError} /> : null}
            <View key={state.step} />
          </main>
        </div>
      </div>
    </WizardContext.Provider>
  );
}
