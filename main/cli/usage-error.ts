import { checkPathInput } from '../../common/path-input';
import { EXIT } from '../../common/job-exit-code';
import { parsePort } from '../../common/port';
import { cliText } from './i18n/cli-text';
import { writeJson } from './json-envelope';
import { writeErr } from './output-guard';

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

/** The --json envelope of a usage error (the same line also goes to stderr for a person); `command` names the help. */
export function writeUsageEnvelope(message: string, command: string): void {
  writeJson({
    ok: false,
    exitCode: EXIT.usage,
    error: { code: 'cli.usage', message, hint: cliText('help.hint.envelope', { name: command }) },
  });
}

/** A port option after the one port rule (common/port.ts); 0 ("pick a free port") only where allowed. */
export function checkedPort(text: string, option: string, options: { allowZero?: boolean } = {}): number {
  const port = parsePort(text, options);
  if (port === null) throw new UsageError(`${option}: ${cliText('usage.port', { min: options.allowZero ? 0 : 1 })}`);
  return port;
}

/**
 * Maps what an action threw to an exit code: a usage error is one line on stderr, and with --json also the
 * envelope on stdout (code `cli.usage`), so a script reading stdout sees why nothing ran.
 */
export function reportCommandError(err: unknown, command: string, json = false): number {
  if (err instanceof UsageError) {
    writeErr(`mobility-setup ${command}: ${err.message}\n`);
    if (json) writeUsageEnvelope(err.message, `mobility-setup ${command}`);
    return EXIT.usage;
  }
  throw err;
}
