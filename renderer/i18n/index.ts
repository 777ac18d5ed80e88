/**
 * i18next set up once for the renderer. The UI strings are nested ("detect.heading"); the core's error and
 * outcome codes contain dots themselves ("exit.14"), so they live flat in their own namespaces and are
 * looked up with the key separator switched off (see describe-error.ts). English and Korean (ko*.ts, whose
 * shape tsc checks against English) are complete; any other language falls back to English. English is bundled
 * (the fallback must always be there); Korean is a chunk of its own, fetched only once Korean is chosen.
 */
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, languageOfLocale } from '../../common/ui-language';
import type { UiLanguage } from '../../common/ui-language';
import { enUi } from './en';
import { enCodeHints, enCodeTexts } from '../../common/i18n/en-code-texts';

/**
 * English's first-screen strings. Of the core's codes, only those with a text of their own: for the others the
 * core's own message is the English (describeCode's default); the installer's exit codes come with the later steps.
 */
export const resources = {
  en: { ui: enUi, codes: enCodeTexts, hints: enCodeHints },
} as const;

/** Each language by its own name: the switcher lists them so that a person who cannot read the current one finds theirs. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ko: '한국어' };

/** The switcher's choice, kept for this browser session (a reload keeps it; a new session follows the OS again). */
const CHOICE_KEY = 'mobility-setup.language';

/** The instances whose later-step strings were asked for: a language loaded afterwards adds its own at once. */
const laterStepsAsked = new WeakSet<I18n>();

async function addLaterStepCatalogs(instance: I18n, language: UiLanguage): Promise<void> {
  const [ui, troubleshoot] =
    language === 'ko'
      ? await Promise.all([
          import('./ko-later-steps').then((m) => m.koLaterStepsUi),
          import('./ko-troubleshoot').then((m) => m.koTroubleshootUi),
        ])
      : await Promise.all([
          import('./en-later-steps').then((m) => m.enLaterStepsUi),
          import('./en-troubleshoot').then((m) => m.enTroubleshootUi),
        ]);
  instance.addResourceBundle(language, 'ui', ui, true, false);
  instance.addResourceBundle(language, 'ui', troubleshoot, true, false);
  if (language === 'ko') {
    const { koLaterCodes } = await import('./ko-later-codes');
    instance.addResourceBundle('ko', 'codes', koLaterCodes, true, false);
  } else {
    const { enExitCodeTexts, enExitCodeHints } = await import('../../common/i18n/en-exit-codes');
    instance.addResourceBundle('en', 'codes', enExitCodeTexts, true, false);
    instance.addResourceBundle('en', 'hints', enExitCodeHints, true, false);
  }
}

/**
 * Adds the strings of the steps after detection (a chunk of their own, like those steps): the first screen
 * does not wait for them. Resolves once `instance` can translate them, in every language it has loaded.
 */
export async function loadLaterStepCatalogs(instance: I18n): Promise<void> {
  laterStepsAsked.add(instance);
  const loaded = UI_LANGUAGES.filter((language) => instance.hasResourceBundle(language, 'ui'));
  await Promise.all(loaded.map((language) => addLaterStepCatalogs(instance, language)));
}

/** Korean's first-screen strings and code texts, plus its later-step strings if those were already asked for. */
async function loadKoreanCatalogs(instance: I18n): Promise<void> {
  if (!instance.hasResourceBundle('ko', 'ui')) {
    const [{ koUi }, { koCodes, koHints }] = await Promise.all([import('./ko'), import('../../common/i18n/ko-codes')]);
    instance.addResourceBundle('ko', 'ui', koUi, true, false);
    instance.addResourceBundle('ko', 'codes', koCodes, true, false);
    instance.addResourceBundle('ko', 'hints', koHints, true, false);
  }
  if (laterStepsAsked.has(instance)) await addLaterStepCatalogs(instance, 'ko');
}

/** Switches to `language` once its catalogs are in (without them i18next would resolve to English). */
export async function loadLanguage(instance: I18n, language: string): Promise<void> {
  if (languageOfLocale(language) === 'ko') await loadKoreanCatalogs(instance);
  if (instance.resolvedLanguage !== language) await instance.changeLanguage(language);
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
  await loadLanguage(instance, language);
  document.documentElement.lang = instance.resolvedLanguage ?? 'en';
  document.title = instance.t('app.name');
}

export { UI_LANGUAGES };

export function createI18n(language: string = preferredLanguage()): I18n {
  const instance = i18next.createInstance();
  // English is bundled, so init is synchronous (initAsync: false) and the first render is translated; another
  // language resolves to English until loadLanguage has added its catalogs.
  void instance.use(initReactI18next).init({
    // A copy per instance: i18next extends the bundles it was given in place when later catalogs are added, which
    // would hand one instance's later-step strings to every instance made after it.
    resources: structuredClone(resources),
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
