/** Which English sentences of the CLI catalogs, or of the core's coded sentences, a Korean run printed. */
import { CORE_TEXT_FAMILIES } from '../../../common/core-text/core-text';
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

/** The same for the sentences the core composes (common/core-text/): the CLI prints them through coreLine(). */
// A fragment Korean texts keep as it is (a config line such as "Subsystem sftp", a command) is no leak.
const KOREAN_CORE_TEXT = Object.values(CORE_TEXT_FAMILIES)
  .flatMap((family) => Object.values(family.ko as Record<string, string>))
  .join('\n');
const CORE_ENGLISH_FRAGMENTS: readonly string[] = Object.values(CORE_TEXT_FAMILIES)
  .flatMap((family) => Object.values(family.en as Record<string, string>))
  .flatMap((text) => text.split(/\{\{\w+\}\}/))
  .map((fragment) => fragment.trim())
  .filter((f) => /[A-Za-z]+ [A-Za-z]+/.test(f) && f.length >= 10 && !KOREAN_CORE_TEXT.includes(f));

export function englishCoreTextLeaks(output: string): string[] {
  return CORE_ENGLISH_FRAGMENTS.filter((fragment) => output.includes(fragment));
}
