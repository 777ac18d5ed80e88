/**
 * The wizard's first state from the first calls that had answered before it rendered (api/first-calls.ts): the
 * same actions the app dispatches when those calls answer after it mounts, reduced before the first render, so the
 * detection screen is drawn once, complete, instead of "Checking…" and then again for each answer.
 */
import type { FirstReplies } from '../api/first-calls';
import { wizardReducer } from './wizard-reducer';
import { initialWizardState } from './wizard-state';
import type { WizardAction, WizardState } from './wizard-state';

function firstReplyActions(replies: FirstReplies): WizardAction[] {
  const actions: WizardAction[] = [];
  const { getSession: session, detect, checkAntivirus: antivirus, getLatestJob: latestJob } = replies;
  if (session)
    actions.push(
      session.ok ? { type: 'sessionLoaded', session: session.value } : { type: 'sessionFailed', error: session.error },
    );
  if (detect)
    actions.push(
      { type: 'detectionStarted' },
      detect.ok ? { type: 'detectionDone', report: detect.value } : { type: 'detectionFailed', error: detect.error },
    );
  if (antivirus)
    actions.push(
      { type: 'antivirusStarted' },
      antivirus.ok
        ? { type: 'antivirusChecked', report: antivirus.value }
        : { type: 'antivirusFailed', error: antivirus.error },
    );
  // As actions.attachLatestJob: no job, or a failed ask, attaches nothing.
  if (latestJob?.ok && latestJob.value !== null) actions.push({ type: 'jobAttached', job: latestJob.value });
  return actions;
}

export function firstWizardState(replies: FirstReplies = {}): WizardState {
  return firstReplyActions(replies).reduce(wizardReducer, initialWizardState);
}
