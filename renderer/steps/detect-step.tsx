/**
 * First screen: what this machine is and whether the Mobility service can go on it. Sections render as
 * the core's detection snapshots arrive; slow ones (disk) show "Checking…" until then.
 */
import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/error-notice';
import { StepHeading } from '../components/step-heading';
import { StatusText } from '../components/status-text';
import { agentInstalled, detectBlocker, detectionComplete } from '../flow/wizard-guards';
import { useWizard } from '../flow/wizard-context';
import { DiskSection, OsSection, PrivilegeSection, SupportSection } from './detect-sections';
import { AgentSection } from './detect-agent';
import { AntivirusSection } from './antivirus-section';

// Shown only after an interrupted job or before a pending restart: fetched when there is one, so the first screen's
// JavaScript does not carry them on the machines that show neither.
const InterruptedJobNotice = lazy(() =>
  import('./interrupted-job-notice').then((m) => ({ default: m.InterruptedJobNotice })),
);
const PendingRestartNotice = lazy(() =>
  import('./pending-restart-notice').then((m) => ({ default: m.PendingRestartNotice })),
);

export function DetectStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions } = useWizard();
  const blockerId = useId();
  const d = state.detection;
  const blocker = detectBlocker(state);
  const complete = detectionComplete(state);
  const installed = agentInstalled(state);
  const canRegisterOnly = complete && installed && d?.agent?.registered !== true;

  const go = (flow: 'install' | 'register') => {
    dispatch({ type: 'chooseFlow', flow });
    dispatch({ type: 'goTo', step: flow === 'register' ? 'server' : 'installer' });
  };

  return (
    <>
      <StepHeading lead={t('detect.lead')}>{t('detect.heading')}</StepHeading>
      <p className="live-status" role="status">
        {state.detecting ? (
          <StatusText icon="running" label={t('detect.checking')} />
        ) : complete ? (
          t('detect.done')
        ) : (
          ''
        )}
      </p>
      {state.detectionError ? <ErrorNotice error={state.detectionError} /> : null}
      <Suspense fallback={null}>
        {d?.interruptedJob ? <InterruptedJobNotice facts={d.interruptedJob} /> : null}
        {d?.pendingRestart?.pending ? <PendingRestartNotice facts={d.pendingRestart} where="detect" /> : null}
      </Suspense>
      <div className="card-grid">
        <OsSection os={d?.os} />
        <SupportSection detection={d} />
        <PrivilegeSection privileges={d?.privileges} />
        <AgentSection agent={d?.agent} />
        <DiskSection disk={d?.disk} pending={state.detecting} />
        <AntivirusSection antivirus={state.antivirus} />
      </div>
      <div className="actions">
        <button type="button" className="button" onClick={() => void actions.detect(true)} disabled={state.detecting}>
          {t('detect.recheck')}
        </button>
        <button type="button" className="button" onClick={() => dispatch({ type: 'troubleshoot', open: true })}>
          {t('detect.troubleshoot')}
        </button>
        {/* The three jobs: install or upgrade (the primary button), uninstall, troubleshoot. Uninstall only once
            detection has found an agent: with none there it could only end in "nothing to do". */}
        {installed ? (
          <button
            type="button"
            className="button"
            onClick={() => dispatch({ type: 'confirmUninstall', open: true })}
            disabled={!complete}
          >
            {t('detect.uninstall')}
          </button>
        ) : null}
        <span className="spacer" />
        {blocker && !state.detecting ? (
          <p id={blockerId} className="action-note">
            {t(blocker)}
          </p>
        ) : null}
        {canRegisterOnly ? (
          <button type="button" className="button" onClick={() => go('register')}>
            {t('detect.registerOnly')}
          </button>
        ) : null}
        <button
          type="button"
          className="button primary"
          onClick={() => go('install')}
          disabled={blocker !== null}
          aria-describedby={blocker && !state.detecting ? blockerId : undefined}
        >
          {installed ? t('detect.upgrade') : t('common.continue')}
        </button>
      </div>
    </>
  );
}
