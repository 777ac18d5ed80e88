import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { getTransport } from './api/client';
import { startFirstCalls } from './api/first-calls';
import type { FirstReplies } from './api/first-calls';
import { applyLanguage, createI18n, preferredLanguage } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/surfaces.css';
import './styles/steps.css';
import './styles/outcome.css';
import './styles/log.css';
import './styles/dialog.css';

/**
 * How long the first render waits for the first calls. They usually answer while the page's JavaScript is still
 * being evaluated (the browser host starts detection when its link is opened), and a screen drawn once with their
 * answers is complete sooner than one drawn "Checking…" and then again for each answer; a slow core (a disk probe
 * that hangs) gets the "Checking…" screen after this long rather than a blank page.
 */
const FIRST_RENDER_WAIT_MS = 300;

// First, before the catalogs and React: the detection screen's data is on its way while the page renders.
const firstCalls = startFirstCalls(getTransport());
const language = preferredLanguage();
const i18n = createI18n(language);

function render(firstReplies: FirstReplies): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App transport={firstCalls.transport} firstReplies={firstReplies} />
      </I18nextProvider>
    </StrictMode>,
  );
}

// A Korean page waits for its catalog chunk rather than show English first; English has nothing to wait for.
// If the chunk cannot load, the wizard still starts, in English.
void Promise.all([
  applyLanguage(i18n, language).catch(() => undefined),
  firstCalls.answeredWithin(FIRST_RENDER_WAIT_MS),
]).then(([, firstReplies]) => render(firstReplies));
