/**
 * The step list on the left: where the user is and what is done. It is a list, not a set of links:
 * each step's Back button goes back, and a rail of extra buttons named like the steps ("Install…")
 * would compete with the steps' own buttons for keyboard and screen-reader users.
 */
import { useTranslation } from 'react-i18next';
import { railStatus } from '../flow/rail-status';
import type { RailStatus } from '../flow/rail-status';
import { useWizard } from '../flow/wizard-context';
import { STEPS } from '../flow/wizard-state';
import { Icon } from './icons';
import type { IconName } from './icons';

/** Finished states show an icon (as well as the hidden word); the others show the step's number. */
const ICONS: Partial<Record<RailStatus, IconName>> = { done: 'ok', failed: 'fail', cancelled: 'warn' };

export function StepRail() {
  const { t } = useTranslation();
  const { state } = useWizard();
  return (
    <nav className="step-rail" aria-label={t('rail.label')}>
      <ol>
        {STEPS.map((step, index) => {
          const status = railStatus(state, step);
          const icon = ICONS[status];
          const stateText = {
            done: t('rail.stateDone'),
            upcoming: t('rail.stateUpcoming'),
            skipped: t('rail.stateSkipped'),
            failed: t('rail.stateFailed'),
            cancelled: t('rail.stateCancelled'),
            current: '',
          }[status];
          return (
            <li
              key={step}
              className={`rail-item rail-${status}`}
              data-status={status}
              aria-current={status === 'current' ? 'step' : undefined}
            >
              <span className="rail-link">
                {icon ? (
                  <Icon name={icon} />
                ) : (
                  <span className="rail-number" aria-hidden="true">
                    {index + 1}
                  </span>
                )}
                <span>{t(`rail.${step}`)}</span>
                <span className="visually-hidden">{stateText}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
