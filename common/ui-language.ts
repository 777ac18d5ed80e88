/**
 * The languages Mobility Setup speaks and how a locale picks one. One rule for every front door: the CLI and the
 * browser host read the OS locale from the environment (POSIX order: LC_ALL, then LC_MESSAGES, then LANG), the
 * Electron window passes app.getLocale(), the renderer falls back to the browser's language. A locale without a
 * catalog ("C", "POSIX", "de_DE") picks nothing, so the next source (or English) decides.
 */
export const UI_LANGUAGES = ['en', 'ko'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** "ko_KR.UTF-8", "ko-KR", "ko" → 'ko'; "en_US.UTF-8" → 'en'; "C", "POSIX", "de_DE", '' or undefined → null. */
export function languageOfLocale(locale: string | null | undefined): UiLanguage | null {
  const primary = (locale ?? '')
    .trim()
    .split(/[-_.@]/)[0]!
    .toLowerCase();
  return (UI_LANGUAGES as readonly string[]).includes(primary) ? (primary as UiLanguage) : null;
}

/** The locale that decides messages, as the C library reads it: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): string | null {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return value;
  }
  return null;
}
