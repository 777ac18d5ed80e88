/** The job's step list and progress bar; states are shown by icon and word. */
import { useTranslation } from 'react-i18next';
import type { JobStep, StepState } from '../../common/install';
import { StatusText } from './status-text';
import type { IconName } from './icons';

const icons: Record<StepState, IconName> = {
  pending: 'pending',
  running: 'running',
  done: 'ok',
  failed: 'fail',
  skipped: 'skipped',
  cancelled: 'warn',
};

/** Finished steps count fully and the running one half, so the bar moves when a step starts. */
export function progressPercent(steps: JobStep[]): number {
  if (steps.length === 0) return 0;
  const units = steps.reduce((sum, s) => sum + (s.state === 'running' ? 0.5 : s.state === 'pending' ? 0 : 1), 0);
  return Math.round((units / steps.length) * 100);
}

export function JobProgress({ steps, label }: { steps: JobStep[]; label: string }) {
  const { t } = useTranslation();
  const percent = progressPercent(steps);
  return (
    <div className="job-progress">
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('install.percent', { percent })}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <ol className="job-steps">
        {steps.map((step) => (
          <li
            key={step.id}
            className={`job-step job-step-${step.state}`}
            aria-current={step.state === 'running' ? 'step' : undefined}
          >
            <span className="job-step-name">{t(`install.step.${step.id}`)}</span>
            <StatusText icon={icons[step.state]} label={t(`install.state.${step.state}`)} />
          </li>
        ))}
      </ol>
    </div>
  );
}
