/** Step 6: the outcome in plain words, what is installed now, the log files, and where to go next. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JobSnapshot } from '../../common/install';
import { Card, Facts } from '../components/card';
import { Icon } from '../components/icons';
import { StepHeading } from '../components/step-heading';
import { describeCode } from '../i18n/describe-error';
import { useWizard } from '../flow/wizard-context';
import { LogPane } from '../log/log-pane';
import { LogFiles } from './log-files';
import { antivirusNoteText } from './antivirus-summary';

/** The Azure VM agent note in the user's language; the core's English note for platforms the catalog does not cover. */
function azureNote(t: TFunction, platform: string | undefined, walinuxagent: boolean | null, coreNote: string): string {
  if (platform === 'win32') return t('summary.azure.windows');
  if (platform === 'linux') return walinuxagent ? t('summary.azure.linuxPresent') : t('summary.azure.linux');
  return coreNote;
}

/** The heading's catalog key: the e2e tests and the user both read it first. */
export function outcomeHeadingKey(job: JobSnapshot): string {
  if (job.nothingToDo) return 'summary.heading.nothingToDo';
  const register = job.kind === 'register';
  switch (job.state) {
    case 'succeeded':
      return register ? 'summary.heading.registered' : 'summary.heading.installed';
    case 'cancelled':
      return register ? 'summary.heading.registerCancelled' : 'summary.heading.cancelled';
    default:
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
          {described?.hint ? <p className="outcome-hint">{described.hint}</p> : null}
          {outcome?.exitCode !== null && outcome?.exitCode !== undefined ? (
            <p className="exit-code">{t('summary.exitCode', { code: outcome.exitCode })}</p>
          ) : null}
        </div>
      </div>
      {outcome?.rebootRequired ? (
        <p className="notice notice-warn">
          <Icon name="warn" />
          <span>{t('summary.reboot')}</span>
        </p>
      ) : null}
      {ended && outcome?.machineState ? (
        <Card title={t('summary.machineState')}>
          <p>{outcome.machineState}</p>
        </Card>
      ) : null}
      {summary ? (
        <Card title={t('summary.agentTitle')}>
          <Facts
            rows={[
              [t('summary.version'), summary.version],
              [t('summary.folder'), summary.installDir ? <code>{summary.installDir}</code> : null],
              [t('summary.server'), summary.server ? <code>{summary.server}</code> : t('summary.noServer')],
              [t('summary.registered'), summary.registered ? t('common.yes') : t('common.no')],
              ...(summary.antivirus ? [[t('antivirus.reviewLabel'), antivirusNoteText(t, summary.antivirus)] as [string, string]] : []),
            ]}
          />
          <p className="muted note">{azureNote(t, state.session?.platform, summary.walinuxagentPresent, summary.azureVmAgentNote)}</p>
        </Card>
      ) : null}
      {logFiles.length > 0 ? <LogFiles files={logFiles} /> : null}
      <div className="disclosure">
        <button type="button" className="button link" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {showLog ? t('summary.hideLiveLog') : t('summary.showLiveLog')}
        </button>
        {showLog ? <LogPane store={logStore} label={t('install.logTitle')} /> : null}
      </div>
      <div className="actions">
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
