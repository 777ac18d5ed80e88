import { checkPathInput } from '../../common/path-input';

/** Bad input on the command line: one line on stderr, exit 2, nothing changed. */
export class UsageError extends Error {}

/**
 * A path option after the shared path check (common/path-input.ts). The value is never echoed back: it may
 * hold escape sequences or line breaks that would garble a terminal or a log.
 */
export function checkedPath(value: string, option: string): string {
  const check = checkPathInput(value, `The ${option} path`);
  if (!check.ok) throw new UsageError(`${option}: ${check.message}`);
  return value;
}
