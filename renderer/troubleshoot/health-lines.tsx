/** The health report: one line per finding, green/amber/red/grey shown as an icon and a word, with its reason. */
import { useTranslation } from 'react-i18next';
import type { HealthLevel, HealthLine } from '../../common/troubleshoot';
import { Card } from '../components/card';
import type { IconName } from '../components/icons';
import { StatusText } from '../components/status-text';
import { describeCoreText } from '../i18n/describe-error';

const ICON: Record<HealthLevel, IconName> = { green: 'ok', amber: 'warn', red: 'fail', grey: 'skipped' };

export function HealthLines({ lines }: { lines: HealthLine[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('troubleshoot.healthTitle')} className="card-wide">
      <ul className="health-lines">
        {lines.map((line) => (
          <li
            key={line.id}
            className={`health-line level-${line.level}`}
            data-testid={`health-${line.id}`}
            data-level={line.level}
          >
            <strong>{describeCoreText(t, { code: `health.label.${line.id}`, params: {} }, line.label)}</strong>
            <StatusText icon={ICON[line.level]} label={t(`troubleshoot.level.${line.level}`)} />
            <span>{describeCoreText(t, line.text, line.reason)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
