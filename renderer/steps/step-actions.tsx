/** Back / Continue for a step, with the reason shown next to a disabled Continue (and tied to it for screen readers). */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../flow/wizard-context';
import type { WizardStep } from '../flow/wizard-state';

export interface StepActionsProps {
  back: WizardStep;
  next?: WizardStep;
  /** Catalog key saying why the user cannot go on yet. */
  blocker: string | null;
  /** Replaces the default Continue (e.g. the server step checks the connection first). */
  onNext?: () => void;
  nextLabel?: string;
  busy?: boolean;
  children?: ReactNode;
}

export function StepActions({ back, next, blocker, onNext, nextLabel, busy = false, children }: StepActionsProps) {
  const { t } = useTranslation();
  const { dispatch } = useWizard();
  const noteId = useId();
  return (
    <div className="actions">
      <button type="button" className="button" onClick={() => dispatch({ type: 'goTo', step: back })} disabled={busy}>
        {t('common.back')}
      </button>
      <span className="spacer" />
      {blocker ? (
        <p id={noteId} className="action-note">
          {t(blocker)}
        </p>
      ) : null}
      {children}
      {next || onNext ? (
        <button
          type="button"
          className="button primary"
          disabled={blocker !== null || busy}
          aria-describedby={blocker ? noteId : undefined}
          onClick={() => (onNext ? onNext() : next && dispatch({ type: 'goTo', step: next }))}
        >
          {nextLabel ?? t('common.continue')}
        </button>
      ) : null}
    </div>
  );
}
