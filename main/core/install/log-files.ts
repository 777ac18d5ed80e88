import { open } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../common/result';
import type { Desktop } from '../core-deps';
import { redactSecrets } from '../jobs/job-log';

/** What readLogFile returns when the caller gives no limit: the tail a log pane shows. */
export const DEFAULT_LOG_BYTES = 1024 * 1024;

/**
 * Only files a job itself named (its logFiles) may be read or opened: the path comes from a front door
 * (a browser, the renderer) and must not become a way to read any file on the machine.
 */
function allowed(known: Set<string>, requested: string): string {
  const wanted = path.resolve(requested);
  if (!known.has(wanted)) {
    throw new UserError(
      'log.notAllowed',
      'Only log files named by an install or registration job can be opened.',
      'Open the log from the job summary.',
    );
  }
  return wanted;
}

/**
 * The last `maxBytes` of an allowed log file, with `secrets` (the session's jobs' known secrets) redacted.
 * The vendor log is the vendor's own file, written by its tools: it is shown as it is apart from that
 * redaction, and the file on disk is never changed.
 */
export async function readAllowedLog(
  known: Set<string>,
  requested: string,
  maxBytes = DEFAULT_LOG_BYTES,
  secrets: readonly string[] = [],
): Promise<{ path: string; text: string; truncated: boolean }> {
  const file = allowed(known, requested);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    throw new UserError(
      'log.missing',
      `The log file ${file} does not exist (yet).`,
      'It is written when the vendor tool runs; try again after the job.',
      { path: file },
    );
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    let text = buffer.toString('utf8');
    // A cut in the middle of a line (or a UTF-8 sequence) starts the tail at the next full line.
    if (size > length) text = text.slice(text.indexOf('\n') + 1);
    return { path: file, text: redactSecrets(text, secrets), truncated: size > length };
  } finally {
    await handle.close();
  }
}

export async function openAllowedLog(
  known: Set<string>,
  requested: string,
  desktop: Pick<Desktop, 'openPath'> | null,
): Promise<{ opened: boolean }> {
  const file = allowed(known, requested);
  if (!desktop) {
    throw new UserError(
      'log.openUnavailable',
      'Opening files in a desktop viewer is only possible in the desktop app.',
      'Use View log in the browser.',
      { path: file },
    );
  }
  return { opened: await desktop.openPath(file) };
}
