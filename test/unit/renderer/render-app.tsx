/** Renders the whole wizard against a fake core, with i18n that fails the test on a missing UI string. */
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../renderer/app';
import { createI18n } from '../../../renderer/i18n';
import { enLaterStepsUi } from '../../../renderer/i18n/en-later-steps';
import { enTroubleshootUi } from '../../../renderer/i18n/en-troubleshoot';
import { enExitCodeHints, enExitCodeTexts } from '../../../common/i18n/en-exit-codes';
// The app loads the steps after detection on demand (React.lazy); loaded here first, so a test's
// findBy… waits for rendering, not for the test runner to transform those modules on a busy machine.
import '../../../renderer/steps/installer-step';
import '../../../renderer/steps/server-step';
import '../../../renderer/steps/review-step';
import '../../../renderer/steps/install-step';
import '../../../renderer/steps/summary-step';
import type { FakeTransport } from './fake-transport';

export const missingKeys: string[] = [];

export function createTestI18n() {
  const i18n = createI18n('en');
  // Steps rendered on their own here do not go through the app's lazy loader, which adds these.
  i18n.addResourceBundle('en', 'ui', enLaterStepsUi, true, false);
  i18n.addResourceBundle('en', 'ui', enTroubleshootUi, true, false);
  i18n.addResourceBundle('en', 'codes', enExitCodeTexts, true, false);
  i18n.addResourceBundle('en', 'hints', enExitCodeHints, true, false);
  i18n.options.saveMissing = true;
  // Only UI strings must exist; core codes fall back to the core's message by design.
  i18n.options.missingKeyHandler = (_lngs, ns, key) => {
    if (ns === 'ui') missingKeys.push(key);
  };
  return i18n;
}

export function renderApp(transport: FakeTransport) {
  const i18n = createTestI18n();
  return render(
    <I18nextProvider i18n={i18n}>
      <App transport={transport} />
    </I18nextProvider>,
  );
}

export const disabled = (element: HTMLElement): boolean => (element as HTMLButtonElement).disabled;
