/** Renders the whole wizard against a fake core, with i18n that fails the test on a missing UI string. */
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../renderer/app';
import { createI18n } from '../../../renderer/i18n';
import type { FakeTransport } from './fake-transport';

export const missingKeys: string[] = [];

export function createTestI18n() {
  const i18n = createI18n('en');
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
