/** The "Mobility service on this server" section: whether an agent is there, its version and registration. */
import { useTranslation } from 'react-i18next';
import type { AgentFacts } from '../../common/detection';
import { Card, Facts } from '../components/card';
import { StatusText } from '../components/status-text';

export function AgentSection({ agent }: { agent: AgentFacts | undefined }) {
  const { t } = useTranslation();
  if (!agent) return <Card title={t('detect.agent.title')} pending />;
  if (!agent.installed) {
    return (
      <Card title={t('detect.agent.title')}>
        <p>
          <StatusText icon="info" label={t('detect.agent.notInstalled')} />
        </p>
      </Card>
    );
  }
  const registered =
    agent.registered === true ? (
      <StatusText icon="ok" label={t('detect.agent.registered')} />
    ) : agent.registered === false ? (
      <StatusText icon="warn" label={t('detect.agent.notRegistered')} />
    ) : (
      <StatusText icon="info" label={t('common.unknown')} />
    );
  return (
    <Card title={t('detect.agent.title')}>
      <Facts
        rows={[
          [t('detect.agent.version'), agent.version],
          [t('detect.agent.folder'), agent.installDir ? <code>{agent.installDir}</code> : null],
          [t('detect.agent.registration'), registered],
          [t('detect.agent.server'), agent.csAddress ? <code>{agent.csAddress}</code> : null],
        ]}
      />
    </Card>
  );
}
