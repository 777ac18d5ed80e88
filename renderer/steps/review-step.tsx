/** Step 5: everything that will happen, in one place, before the one button that does it. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEndpoint } from '../../common/endpoint';
import { plannedInstallAction } from '../../common/install-plan';
import { upgradePath } from '../../common/upgrade-path';
import { Card, Facts } from '../components/card';
import { ErrorNotice } from '../components/error-notice';
import { StepHeading } from '../components/step-heading';
import { StatusText } from '../components/status-text';
import { useWizard } from '../flow/wizard-context';
import { canEnter } from '../flow/wizard-guards';
import { StepActions } from './step-actions';
import { antivirusSummary } from './antivirus-summary';
import { PendingRestartNotice } from './pending-restart-notice';

export function ReviewStep() {
  const { t } = useTranslation();
  const { state, actions } = useWizard();
  const register = state.flow === 'register';
  const agent = state.detection?.agent;
  const reg = state.registration;
  const installer = state.installer?.chosen;
  const defaultDir = state.session?.folders.installDir ?? '';
  const endpoint = parseEndpoint(reg.endpoint);

  // The same rule as the core's check step, so the review says beforehand what the summary will say.
  const planned =
    !register && agent && installer
      ? plannedInstallAction(agent, installer.version, reg.mode, endpoint.ok ? endpoint.endpoint : null)
      : null;
  // The upgrade rules (common/upgrade-path.ts): a jump of more than four versions is refused with its stepwise path.
  const route =
    planned === 'upgrade' && agent?.version && installer ? upgradePath(agent.version, installer.version) : null;
  const action = register
    ? t('review.action.register')
    : route?.kind === 'tooFar'
      ? t('review.action.tooFar', { route: [route.from, ...route.steps].join(' → ') })
      : planned === null || planned === 'fresh'
        ? t('review.action.fresh', { version: installer?.version ?? '' })
        : planned === 'upgrade'
          ? t('review.action.upgrade', { from: agent?.version ?? t('common.unknown'), to: installer?.version ?? '' })
          : planned === 'downgrade'
            ? t('review.action.downgrade', {
                installed: agent?.version ?? t('common.unknown'),
                version: installer?.version ?? '',
              })
            : planned === 'registerOnly'
              ? t('review.action.registerInstalled', { version: installer?.version ?? '' })
              : t(reg.mode === 'none' ? 'review.action.nothingToDoInstalled' : 'review.action.nothingToDo', {
                  version: installer?.version ?? '',
                });

  const server =
    reg.mode === 'classic'
      ? t('review.server.classic', { address: endpoint.ok ? endpoint.endpoint.display : reg.endpoint })
      : reg.mode === 'modernized'
        ? t('review.server.modernized', { name: reg.configFileName ?? 'config.json' })
        : reg.laterKind === 'modernized'
          ? t('review.server.noneModernized')
          : t('review.server.noneClassic');

  const rows: [string, ReactNode][] = [
    [t('review.what'), action],
    [t('review.token'), <code key="token">{state.detection?.token ?? ''}</code>],
  ];
  if (!register && installer) {
    rows.push([t('review.installer'), <code key="file">{installer.fileName}</code>]);
    rows.push([
      t('review.folder'),
      <code key="dir">{state.installDir.trim() || (agent?.installed && agent.installDir) || defaultDir}</code>,
    ]);
  }
  rows.push([t('review.server.label'), server]);
  if (!register) rows.push([t('antivirus.reviewLabel'), antivirusSummary(t, state.antivirus)]);
  if (reg.mode === 'classic') rows.push([t('review.passphrase'), t('review.passphraseSet')]);

  return (
    <>
      <StepHeading lead={register ? t('review.leadRegister') : t('review.lead')}>{t('review.heading')}</StepHeading>
      <Card title={t('review.planTitle')} className="card-wide">
        <Facts rows={rows} />
      </Card>
      {register ? null : <PendingRestartNotice facts={state.detection?.pendingRestart} where="review" />}
      {route?.kind === 'upgrade' ? <p className="notice notice-info">{t('review.upgradeReminder')}</p> : null}
      {state.detection?.privileges && !state.detection.privileges.elevated ? (
        <p className="notice notice-info">{t('review.elevation')}</p>
      ) : null}
      {state.startError ? <ErrorNotice error={state.startError} /> : null}
      <p className="live-status" role="status">
        {state.starting ? <StatusText icon="running" label={t('review.starting')} /> : ''}
      </p>
      <StepActions
        back={register ? 'server' : 'antivirus'}
        blocker={null}
        busy={state.starting || !canEnter(state, 'review')}
        onNext={() => void actions.start(state)}
        nextLabel={register ? t('review.register') : t('review.install')}
      />
    </>
  );
}
