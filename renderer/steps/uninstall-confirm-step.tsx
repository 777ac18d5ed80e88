/**
 * The uninstall confirmation: what will be removed (version, folder, the registration with its server), what it
 * means (replication of this server stops; disable it in the portal first), and an explicit confirmation before
 * the job starts. The progress and summary are the wizard's own steps, as for an install.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentFacts } from '../../common/detection';
import { Card, Facts } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { Icon } from '../components/icons';
import { StepHeading } from '../components/step-heading';
import { StatusText } from '../components/status-text';
import { useWizard } from '../flow/wizard-context';

function RegistrationText({ agent }: { agent: AgentFacts }) {
  const { t } = useTranslation();
  if (agent.registered !== true) return <>{t('uninstall.notRegistered')}</>;
  if (!agent.csAddress) return <>{t('uninstall.registeredUnknownServer')}</>;
  return <>{t('uninstall.registeredWith', { server: agent.csAddress })}</>;
}

export function UninstallConfirmStep() {
  const { t } = useTranslation();
  const { state, dispatch, actions } = useWizard();
  const [confirmed, setConfirmed] = useState(false);
  const checkboxId = useId();
  const agent = state.detection?.agent;
  const back = () => dispatch({ type: 'confirmUninstall', open: false });

  if (!agent?.installed) {
    return (
      <>
        <StepHeading>{t('uninstall.heading')}</StepHeading>
        <p className="outcome outcome-success" role="status">
          <StatusText icon="info" label={t('uninstall.nothingInstalled')} />
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={back}>
            {t('uninstall.back')}
          </button>
        </div>
      </>
    );
  }

  return (
    <>
      <StepHeading lead={t('uninstall.lead')}>{t('uninstall.heading')}</StepHeading>
      <Card title={t('uninstall.removes')}>
        <Facts
          rows={[
            [t('uninstall.version'), agent.version],
            [t('uninstall.folder'), agent.installDir ? <code>{agent.installDir}</code> : null],
            [t('uninstall.registration'), <RegistrationText key="registration" agent={agent} />],
          ]}
        />
      </Card>
      <p className="notice notice-warn">
        <Icon name="warn" />
        <span>{t('uninstall.warning')}</span>
      </p>
      <p className="confirm-check">
        <input id={checkboxId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <label htmlFor={checkboxId}>{t('uninstall.confirm')}</label>
      </p>
      {state.startError ? <ErrorNotice error={state.startError} /> : null}
      <div className="actions">
        <button type="button" className="button" onClick={back} disabled={state.starting}>
          {t('uninstall.back')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button danger"
          onClick={() => void actions.startUninstall(state)}
          disabled={!confirmed || state.starting}
        >
          {state.starting ? t('uninstall.starting') : t('uninstall.start')}
        </button>
      </div>
    </>
  );
}
