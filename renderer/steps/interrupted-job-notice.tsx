/**
 * The last job ended with its process (kill -9, a power cut, a closed SSH session): the detection screen says
 * which job, at which step and when, what the machine is like now, and the way back.
 */
import { useTranslation } from 'react-i18next';
import type { InterruptedJobFacts } from '../../common/detection';
import { Icon } from '../components/icons';
import { describeCoreText } from '../i18n/describe-error';

export function InterruptedJobNotice({ facts }: { facts: InterruptedJobFacts | null | undefined }) {
  const { t } = useTranslation();
  if (!facts) return null;
  const { kind, startedAt, frontDoor, pid, step } = facts;
  return (
    <div className="notice notice-warn" role="status" data-testid="interrupted-job">
      <Icon name="warn" />
      <div className="notice-body">
        <p className="notice-message">{t('interrupted.message', { kind, startedAt, frontDoor, pid, step })}</p>
        <p>{describeCoreText(t, facts.machineStateText, facts.machineState)}</p>
        <ul>
          {facts.wayBack.map((way) => (
            <li key={way}>{t(`interrupted.way.${way}`)}</li>
          ))}
        </ul>
        {facts.removed.length > 0 ? (
          <p className="notice-hint">{t('interrupted.removed', { paths: facts.removed.join(', ') })}</p>
        ) : null}
        {facts.kept.map((kept) => (
          <p className="notice-hint" key={kept}>
            {t('interrupted.kept', { path: kept })}
          </p>
        ))}
      </div>
    </div>
  );
}
