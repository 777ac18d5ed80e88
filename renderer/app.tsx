/** The wizard: one reducer, the core reached through the transport, and the step for the current state. */
import { Suspense, lazy, useEffect, useMemo, useReducer, useState } from 'react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Transport } from '../common/bridge';
import { getTransport } from './api/client';
import type { FirstReplies } from './api/first-calls';
import { AppHeader } from './components/app-header';
import { ErrorNotice } from './components/error-notice';
import { StepRail } from './components/step-rail';
import { createWizardActions } from './flow/wizard-actions';
import { applyLanguage, loadLaterStepCatalogs, sessionLanguage } from './i18n';
import { WizardContext } from './flow/wizard-context';
import { wizardReducer } from './flow/wizard-reducer';
import { firstWizardState } from './flow/first-state';
import type { WizardStep } from './flow/wizard-state';
import type { LogStore } from './log/log-store';
import type * as JobLogChunk from './log/job-log-feed';
import { DetectStep } from './steps/detect-step';

const JOB_POLL_MS = 5000;

/**
 * Only the first screen (detection) is in the entry bundle; the later steps, the virtual log pane they
 * carry and their strings load on their own (and are fetched in the background once detection is
 * complete), so the first screen loads less JavaScript as steps and languages are added.
 */
const loadLaterSteps = {
  installer: () => import('./steps/installer-step').then((m) => ({ default: m.InstallerStep })),
  server: () => import('./steps/server-step').then((m) => ({ default: m.ServerStep })),
  antivirus: () => import('./steps/antivirus-step').then((m) => ({ default: m.AntivirusStep })),
  review: () => import('./steps/review-step').then((m) => ({ default: m.ReviewStep })),
  install: () => import('./steps/install-step').then((m) => ({ default: m.InstallStep })),
  summary: () => import('./steps/summary-step').then((m) => ({ default: m.SummaryStep })),
  troubleshoot: () => import('./troubleshoot/troubleshoot-page').then((m) => ({ default: m.TroubleshootPage })),
  uninstall: () => import('./steps/uninstall-confirm-step').then((m) => ({ default: m.UninstallConfirmStep })),
};

/** The job log's store and feed: a chunk of its own, loaded once (see loadJobLog). */
type JobLogModule = typeof JobLogChunk;
let jobLogModule: Promise<JobLogModule> | null = null;
const loadJobLog = (): Promise<JobLogModule> => {
  jobLogModule ??= import('./log/job-log-feed').catch((error: unknown) => {
    jobLogModule = null; // a failed fetch is retried by the next caller
    throw error;
  });
  return jobLogModule;
};

/** The pages shown over the current step: troubleshooting, and the uninstall confirmation. */
type OverlayView = 'troubleshoot' | 'uninstall';

function createViews(i18n: I18n): Record<WizardStep | OverlayView, ComponentType> {
  const later = (load: () => Promise<{ default: ComponentType }>) =>
    lazy(() => Promise.all([load(), loadLaterStepCatalogs(i18n)]).then(([step]) => step));
  return {
    detect: DetectStep,
    installer: later(loadLaterSteps.installer),
    server: later(loadLaterSteps.server),
    antivirus: later(loadLaterSteps.antivirus),
    review: later(loadLaterSteps.review),
    install: later(loadLaterSteps.install),
    summary: later(loadLaterSteps.summary),
    troubleshoot: later(loadLaterSteps.troubleshoot),
    uninstall: later(loadLaterSteps.uninstall),
  };
}

/**
 * A person reads the detection screen for seconds before Continue: the later steps are fetched after this long,
 * so the second in which the screen has just appeared (and may be clicked, or read by a screen reader) has the
 * main thread and the host's CPU to itself. A click before then loads the step it needs at once (React.lazy).
 */
const PREFETCH_DELAY_MS = 1000;

/**
 * Fetches the later steps when the browser is idle, so Continue does not wait for them: one chunk per idle period.
 * Each import() adds its chunks' modulepreload links to the document; all of them in one callback held the main
 * thread ~130 ms (a CPU profile of the page) right after "Check complete." appeared, when the person may click.
 */
function prefetchLaterSteps(i18n: I18n): () => void {
  const loads: (() => Promise<unknown>)[] = [
    ...Object.values(loadLaterSteps),
    loadJobLog,
    () => loadLaterStepCatalogs(i18n),
  ];
  const next = () => {
    const load = loads.shift();
    if (!load) return;
    void load().catch(() => undefined);
    cancel = whenIdle(next);
  };
  const delay = setTimeout(() => (cancel = whenIdle(next)), PREFETCH_DELAY_MS);
  let cancel = () => clearTimeout(delay);
  return () => cancel();
}

/** Runs `task` when the browser is idle (or soon, where it cannot say); returns the cancel function. */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(task, 200);
  return () => clearTimeout(timer);
}

/**
 * `firstReplies`: the first calls that had answered before the page rendered (main.tsx); the wizard starts from them
 * and asks only for the others.
 */
export function App({ transport: given, firstReplies = {} }: { transport?: Transport; firstReplies?: FirstReplies }) {
  const { t, i18n } = useTranslation();
  const [views] = useState(() => createViews(i18n));
  const [transport] = useState(() => given ?? getTransport());
  const [jobLog, setJobLog] = useState<{ store: LogStore; Feed: JobLogModule['JobLogFeed'] } | null>(null);
  const [state, dispatch] = useReducer(wizardReducer, firstReplies, firstWizardState);
  const [answeredFirst] = useState(firstReplies);
  const actions = useMemo(() => createWizardActions(transport, dispatch), [transport]);

  useEffect(() => {
    const offDetection = transport.onEvent('detection', (snapshot) =>
      dispatch({ type: 'detectionSnapshot', snapshot }),
    );
    const offJob = transport.onEvent('job', (job) => dispatch({ type: 'jobUpdated', job }));
    const offAntivirus = transport.onEvent('antivirus', (report) => dispatch({ type: 'antivirusChecked', report }));
    if (!answeredFirst.getSession) void actions.loadSession();
    if (!answeredFirst.detect) void actions.detect(false);
    // In the background: the detection screen shows it as its own section when it answers.
    if (!answeredFirst.checkAntivirus) void actions.checkAntivirus(null);
    if (!answeredFirst.getLatestJob) void actions.attachLatestJob();
    return () => {
      offDetection();
      offJob();
      offAntivirus();
    };
  }, [transport, actions, answeredFirst]);

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

  // The front door's OS locale (LANG/LC_ALL, Electron's locale) decides once the session answers, unless the person
  // already chose a language with the switcher.
  const osLocale = state.session?.locale;
  useEffect(() => {
    if (osLocale !== undefined) void applyLanguage(i18n, sessionLanguage(osLocale));
  }, [osLocale, i18n]);

  const shown = state.troubleshooting ? 'troubleshoot' : state.confirmingUninstall ? 'uninstall' : state.step;
  const detectionDone = state.detection?.complete === true;
  useEffect(() => (detectionDone ? prefetchLaterSteps(i18n) : undefined), [detectionDone, i18n]);

  // The log is not on the first screen: its chunk is fetched when the browser is idle (prefetchLaterSteps) and the
  // store made once the person leaves the detection screen or a job is attached (an attached job's lines are read
  // back from the start, so making it late loses none).
  const needsJobLog = shown !== 'detect' || state.jobId !== null;
  useEffect(() => {
    if (!needsJobLog || jobLog) return;
    let live = true;
    loadJobLog().then(
      (m) => live && setJobLog({ store: new m.LogStore(), Feed: m.JobLogFeed }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [needsJobLog, jobLog]);
  const logStore = jobLog?.store ?? null;

  const context = useMemo(
    () => ({ state, dispatch, actions, transport, logStore }),
    [state, actions, transport, logStore],
  );
  const View = views[shown];

  return (
    <WizardContext.Provider value={context}>
      {jobLog ? (
        <jobLog.Feed
          transport={transport}
          store={jobLog.store}
          jobId={state.jobId}
          knownLines={state.job?.logLines ?? 0}
        />
      ) : null}
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <div className="app">
        <AppHeader session={state.session} />
        <div className="layout">
          <StepRail />
          <main id="main" className="panel" data-step={shown}>
            {state.sessionError ? <ErrorNotice error={state.sessionError} /> : null}
            <Suspense fallback={<p className="live-status">{t('app.loading')}</p>}>
              <View key={shown} />
            </Suspense>
          </main>
        </div>
      </div>
    </WizardContext.Provider>
  );
}
