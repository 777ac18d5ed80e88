/** React, the catalogs and the wizard: a chunk of its own, evaluated after main.tsx has started the first calls. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import type { FirstCalls } from './api/first-calls';
import { applyLanguage, createI18n, preferredLanguage } from './i18n';

/**
 * How long the first render waits for the first calls. The browser host's landing usually carries their answers
 * in the page; elsewhere (Electron, a reload) they answer while this chunk is still being evaluated. A screen drawn
 * once with their answers is complete sooner than one drawn "Checking…" and then again for each answer; a slow core
 * (a disk probe that hangs) gets the "Checking…" screen after this long rather than a blank page.
 */
const FIRST_RENDER_WAIT_MS = 300;

export async function boot(firstCalls: FirstCalls): Promise<void> {
  const language = preferredLanguage();
  const i18n = createI18n(language);
  // A Korean page waits for its catalog chunk rather than show English first; English has nothing to wait for.
  // If the chunk cannot load, the wizard still starts, in English.
  const [, firstReplies] = await Promise.all([
    applyLanguage(i18n, language).catch(() => undefined),
    firstCalls.answeredWithin(FIRST_RENDER_WAIT_MS),
  ]);
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
