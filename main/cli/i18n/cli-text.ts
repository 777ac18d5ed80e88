/**
 * The CLI's language, chosen once per run (runCli): --lang, else the OS locale (LC_ALL, LC_MESSAGES, LANG),
 * else English. Texts come from cli-en.ts / cli-ko.ts; the --json envelope's keys never change with it.
 */
import { coreText } from '../../../common/core-text/core-text';
import type { CodedText } from '../../../common/core-text/coded-text';
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

/** Hangul, CJK and full-width forms take two terminal columns; padEnd counts them as one. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/gu;

/** How many terminal columns `text` takes. */
export function columnsOf(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}

/** `text` padded with spaces to `columns` terminal columns, so labels line up in Korean as in English. */
export function padColumns(text: string, columns: number): string {
  const width = columnsOf(text);
  return width >= columns ? text : text + ' '.repeat(columns - width);
}

/**
 * A sentence the core composed (the support verdict, a health line, an anti-virus step…) in this run's language,
 * by its code; the core's own English when it sent no code or one this build does not know.
 */
export function coreLine(coded: CodedText | null | undefined, english: string): string {
  return coreText(current, coded, english);
}

/** This run's language, for text that is not in the flat catalogs (the Korean --help overlay). */
export function cliLanguage(): UiLanguage {
  return current;
}
