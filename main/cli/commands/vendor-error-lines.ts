import type { VendorError } from '../../../common/known-errors';
import { cliText } from '../i18n/cli-text';
import { knownErrorText } from '../i18n/code-text';

/**
 * The vendor tool's first error line and what it means, as a failed job's text output and `diagnose` show them:
 * the person reads the cause here instead of searching the log for it. (The hint line says what to do.)
 */
export function vendorErrorLines(error: VendorError, label: (text: string) => string): string[] {
  const lines = [`${label(cliText('job.vendorError'))}${error.line}`];
  if (error.explanation) lines.push(`${label(cliText('job.meaning'))}${knownErrorText(error.explanation).meaning}`);
  return lines;
}
