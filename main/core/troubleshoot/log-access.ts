/**
 * The log viewer's reads (a window of lines, search, error lines) of the logs the core itself named: a job's
 * logs, the vendor logs the troubleshooter found, Mobility Setup's own log. A path from a front door is never
 * a way to read any other file on the machine. Secrets are redacted from every line (redaction.ts).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../common/result';
import type { LogFileRef, LogSearch, LogWindow } from '../../../common/troubleshoot';
import { redactText } from './redaction';
import { errorLines, lineWindow, searchLog } from './log-reader';

export interface LogAccessSources {
  /** Every log a job of this session named (real paths). */
  jobLogFiles: () => Set<string>;
  /** The vendor logs and the app's own log that exist now (real paths, with their system paths). */
  troubleshootLogs: () => { file: string; shown: string }[];
  knownSecrets: () => string[];
}

export function createLogAccess(sources: LogAccessSources) {
  const allowed = (requested: string): string => {
    const wanted = path.resolve(requested);
    const known = new Set([...sources.jobLogFiles(), ...sources.troubleshootLogs().map((l) => l.file)]);
    if (!known.has(wanted)) {
      throw new UserError(
        'log.notAllowed',
        'Only the logs the setup service lists (job, vendor and its own logs) can be read.',
        'Open the log from the Troubleshoot page or the job summary.',
      );
    }
    return wanted;
  };
  const missing = (file: string) =>
    new UserError(
      'log.missing',
      `The log file ${file} does not exist (yet).`,
      'Check again after the vendor tool ran.',
      {
        path: file,
      },
    );
  const guarded = async <T>(file: string, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw missing(file);
      throw err;
    }
  };
  // The bundle's redactor, not only the session's known secrets: a vendor log may hold a passphrase written by
  // an earlier run (the vendor's configurator logs `Passphrase=…`), and no reply may carry one.
  const redact = (text: string) => redactText(text, sources.knownSecrets());

  return {
    async listed(): Promise<LogFileRef[]> {
      const refs: LogFileRef[] = [];
      for (const log of sources.troubleshootLogs()) {
        const size = await stat(log.file)
          .then((s) => s.size)
          .catch(() => null);
        if (size !== null) refs.push({ path: log.file, shown: log.shown, sizeBytes: size });
      }
      return refs;
    },
    async window(requested: string, from: number | null, count: number): Promise<LogWindow> {
      const file = allowed(requested);
      const read = await guarded(file, () => lineWindow(file, from, count));
      return { path: file, from: read.from, lines: read.lines.map(redact), totalLines: read.totalLines };
    },
    async search(requested: string, query: string, errors: boolean): Promise<LogSearch> {
      const file = allowed(requested);
      const found = await guarded(file, () => (errors ? errorLines(file) : searchLog(file, query)));
      return {
        path: file,
        hits: found.hits.map((hit) => ({ ...hit, text: redact(hit.text) })),
        totalLines: found.lines,
        more: found.more,
      };
    },
  };
}
