/** Step 7: the outcome in plain words, what is installed now, the log files, and where to go next. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AgentSummary, JobSnapshot } from '../../common/install';
import { exitCodeForJob } from '../../common/job-exit-code';
import { Card, Facts } from '../components/card';
import { Icon } from '../components/icons';
import { StepHeading } from '../components/step-heading';
import { describeCode, describeCoreText } from '../i18n/describe-error';
import { useWizard } from '../flow/wizard-context';
import { LogPane } from '../log/log-pane';
import { LogFiles } from './log-files';
import { antivirusNoteText } from './antivirus-summary';
import { VendorErrorNotice } from '../troubleshoot/vendor-error-notice';

/**
 * The Azure VM agent note in the user's language, only where the core says it applies (an installed agent;
 * on Windows 9.7.0.0 and later). The core's OS profile answers whether WALinuxAgent is present only where
 * that agent exists (Linux); null there means the Windows note, so the renderer never asks which OS it is.
 */
function azureNote(t: TFunction, summary: AgentSummary): string | null {
  if (summary.azureVmAgentNote === null) return null;
  if (summary.walinuxagentPresent === null) return t('summary.azure.windows');
  return summary.walinuxagentPresent ? t('summary.azure.linuxPresent') : t('summary.azure.linux');
}

/** The agent as Windows lists it under Apps / Programs and Features (a name, not a translatable text). */
const WINDOWS_PROGRAM_ENTRY = 'Microsoft Azure Site Recovery Mobility Service/Master Target Server';

/** The job step that ended a failed or cancelled job, when there is one. */
function stoppedStep(job: JobSnapshot): string | null {
  return job.steps.find((s) => s.state === 'failed' || s.state === 'cancelled')?.id ?? null;
}

/**
 * The heading's catalog key: the e2e tests and the user both read it first. An install that stopped at
 * the register step says so, with the agent it left installed, instead of "Installation failed".
 */
export function outcomeHeadingKey(job: JobSnapshot): string {
  if (job.nothingToDo) return 'summary.heading.nothingToDo';
  if (job.kind === 'uninstall') {
    if (job.state === 'succeeded') return 'summary.heading.uninstalled';
    return job.state === 'cancelled' ? 'summary.heading.uninstallCancelled' : 'summary.heading.uninstallFailed';
  }
  const register = job.kind === 'register';
  const installedButNotRegistered = !register && stoppedStep(job) === 'register' && job.summary?.installed === true;
  switch (job.state) {
    case 'succeeded':
      return register ? 'summary.heading.registered' : 'summary.heading.installed';
    case 'cancelled':
      if (installedButNotRegistered) return 'summary.heading.registrationCancelledInstalled';
      return register ? 'summary.heading.registerCancelled' : 'summary.heading.cancelled';
    default:
      if (installedButNotRegistered) return 'summary.heading.registrationFailedInstalled';
      return register ? 'summary.heading.registerFailed' : 'summary.heading.failed';
  }
}

export function SummaryStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions, logStore } = useWizard();
  const [showLog, setShowLog] = useState(false);
  const job = state.job;
  if (!job) return null;
  const outcome = job.outcome;
  const described = outcome ? describeCode(t, outcome) : null;
  const severity = outcome?.severity ?? (job.state === 'succeeded' ? 'success' : 'error');
  const icon = severity === 'success' ? 'ok' : severity === 'warning' ? 'warn' : 'fail';
  const ended = job.state === 'failed' || job.state === 'cancelled';
  const summary = job.summary;
  const logFiles = summary?.logFiles.length ? summary.logFiles : job.logFiles;
  // The number the command line exits with for the same ending (1602 cancelled, 124 timed out, 14, …).
  const exitCode = exitCodeForJob(job);
  const note = summary ? azureNote(t, summary) : null;

  const backToStart = () => {
    dispatch({ type: 'reset' });
    void actions.detect(true);
  };

  return (
    <>
      <StepHeading>{t(outcomeHeadingKey(job))}</StepHeading>
      <div className={`outcome outcome-${severity}`} role={severity === 'error' ? 'alert' : 'status'}>
        <Icon name={icon} />
        <div>
          {described ? <p className="outcome-message">{described.message}</p> : null}
          {/* The restart advice is the notice below; the outcome's own hint would say it a second time. */}
          {outcome?.vendorError ? <VendorErrorNotice error={outcome.vendorError} /> : null}
          {/* An explained vendor error says what to do itself; the exit code's generic hint would repeat it. */}
          {described?.hint && !outcome?.rebootRequired && !outcome?.vendorError?.explanation ? (
            <p className="outcome-hint">{described.hint}</p>
          ) : null}
          {exitCode !== null ? <p className="exit-code">{t('summary.exitCode', { code: exitCode })}</p> : null}
        </div>
      </div>
      {outcome?.rebootRequired ? (
        <p className="notice notice-warn">
          <Icon name="warn" />
          <span>{outcome.exitCode === 1641 ? t('summary.rebootRequired') : t('summary.reboot')}</span>
        </p>
      ) : null}
      {ended && outcome?.machineState ? (
        <Card title={t('summary.machineState')}>
          <p>{describeCoreText(t, outcome.machineStateText, outcome.machineState)}</p>
        </Card>
      ) : null}
      {summary ? (
        <Card title={t('summary.agentTitle')}>
          <Facts
            rows={
              summary.installed
                ? [
                    [t('summary.version'), summary.version],
                    [t('summary.folder'), summary.installDir ? <code>{summary.installDir}</code> : null],
                    [t('summary.server'), summary.server ? <code>{summary.server}</code> : t('summary.noServer')],
                    [t('summary.registered'), summary.registered ? t('common.yes') : t('common.no')],
                    ...(summary.antivirus
                      ? [[t('antivirus.reviewLabel'), antivirusNoteText(t, summary.antivirus)] as [string, string]]
                      : []),
                  ]
                : [[t('summary.installedNow'), t('summary.notInstalled')]]
            }
          />
          {note ? <p className="muted note">{note}</p> : null}
        </Card>
      ) : null}
      {job.kind === 'uninstall' && !job.nothingToDo ? (
        <p className="muted note">{t('summary.uninstallWindowsEntry', { entry: WINDOWS_PROGRAM_ENTRY })}</p>
      ) : null}
      {logFiles.length > 0 ? <LogFiles files={logFiles} /> : null}
      <div className="disclosure">
        <button type="button" className="button link" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {showLog ? t('summary.hideLiveLog') : t('summary.showLiveLog')}
        </button>
        {showLog && logStore ? <LogPane store={logStore} label={t('install.logTitle')} /> : null}
      </div>
      <div className="actions">
        {ended ? (
          <button type="button" className="button" onClick={() => dispatch({ type: 'troubleshoot', open: true })}>
            {t('troubleshoot.open')}
          </button>
        ) : null}
        <span className="spacer" />
        {ended ? (
          <button type="button" className="button primary" onClick={() => dispatch({ type: 'retry' })}>
            {t('summary.retry')}
          </button>
        ) : null}
        <button type="button" className={ended ? 'button' : 'button primary'} onClick={backToStart}>
          {t('summary.backToStart')}
        </button>
      </div>
    </>
  );
}
