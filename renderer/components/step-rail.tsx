/**
 * The step list on the left: where the user is and what is done. It is a list, not a set of links:
 * each step's Back button goes back, and a rail of extra buttons named like the steps ("Install…")
 * would compete with the steps' own buttons for keyboard and screen-reader users.
 */
import { useTranslation } from 'react-i18next';
import { stepsFor } from '../flow/wizard-guards';
import { useWizard } from '../flow/wizard-context';
import { STEPS } from '../flow/wizard-state';
import { Icon } from './icons';

export function StepRail() {
  const { t } = useTranslation();
  const { state } = useWizard();
  const active = stepsFor(state.flow);
  const currentIndex = STEPS.indexOf(state.step);
  return (
    <nav className="step-rail" aria-label={t('rail.label')}>
      <ol>
        {STEPS.map((step, index) => {
          const skipped = !active.includes(step);
          const status = skipped ? 'skipped' : index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
          const stateText = { done: t('rail.stateDone'), upcoming: t('rail.stateUpcoming'), skipped: t('rail.stateSkipped'), current: '' }[status];
          return (
            <li key={step} className={`rail-item rail-${status}`} aria-current={status === 'current' ? 'step' : undefined}>
              <span className="rail-link">
                {status === 'done' ? <Icon name="ok" /> : <span className="rail-number" aria-hidden="true">{index + 1}</span>}
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
