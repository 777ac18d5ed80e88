/** Which English sentences of the CLI catalogs, or of the core's coded sentences, a Korean run printed. */
import { CORE_TEXT_FAMILIES } from '../../../common/core-text/core-text';
import { cliEn } from '../../../main/cli/i18n/cli-en';
import { cliKo } from '../../../main/cli/i18n/cli-ko';

/**
 * The wording between placeholders of English texts: a fragment of two words or more is a sentence a person would
 * read; "[y/N]", "DNS" or "SHA-256" are the same in both languages. `keep` drops the fragments Korean shares.
 */
function englishFragments(texts: readonly string[], keep: (fragment: string) => boolean): readonly string[] {
  return texts
    .flatMap((text) => text.split(/\{\{\w+\}\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => /[A-Za-z]+ [A-Za-z]+/.test(fragment) && fragment.length >= 10 && keep(fragment));
}

/** The CLI catalogs' English, where Korean says it differently. */
const ENGLISH_FRAGMENTS = englishFragments(
  Object.entries(cliEn)
    .filter(([key, text]) => cliKo[key as keyof typeof cliKo] !== text)
    .map(([, text]) => text),
  () => true,
);

// The core's coded sentences (common/core-text/), printed through coreLine(). A fragment Korean texts keep as it
// is (a config line such as "Subsystem sftp", a command) is no leak.
const KOREAN_CORE_TEXT = Object.values(CORE_TEXT_FAMILIES)
  .flatMap((family) => Object.values(family.ko as Record<string, string>))
  .join('\n');
const CORE_ENGLISH_FRAGMENTS = englishFragments(
  Object.values(CORE_TEXT_FAMILIES).flatMap((family) => Object.values(family.en as Record<string, string>)),
  (fragment) => !KOREAN_CORE_TEXT.includes(fragment),
);

const leaksIn = (fragments: readonly string[], output: string) => fragments.filter((f) => output.includes(f));

export function englishCatalogLeaks(output: string): string[] {
  return leaksIn(ENGLISH_FRAGMENTS, output);
}

export function englishCoreTextLeaks(output: string): string[] {
  return leaksIn(CORE_ENGLISH_FRAGMENTS, output);
}
