/**
 * i18next set up once for the renderer. The UI strings are nested ("detect.heading"); the core's error and
 * outcome codes contain dots themselves ("exit.14"), so they live flat in their own namespaces and are
 * looked up with the key separator switched off (see describe-error.ts).
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUi } from './en';
import { enCodes, enHints } from './en-codes';

export const resources = {
  en: { ui: enUi, codes: enCodes, hints: enHints },
} as const;

/**
 * Adds the strings of the steps after detection (a chunk of their own, like those steps): the first screen
 * does not wait for them. Resolves once `instance` can translate them.
 */
export async function loadLaterStepCatalogs(instance: I18n): Promise<void> {
  const [{ enLaterStepsUi }, { enTroubleshootUi }] = await Promise.all([
    import('./en-later-steps'),
    import('./en-troubleshoot'),
  ]);
  instance.addResourceBundle('en', 'ui', enLaterStepsUi, true, false);
  instance.addResourceBundle('en', 'ui', enTroubleshootUi, true, false);
}

/** The browser's language first (navigator.language, e.g. "de-DE"), English for anything without a catalog. */
export function preferredLanguage(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en';
}

export function createI18n(language: string = preferredLanguage()): I18n {
  const instance = i18next.createInstance();
  // Resources are bundled, so init is synchronous (initAsync: false) and the first render is translated.
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: ['ui', 'codes', 'hints'],
    defaultNS: 'ui',
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
