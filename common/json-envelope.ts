import type { JobSnapshot } from './install';
import type { AppError } from './result';

/**
 * The one shape every command line command's `--json` prints (README: "Command line"), so a fleet tool reads `ok`,
 * `exitCode` and either `result` or `error` the same way whatever the command. A failure may carry a
 * `result` too (a job that ran and failed: its steps, summary and log files).
 */
export type JsonEnvelope =
  { ok: true; exitCode: number; result: unknown } | { ok: false; exitCode: number; error: JsonError; result?: unknown };

export interface JsonError {
  code: string;
  message: string;
  /** What to do next; null when there is nothing to add to the message. */
  hint: string | null;
}

export function jsonError(error: Pick<AppError, 'code' | 'message'> & { hint?: string | null | undefined }): JsonError {
  return { code: error.code, message: error.message, hint: error.hint ?? null };
}

/** A confirmation answered "no" (or an interrupt before anything started): exit 1602, nothing changed. */
export const DECLINED: JsonError = {
  code: 'cli.declined',
  message: 'The confirmation was declined; nothing was changed.',
  hint: null,
};

/**
 * Whether a job may have changed the machine: the vendor's installer or configurator started. An idempotent
 * rerun ("nothing to do") and a job stopped by its checks report false, so automation can say "no change".
 */
export function jobChanged(job: JobSnapshot): boolean {
  if (job.nothingToDo) return false;
  // A vendor command started (installer, configurator, uninstaller): the machine may have changed.
  const vendorSteps = new Set(['install', 'register', 'uninstall']);
  return job.steps.some((s) => vendorSteps.has(s.id) && s.state !== 'pending' && s.state !== 'skipped');
}

/** One line of `serve --json` / `open --json` per one-time link (the first, then one per SIGUSR2). */
export function linkEnvelopeLine(url: string, port: number): string {
  const envelope: JsonEnvelope = { ok: true, exitCode: 0, result: { url, port } };
  return `${JSON.stringify(envelope)}\n`;
}
