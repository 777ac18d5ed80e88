/**
 * Every family of core-composed sentences in one place, for front doors that have no i18next catalog (the CLI):
 * `coreText('ko', marker.text, marker.detail)`. The renderer does not import this file (it would put every
 * language in the first screen's bundle); its Korean catalog spreads the Korean tables instead.
 */
import type { UiLanguage } from '../ui-language';
import type { CodedText, TextParams, TextTemplates } from './coded-text';
import { fillTextOr, sayCodedTexts } from './coded-text';
import { antivirusTextsEn } from './antivirus-texts';
import { antivirusTextsKo } from './antivirus-texts-ko';
import { connectivityTextsEn } from './connectivity-texts';
import { connectivityTextsKo } from './connectivity-texts-ko';
import { detectionTextsEn } from './detection-texts';
import { detectionTextsKo } from './detection-texts-ko';
import { healthTextsEn } from './health-texts';
import { healthTextsKo } from './health-texts-ko';
import { jobTextsEn } from './job-texts';
import { jobTextsKo } from './job-texts-ko';
import { pushTextsEn } from './push-texts';
import { pushTextsKo } from './push-texts-ko';
import { supportTextsEn } from './support-texts';
import { supportTextsKo } from './support-texts-ko';

/** Each family's English table and its translations: a test checks they have the same codes and placeholders. */
export const CORE_TEXT_FAMILIES = {
  support: { en: supportTextsEn, ko: supportTextsKo },
  detection: { en: detectionTextsEn, ko: detectionTextsKo },
  health: { en: healthTextsEn, ko: healthTextsKo },
  connectivity: { en: connectivityTextsEn, ko: connectivityTextsKo },
  antivirus: { en: antivirusTextsEn, ko: antivirusTextsKo },
  push: { en: pushTextsEn, ko: pushTextsKo },
  job: { en: jobTextsEn, ko: jobTextsKo },
} as const satisfies Record<string, Record<UiLanguage, TextTemplates<string>>>;

const families: readonly Record<UiLanguage, TextTemplates<string>>[] = Object.values(CORE_TEXT_FAMILIES);
const byLanguage: Record<UiLanguage, Readonly<Record<string, string>>> = {
  en: Object.fromEntries(families.flatMap((family) => Object.entries(family.en))),
  ko: Object.fromEntries(families.flatMap((family) => Object.entries(family.ko))),
};

/**
 * The coded sentence in `language`; `english` (the core's own text) when there is no code or the code is not
 * known here (a newer core), so a sentence is never lost or shown as a bare code.
 */
export function coreText(language: UiLanguage, coded: CodedText | null | undefined, english: string): string {
  return (coded && sayCodedTexts([coded], templateFiller(language))) ?? english;
}

/**
 * Coded sentences (a reason made of verdicts and notes, a fix result) in `language`, joined by spaces; `english`
 * (their English as the core joined it) when there are none or one of them is not known here.
 */
export function coreTexts(
  language: UiLanguage,
  coded: readonly CodedText[] | null | undefined,
  english: string,
): string {
  return (coded && coded.length > 0 ? sayCodedTexts(coded, templateFiller(language)) : null) ?? english;
}

/** A code's template in `language`, filled; null when there is none or a placeholder got no value. */
const templateFiller =
  (language: UiLanguage) =>
  (code: string, params: TextParams): string | null =>
    fillTextOr(byLanguage[language][code], params, '') || null;
