/** The step list on the left: where the user is, what is done, and links back to finished steps. */
import { useTranslation } from 'react-i18next';
import { canEnter, stepsFor } from '../flow/wizard-guards';
import { useWizard } from '../flow/wizard-context';
import { Icon } from './icons';

export function StepRail() {
  const { t } = useTranslation();
  const { state, dispatch } = useWizard();
  const steps = stepsFor(state.flow);
  const currentIndex = steps.indexOf(state.step);
  return (
    <nav className="step-rail" aria-label={t('rail.label')}>
      <ol>
        {steps.map((step, index) => {
          const status = index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'upcoming';
          const reachable = status === 'done' && canEnter(state, step);
          const label = t(`rail.${step}`);
          const marker = status === 'done' ? <Icon name="ok" /> : <span className="rail-number" aria-hidden="true">{index + 1}</span>;
          const stateText = status === 'done' ? t('rail.stateDone') : status === 'upcoming' ? t('rail.stateUpcoming') : '';
          return (
            <li key={step} className={`rail-item rail-${status}`} aria-current={status === 'current' ? 'step' : undefined}>
              {reachable ? (
                <button type="button" className="rail-link" onClick={() => dispatch({ type: 'goTo', step })}>
                  {marker}
                  <span>{label}</span>
                  <span className="visually-hidden">{stateText}</span>
                </button>
              ) : (
                <span className="rail-link">
                  {marker}
                  <span>{label}</span>
                  <span className="visually-hidden">{stateText}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
