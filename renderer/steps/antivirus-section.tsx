/** The detection screen's anti-virus section: arrives on its own when the background check answers. */
import { useTranslation } from 'react-i18next';
import type { AntivirusState } from '../flow/wizard-state';
import { Card } from '../components/card';
import { StatusText } from '../components/status-text';
import { SCANNER_ICON } from './antivirus-icons';

export function AntivirusSection({ antivirus }: { antivirus: AntivirusState }) {
  const { t } = useTranslation();
  const report = antivirus.report;
  return (
    <Card
      title={t('antivirus.sectionTitle')}
      pending={report === null && antivirus.error === null}
      className="card-wide"
    >
      {antivirus.error ? <p className="muted">{t('antivirus.sectionFailed')}</p> : null}
      {report && report.scanners.length === 0 ? <p data-testid="av-section-none">{t('antivirus.none')}</p> : null}
      {report && report.scanners.length > 0 ? (
        <ul className="plain-list" data-testid="av-section">
          {report.scanners.map((s) => (
            <li key={s.id}>
              <strong>{s.product}</strong>:{' '}
              <StatusText icon={SCANNER_ICON[s.status]} label={t(`antivirus.status.${s.status}`)} />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
