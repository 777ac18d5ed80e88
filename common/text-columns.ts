/**
 * Text laid out in columns on a terminal or in a plain-text file: labels line up in Korean as in English, where
 * padEnd would count a Hangul syllable as one column.
 */

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
