/**
 * The anti-virus step, before Review: each scanner found, whether it keeps out of the agent's folders, the
 * fixes Mobility Setup can make and the manual steps for the rest. The person may go on with a warning;
 * the choice goes into the install's summary.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { needsAttention } from '../../common/antivirus';
import { ErrorNotice } from '../components/error-notice';
import { StatusText } from '../components/status-text';
import { StepHeading } from '../components/step-heading';
import { useWizard } from '../flow/wizard-context';
import { antivirusBlocker } from '../flow/wizard-guards';
import { AntivirusScanner } from './antivirus-scanner';
import { JobPanel } from '../components/job-panel';
import { StepActions } from './step-actions';

export function AntivirusStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions } = useWizard();
  const av = state.antivirus;
  const report = av.report;
  const installDir = state.installDir.trim() || null;
  const blocker = antivirusBlocker(state);
  const open = report?.scanners.filter(needsAttention) ?? [];

  // A custom install folder replaces the default one: check that folder (once per folder typed).
  const checkedDir = useRef<string | null>(null);
  useEffect(() => {
    if (!installDir || checkedDir.current === installDir || av.checking) return;
    checkedDir.current = installDir;
    void actions.checkAntivirus(installDir);
  }, [installDir, av.checking, actions]);

  return (
    <>
      <StepHeading lead={t('antivirus.lead')}>{t('antivirus.heading')}</StepHeading>
      <p className="live-status" role="status">
        {av.checking ? (
          <StatusText icon="running" label={t('antivirus.checking')} />
        ) : av.fixing ? (
          <StatusText icon="running" label={t('antivirus.fixingStatus')} />
        ) : (
          ''
        )}
      </p>
      {av.error ? <ErrorNotice error={av.error} /> : null}
      {av.fixJob ? <JobPanel key={av.fixJob.id} job={av.fixJob} keys="antivirus.fixJob" testId="av-fix-job" /> : null}
      {report ? (
        <p>
          {t('antivirus.folders')}{' '}
          {report.folders.map((f, i) => (
            <span key={f}>
              {i > 0 ? ', ' : ''}
              <code>{f}</code>
            </span>
          ))}
        </p>
      ) : null}
      {report && report.scanners.length === 0 ? <p>{t('antivirus.none')}</p> : null}
      {report?.scanners.map((scanner) => (
        <AntivirusScanner
          key={scanner.id}
          scanner={scanner}
          canFix={report.canFix}
          asksPassword={report.canFix && state.detection?.privileges?.elevated === false}
          fixing={av.fixing === scanner.id}
          busy={av.fixing !== null || av.checking}
          result={av.fixResults.find((r) => r.scannerId === scanner.id) ?? null}
          onFix={() => void actions.fixAntivirus(scanner.id, installDir)}
        />
      ))}
      {open.length > 0 || av.error ? (
        <p className="notice notice-warn" role="note">
          {t('antivirus.warning')}
        </p>
      ) : null}
      <StepActions
        back="server"
        next="review"
        blocker={blocker === 'antivirus.blocker.attention' ? null : blocker}
        busy={av.fixing !== null}
        nextLabel={blocker === 'antivirus.blocker.attention' ? t('antivirus.recheck') : undefined}
        onNext={
          blocker === 'antivirus.blocker.attention' ? () => void actions.checkAntivirus(installDir, true) : undefined
        }
      >
        {blocker === 'antivirus.blocker.attention' ? (
          <button
            type="button"
            className="button"
            onClick={() => dispatch({ type: 'antivirusContinueWithWarning' })}
            disabled={av.fixing !== null}
          >
            {t('antivirus.continueWithWarning')}
          </button>
        ) : null}
      </StepActions>
    </>
  );
}
