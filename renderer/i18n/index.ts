/**
 * i18next set up once for the renderer. The UI strings are nested ("detect.heading"); the core's error and
 * outcome codes contain dots themselves ("exit.14"), so they live flat in their own namespaces and are
 * looked up with the key separator switched off (see describe-error.ts). English and Korean (ko*.ts, whose
 * shape tsc checks against English) are complete; any other language falls back to English.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, languageOfLocale } from '../../common/ui-language';
import type { UiLanguage } from '../../common/ui-language';
import { enUi } from './en';
import { enCodes, enHints } from './en-codes';
import { koUi } from './ko';
import { koCodes, koHints } from './ko-codes';

export const resources = {
  en: { ui: enUi, codes: enCodes, hints: enHints },
  ko: { ui: koUi, codes: koCodes, hints: koHints },
} as const;

/** Each language by its own name: the switcher lists them so that a person who cannot read the current one finds theirs. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ko: '한국어' };

/** The switcher's choice, kept for this browser session (a reload keeps it; a new session follows the OS again). */
const CHOICE_KEY = 'mobility-setup.language';

/**
 * Adds the strings of the steps after detection (a chunk of their own, like those steps): the first screen
 * does not wait for them. Resolves once `instance` can translate them, in every language.
 */
export async function loadLaterStepCatalogs(instance: I18n): Promise<void> {
  const [{ enLaterStepsUi }, { enTroubleshootUi }, { koLaterStepsUi }, { koTroubleshootUi }] = await Promise.all([
    import('./en-later-steps'),
    import('./en-troubleshoot'),
    import('./ko-later-steps'),
    import('./ko-troubleshoot'),
  ]);
  instance.addResourceBundle('en', 'ui', enLaterStepsUi, true, false);
  instance.addResourceBundle('en', 'ui', enTroubleshootUi, true, false);
  instance.addResourceBundle('ko', 'ui', koLaterStepsUi, true, false);
  instance.addResourceBundle('ko', 'ui', koTroubleshootUi, true, false);
}

function storedChoice(): UiLanguage | null {
  try {
    return languageOfLocale(sessionStorage.getItem(CHOICE_KEY));
  } catch {
    return null;
  }
}

/** The first of the browser's languages that has a catalog (navigator.languages, e.g. ["ko-KR", "en"]). */
function browserLanguage(): UiLanguage | null {
  if (typeof navigator === 'undefined') return null;
  const listed = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const locale of listed) {
    const language = languageOfLocale(locale);
    if (language) return language;
  }
  return null;
}

/** Before the session answers: the switcher's choice, else the browser's language (in Electron, the app locale). */
export function preferredLanguage(): string {
  return storedChoice() ?? browserLanguage() ?? navigator.language ?? 'en';
}

/**
 * Once the session answers: the switcher's choice, else the front door's OS locale (LANG/LC_ALL of the browser
 * host, Electron's app.getLocale()), else the browser's language, else English.
 */
export function sessionLanguage(osLocale: string | null): UiLanguage {
  return storedChoice() ?? languageOfLocale(osLocale) ?? browserLanguage() ?? 'en';
}

/** The switcher: changes the language now and remembers it for this session. */
export async function chooseLanguage(instance: I18n, language: UiLanguage): Promise<void> {
  try {
    sessionStorage.setItem(CHOICE_KEY, language);
  } catch {
    // Storage refused (private mode): the choice still holds until reload.
  }
  await applyLanguage(instance, language);
}

/** Switches to `language` and keeps the page's lang attribute (screen readers pick their voice from it) in step. */
export async function applyLanguage(instance: I18n, language: string): Promise<void> {
  if (instance.resolvedLanguage !== language) await instance.changeLanguage(language);
  document.documentElement.lang = instance.resolvedLanguage ?? 'en';
  document.title = instance.t('app.name');
}

export { UI_LANGUAGES };

export function createI18n(language: string = preferredLanguage()): I18n {
  const instance = i18next.createInstance();
  // Resources are bundled, so init is synchronous (initAsync: false) and the first render is translated.
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: true,
    ns: ['ui', 'codes', 'hints'],
    defaultNS: 'ui',
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
