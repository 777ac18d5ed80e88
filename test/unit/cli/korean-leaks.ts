/** Which English sentences of the CLI catalogs a Korean run printed (the CLI's own lines, not the core's). */
import { cliEn } from '../../../main/cli/i18n/cli-en';
import { cliKo } from '../../../main/cli/i18n/cli-ko';

/**
 * The wording between placeholders of every English text that Korean says differently: a fragment of two words or
 * more is a sentence a person would read; "[y/N]", "DNS" or "SHA-256" are the same in both languages.
 */
const ENGLISH_FRAGMENTS: readonly string[] = Object.entries(cliEn)
  .filter(([key, text]) => cliKo[key as keyof typeof cliKo] !== text)
  .flatMap(([, text]) => text.split(/\{\{\w+\}\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => /[A-Za-z]+ [A-Za-z]+/.test(fragment) && fragment.length >= 10);

export function englishCatalogLeaks(output: string): string[] {
  return ENGLISH_FRAGMENTS.filter((fragment) => output.includes(fragment));
}
