/**
 * Turns a core code (an AppError, a job outcome, a connectivity check) into text in the user's language.
 * The catalog is keyed by code; a code the catalog does not know yet falls back to the core's English
 * message and hint, so a new core error is never shown as a bare code.
 */
import type { TFunction } from 'i18next';
import type { CodedText, TextParams } from '../../common/core-text/coded-text';
import { sayCodedTexts } from '../../common/core-text/coded-text';

export interface Coded {
  code: string;
  message: string;
  hint?: string | null;
  params?: Record<string, string | number>;
}

export interface Described {
  message: string;
  hint: string | null;
}

const flat = { keySeparator: false, nsSeparator: false } as const;

/** A catalog text whose {{param}} the core did not send would show the placeholder: use the core's text. */
const unfilled = (text: string): boolean => text.includes('{{');

export function describeCode(t: TFunction, item: Coded): Described {
  const params = item.params ?? {};
  const coreHint = item.hint ?? '';
  // `coreMessage`: the catalog's text for codes whose English is the core's own message (en-codes.ts).
  const message = t(item.code, {
    ...flat,
    ns: 'codes',
    replace: { ...params, coreMessage: item.message },
    defaultValue: item.message,
  });
  // A catalog hint wins; the core's hint is used when the catalog has none, and '' means "no hint".
  const hint = t(item.code, { ...flat, ns: 'hints', replace: params, defaultValue: coreHint });
  const finalHint = unfilled(hint) ? coreHint : hint;
  return { message: unfilled(message) ? item.message : message, hint: finalHint === '' ? null : finalHint };
}

/**
 * A sentence the core composed (common/core-text/): its code and parameters pick the catalog's text in the
 * user's language; English (and a core without the code) shows the core's own English, which came from the same
 * template, so English needs no second copy in the first screen's bundle.
 */
export function describeCoreText(t: TFunction, coded: CodedText | null | undefined, english: string): string {
  return (coded && sayCodedTexts([coded], catalogFiller(t))) ?? english;
}

/**
 * Coded sentences (a scanner's reason made of verdicts and notes, a fix result) joined by spaces; the core's
 * English when there are none or one of them has no text in the user's language (English itself: see above).
 */
export function describeCoreTexts(
  t: TFunction,
  coded: readonly CodedText[] | null | undefined,
  english: string,
): string {
  return (coded && coded.length > 0 ? sayCodedTexts(coded, catalogFiller(t)) : null) ?? english;
}

/** Stands for "no text": the catalog has no such code, or one of its placeholders got no value. */
const NO_TEXT = '\u0000';

/** A code's catalog text, filled; null when the catalog has none. */
const catalogFiller =
  (t: TFunction) =>
  (code: string, params: TextParams): string | null => {
    const said = describeCode(t, { code, message: NO_TEXT, params }).message;
    return said === NO_TEXT ? null : said;
  };
