/**
 * The known-error explanations in English, taken from the one table in common/ rather than copied: another
 * language's catalog gives its own knownError.<id>.meaning / .action, and English stays what the CLI prints.
 */
import { KNOWN_ERRORS } from '../../common/known-errors';

export const enKnownErrors: Record<string, { meaning: string; action: string }> = Object.fromEntries(
  KNOWN_ERRORS.map((entry) => [entry.id, { meaning: entry.meaning, action: entry.action }]),
);
