/** Renders one step with a given wizard state (for steps that are far into the flow, like the summary). */
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { createWizardActions } from '../../../renderer/flow/wizard-actions';
import { WizardContext } from '../../../renderer/flow/wizard-context';
import { initialWizardState } from '../../../renderer/flow/wizard-state';
import type { WizardState } from '../../../renderer/flow/wizard-state';
import { LogStore } from '../../../renderer/log/log-store';
import type { FakeTransport } from './fake-transport';
import { createTestI18n } from './render-app';

/** Tells a LogStore's subscribers at once, not before the next frame: a test sees a chunk's render in act(). */
export const notifyAtOnce = (notify: () => void): void => notify();

export function renderStep(
  ui: ReactNode,
  transport: FakeTransport,
  state: Partial<WizardState>,
  logStore = new LogStore(notifyAtOnce),
  i18n = createTestI18n(),
) {
  const dispatch = vi.fn();
  const value = {
    state: { ...initialWizardState, ...state },
    dispatch,
    actions: createWizardActions(transport, dispatch),
    transport,
    logStore,
  };
  const result = render(
    <I18nextProvider i18n={i18n}>
      <WizardContext.Provider value={value}>{ui}</WizardContext.Provider>
    </I18nextProvider>,
  );
  return { ...result, dispatch, logStore };
}
