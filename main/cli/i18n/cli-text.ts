/**
 * The CLI's language, chosen once per run (runCli): --lang, else the OS locale (LC_ALL, LC_MESSAGES, LANG),
 * else English. Texts come from cli-en.ts / cli-ko.ts; the --json envelope's keys never change with it.
 */
import { UI_LANGUAGES, languageOfLocale, localeOfEnvironment } from '../../../common/ui-language';
import type { UiLanguage } from '../../../common/ui-language';
import { cliEn } from './cli-en';
import type { CliTextKey } from './cli-en';
import { cliKo } from './cli-ko';

const CATALOGS: Record<UiLanguage, Record<CliTextKey, string>> = { en: cliEn, ko: cliKo };

let current: UiLanguage = 'en';

/** The --lang value in argv ("--lang ko" or "--lang=ko"), as given; undefined when absent. */
function langArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * Sets the language for this run. An unknown --lang value leaves the OS locale in charge here: commander then
 * refuses the value as a usage error (exit 2) with the choices.
 */
export function chooseCliLanguage(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): UiLanguage {
  const asked = langArgument(argv);
  const fromArgument =
    asked !== undefined && (UI_LANGUAGES as readonly string[]).includes(asked) ? (asked as UiLanguage) : null;
  current = fromArgument ?? languageOfLocale(localeOfEnvironment(env)) ?? 'en';
  return current;
}

/** The text for `key` in this run's language, with {{param}} filled in. */
export function cliText(key: CliTextKey, params: Record<string, string | number> = {}): string {
  return textIn(current, key, params);
}

/** The text for `key` in `language` (the Electron main process speaks its window's language, not the run's). */
export function textIn(language: UiLanguage, key: CliTextKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[language][key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** This run's language, for text that is not in the flat catalogs (the Korean --help overlay). */
export function cliLanguage(): UiLanguage {
  return current;
}
