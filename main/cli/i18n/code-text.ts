/**
 * The core's coded messages (an error, a job's outcome, a known vendor error's meaning, a composed sentence) in the
 * run's language. Errors and outcomes: in Korean from the catalogs the wizard uses (common/i18n/); in English the
 * CLI prints the core's own text, which names what it found (the English catalog says the same or less). A code the
 * catalog does not know, or a text whose {{placeholder}} the core sent no value for, falls back to the core's
 * English: never a bare code.
 */
import { fillTextOr } from '../../../common/core-text/coded-text';
import type { CodedText, TextParams } from '../../../common/core-text/coded-text';
import { coreText, coreTexts } from '../../../common/core-text/core-text';
import { koCodes, koHints } from '../../../common/i18n/ko-codes';
import { koKnownErrors } from '../../../common/i18n/ko-known-errors';
import type { ErrorExplanation } from '../../../common/known-errors';
import { cliLanguage } from './cli-text';

interface Coded {
  code: string;
  message: string;
  hint?: string | null;
  params?: TextParams;
}

const KO_CODES: Readonly<Record<string, string>> = koCodes;
const KO_HINTS: Readonly<Record<string, string>> = koHints;

/**
 * A sentence the core composed (the support verdict, a health line, an anti-virus step…) in this run's language,
 * by its code; the core's own English when it sent no code or one this build does not know.
 */
export function coreLine(coded: CodedText | null | undefined, english: string): string {
  return coreText(cliLanguage(), coded, english);
}

/** Coded sentences (a scanner's reason, a fix result) in this run's language, joined by spaces; else the English. */
export function coreLines(coded: readonly CodedText[] | null | undefined, english: string): string {
  return coreTexts(cliLanguage(), coded, english);
}

/** The message of an error or outcome. */
export function codeMessage(item: Coded): string {
  if (cliLanguage() !== 'ko') return item.message;
  return fillTextOr(KO_CODES[item.code], { ...item.params, coreMessage: item.message }, item.message);
}

/** What to do next: the catalog's hint wins (an empty one means none), else the core's; null when there is none. */
export function codeHint(item: Coded): string | null {
  const core = item.hint ?? null;
  if (cliLanguage() !== 'ko') return core;
  const template = KO_HINTS[item.code];
  if (template === undefined) return core;
  if (template === '') return null;
  return fillTextOr(template, item.params ?? {}, core ?? '') || null;
}

/** A known vendor error's meaning and action (common/known-errors.ts) in the run's language. */
export function knownErrorText(explanation: ErrorExplanation): { meaning: string; action: string } {
  if (cliLanguage() !== 'ko') return explanation;
  return koKnownErrors[explanation.id] ?? explanation;
}

/** An error as the CLI writes it to stderr: "<who>: <message>", then what to do next on its own line. */
export function errorText(who: string, error: Coded): string {
  const hint = codeHint(error);
  return `${who}: ${codeMessage(error)}${hint ? `\n${hint}` : ''}\n`;
}
