import fs from 'node:fs';
import path from 'node:path';
import type { EventBus } from '../api/event-bus';
import type { Clock, Logger } from '../ports/ports';
import { systemClock } from '../ports/ports';

export interface FileLoggerOptions {
  /** Rotate when the file grows past this (the current file becomes .1, .1 becomes .2, …). */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  keep?: number;
  clock?: Clock;
}

/**
 * A small JSON-lines file logger with size rotation. Callers log messages and plain fields, never secrets
 * (the dispatcher logs error names, not messages). A log that cannot be written never stops the app.
 */
export function createFileLogger(file: string, options: FileLoggerOptions = {}): Logger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const clock = options.clock ?? systemClock;
  let ready = false;

  const rotateIfLarge = () => {
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size < maxBytes) return;
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  };

  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    try {
      if (!ready) {
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        ready = true;
      }
      rotateIfLarge();
      const line = JSON.stringify({
        time: new Date(clock.now()).toISOString(),
        level,
        message,
        ...(fields ? { fields } : {}),
      });
      fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // Logging is best effort: a full disk or a read-only folder must not break an install.
    }
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** Sends every entry to each logger (the browser host: its stderr lines and the file). */
export function teeLogger(...loggers: Logger[]): Logger {
  return {
    info: (m, f) => loggers.forEach((l) => l.info(m, f)),
    warn: (m, f) => loggers.forEach((l) => l.warn(m, f)),
    error: (m, f) => loggers.forEach((l) => l.error(m, f)),
  };
}

/** One line when a job starts and one when it ends: what ran, how it ended, which vendor code. Snapshots hold no secrets. */
export function logJobLifecycle(events: EventBus, logger: Logger): () => void {
  const seen = new Map<string, string>();
  return events.subscribe(
    (name, payload) => {
      if (name !== 'job') return;
      const job = payload;
      if (seen.get(job.id) === job.state) return;
      seen.set(job.id, job.state);
      const fields = {
        jobId: job.id,
        kind: job.kind,
        state: job.state,
        ...(job.outcome ? { outcome: job.outcome.code, exitCode: job.outcome.exitCode } : {}),
      };
      if (job.state === 'running') logger.info('job started', fields);
      else if (job.state === 'failed') logger.warn('job ended', fields);
      else logger.info('job ended', fields);
    },
    ['job'],
  );
}
