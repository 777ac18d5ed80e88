/** What every step needs, handed down once instead of threaded through props. */
import { createContext, useContext } from 'react';
import type { Dispatch } from 'react';
import type { Transport } from '../../common/bridge';
import type { LogStore } from '../log/log-store';
import type { WizardActions } from './wizard-actions';
import type { WizardAction, WizardState } from './wizard-state';

export interface WizardContextValue {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  actions: WizardActions;
  transport: Transport;
  /** Null until the log's chunk has loaded (once detection is complete or a job is attached: app.tsx). */
  logStore: LogStore | null;
}

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (value === null) throw new Error('useWizard outside <WizardProvider>');
  return value;
}
