/**
 * The pending-restart warning, on the detection screen and again on Review: the vendor's installer refuses
 * (exit 62) while a restart is pending, so the person learns it before waiting for an install that fails.
 */
import { useTranslation } from 'react-i18next';
import type { PendingRestartFacts } from '../../common/detection';
import { Icon } from '../components/icons';
import { describeCoreText } from '../i18n/describe-error';

export function PendingRestartNotice({
  facts,
  where,
}: {
  facts: PendingRestartFacts | null | undefined;
  where: 'detect' | 'review';
}) {
  const { t } = useTranslation();
  if (!facts?.pending) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="pending-restart">
      <Icon name="warn" />
      <div className="notice-body">
        <p className="notice-message">{t('restart.message')}</p>
        <ul>
          {facts.markers.map((marker) => (
            <li key={marker.source}>
              {t(`restart.source.${marker.source}`)}: {describeCoreText(t, marker.text, marker.detail)}
            </li>
          ))}
        </ul>
        <p className="notice-hint">{t(where === 'detect' ? 'restart.hintDetect' : 'restart.hintReview')}</p>
      </div>
    </div>
  );
}
