/** The connectivity test (name resolution, control and data ports with TLS) and push-install readiness. */
import { useTranslation } from 'react-i18next';
import type { ConnectivityTest, ProbeVerdict, PushReadinessItem } from '../../common/troubleshoot';
import { Card } from '../components/card';
import type { IconName } from '../components/icons';
import { StatusText } from '../components/status-text';
import { formatMilliseconds } from '../format/units';
import { describeCoreText } from '../i18n/describe-error';

const VERDICT_ICON: Record<ProbeVerdict, IconName> = { ok: 'ok', warn: 'warn', fail: 'fail', skipped: 'skipped' };
const PUSH_ICON: Record<PushReadinessItem['state'], IconName> = { ok: 'ok', notReady: 'fail', unknown: 'skipped' };

export function ConnectivityFindings({ test }: { test: ConnectivityTest | null }) {
  const { t, i18n } = useTranslation();
  if (!test) {
    return (
      <Card title={t('troubleshoot.connectivityTitle', { host: '—' })}>
        <p className="muted">{t('troubleshoot.noConnectivity')}</p>
      </Card>
    );
  }
  return (
    <Card title={t('troubleshoot.connectivityTitle', { host: test.host })}>
      <ul className="health-lines" data-testid="connectivity">
        <li className="health-line" data-verdict={test.dns.verdict}>
          <strong>{t('troubleshoot.dns')}</strong>
          <StatusText icon={VERDICT_ICON[test.dns.verdict]} label={t(`troubleshoot.verdict.${test.dns.verdict}`)} />
          <span>
            {describeCoreText(t, test.dns.text, test.dns.message)} ({formatMilliseconds(test.dns.ms, i18n.language)})
          </span>
        </li>
        {test.ports.map((probe) => (
          <li key={probe.port} className="health-line" data-verdict={probe.verdict}>
            <strong>{t('troubleshoot.port', { role: t(`troubleshoot.role.${probe.role}`), port: probe.port })}</strong>
            <StatusText icon={VERDICT_ICON[probe.verdict]} label={t(`troubleshoot.verdict.${probe.verdict}`)} />
            <span>
              {describeCoreText(t, probe.text, probe.message)}
              {probe.tls.details
                ? ` ${probe.tls.details.protocol ?? ''} ${probe.tls.details.subject}, ${probe.tls.details.validTo}`
                : ''}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function PushReadiness({ items }: { items: PushReadinessItem[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('troubleshoot.pushTitle')}>
      <ul className="health-lines" data-testid="push-readiness">
        {items.map((item) => (
          <li key={item.id} className="health-line" data-state={item.state}>
            <strong>{describeCoreText(t, item.labelText, item.label)}</strong>
            <StatusText icon={PUSH_ICON[item.state]} label={t(`troubleshoot.pushState.${item.state}`)} />
            <span>
              {describeCoreText(t, item.findingText, item.finding)}{' '}
              {item.preventsErrors.length > 0 ? (
                <span className="muted">{t('troubleshoot.prevents', { ids: item.preventsErrors.join(', ') })}</span>
              ) : null}
              {item.remedy && item.state !== 'ok' ? (
                <>
                  {' '}
                  <strong>{t('troubleshoot.remedy')}</strong>{' '}
                  <code>{describeCoreText(t, item.remedyText, item.remedy)}</code>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
