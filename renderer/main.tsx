import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { getTransport } from './api/client';
import { withFirstCallsStarted } from './api/first-calls';
import { applyLanguage, createI18n, preferredLanguage } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/steps.css';
import './styles/outcome.css';
import './styles/log.css';
import './styles/dialog.css';

// First, before the catalogs and React: the detection screen's data is on its way while the page renders.
const transport = withFirstCallsStarted(getTransport());
const language = preferredLanguage();
const i18n = createI18n(language);

function render(): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App transport={transport} />
      </I18nextProvider>
    </StrictMode>,
  );
}

// A Korean page waits for its catalog chunk rather than show English first; English has nothing to wait for.
// If the chunk cannot load, the wizard still starts, in English.
void applyLanguage(i18n, language)
  .catch(() => undefined)
  .then(render);
