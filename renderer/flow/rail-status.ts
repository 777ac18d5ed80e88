/**
 * What the step rail says about each wizard step. The Install step stands for the job: once it has ended,
 * the rail shows how (failed, cancelled, or not needed when there was nothing to do), never a plain check.
 */
import { stepsFor } from './wizard-guards';
import { STEPS } from './wizard-state';
import type { WizardState, WizardStep } from './wizard-state';

export type RailStatus = 'done' | 'current' | 'upcoming' | 'skipped' | 'failed' | 'cancelled';

export function railStatus(state: Pick<WizardState, 'flow' | 'step' | 'job'>, step: WizardStep): RailStatus {
  if (!stepsFor(state.flow).includes(step)) return 'skipped';
  const index = STEPS.indexOf(step);
  const currentIndex = STEPS.indexOf(state.step);
  if (index === currentIndex) return 'current';
  if (index > currentIndex) return 'upcoming';
  const job = state.job;
  if (step === 'install' && job && job.state !== 'running') {
    if (job.state === 'failed') return 'failed';
    if (job.state === 'cancelled') return 'cancelled';
    if (job.nothingToDo) return 'skipped';
  }
  return 'done';
}
