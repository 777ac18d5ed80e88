import fs from 'node:fs';
import { isErrorCode } from '../../../common/error-codes';
import type { ErrorCode } from '../../../common/error-codes';
import type { Elevator, PrivilegedOperation, PrivilegedOptions, PrivilegedResult, PrivilegedRun } from './elevator';
import type { HelperCommand } from './helper-command';
import type * as HelperRequestModule from './helper-request';
import type { WrittenRequest } from './helper-request';

/** How often the app reads new output from the helper's output file. */
const TAIL_MS = 100;

export type LaunchOutcome =
  | { kind: 'completed' }
  | { kind: 'notGranted' }
  | { kind: 'unavailable'; code: ErrorCode; message: string; hint: string };

/** Starts the fixed helper command with elevation (pkexec/UAC via sudo-prompt; a plain child in tests). */
export interface HelperLauncher {
  launch(command: HelperCommand): Promise<LaunchOutcome>;
}

/** Reads what was appended to a file since the last call, line by line. */
function createTail(file: string, onLine: (line: string) => void) {
  let offset = 0;
  let partial = '';
  return {
    read(final = false) {
      try {
        const fd = fs.openSync(file, 'r');
        try {
          const buffer = Buffer.alloc(64 * 1024);
          for (;;) {
            const n = fs.readSync(fd, buffer, 0, buffer.length, offset);
            if (n <= 0) break;
            offset += n;
            partial += buffer.toString('utf8', 0, n);
          }
        } finally {
          fs.closeSync(fd);
        }
      } catch {
        // The folder is gone or unreadable: nothing more to show.
      }
      const lines = partial.split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
      if (final && partial !== '') {
        onLine(partial);
        partial = '';
      }
    },
  };
}

/** Calls `onStarting` once, when the helper wrote that the vendor installer starts. */
function createStageWatch(file: string, starting: string, onStarting: (() => void) | undefined) {
  let seen = false;
  return () => {
    if (seen || !onStarting) return;
    try {
      if (fs.readFileSync(file, 'utf8').trim() !== starting) return;
    } catch {
      return;
    }
    seen = true;
    onStarting();
  };
}

function readResult(file: string, schema: typeof HelperRequestModule.helperResultSchema): PrivilegedResult {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) {
      const r = parsed.data;
      if (r.ok) {
        const { ok: _ok, ...exited } = r;
        return { kind: 'exited', ...exited };
      }
      // The code crossed a process boundary: one outside the registry (another build's helper) is a failure.
      return {
        kind: 'refused',
        code: isErrorCode(r.refused) ? r.refused : 'helper.failed',
        message: r.message,
        hint: r.hint,
      };
    }
  } catch {
    // Fall through: no result means the helper never ran to the end.
  }
  return {
    kind: 'unavailable',
    code: 'elevation.failed',
    message: 'The elevated helper did not report a result.',
    hint: 'Run Mobility Setup as root instead (sudo mobility-setup …).',
  };
}

/**
 * Runs privileged operations through the app's own helper, elevated once per operation. The only variable
 * part of the elevated command line is the path of the request file written here; the helper checks the
 * request and does the work itself (an install from its own hash-checked copy of the installer).
 */
export function createHelperElevator(
  platform: 'linux' | 'win32',
  launcher: HelperLauncher,
  helperCommand: (requestFile: string) => HelperCommand,
): Elevator {
  return {
    mode: 'helper',
    run(operation: PrivilegedOperation, options: PrivilegedOptions): PrivilegedRun {
      let written: WrittenRequest | null = null;
      let cancelRequested = false;
      const requestCancel = () => {
        cancelRequested = true;
        try {
          if (written) fs.writeFileSync(written.cancelFile, '', { mode: 0o600 });
        } catch {
          // The request folder is being removed (the helper ended): nothing left to cancel. Cancel never throws.
        }
      };
      const done = (async (): Promise<PrivilegedResult> => {
        // The request's schemas (zod) load with the first elevated run, not when a front door composes the core.
        const request = await import('./helper-request');
        written = await request.writeHelperRequest(request.requestFor(platform, operation, options));
        if (cancelRequested) {
          // Cancelled while the request was written: no password prompt for a command nobody wants any more.
          await written.remove();
          return { kind: 'exited', code: null, signal: null, timedOut: false, cancelled: true };
        }
        const tail = createTail(written.outputFile, options.onLine);
        const stage = createStageWatch(written.stageFile, request.INSTALLER_STARTING, options.onInstallerStarting);
        const timer = setInterval(() => {
          tail.read();
          stage();
        }, TAIL_MS);
        try {
          const outcome = await launcher.launch(helperCommand(written.requestFile));
          tail.read(true);
          stage();
          if (outcome.kind !== 'completed') return outcome;
          return readResult(written.resultFile, request.helperResultSchema);
        } finally {
          clearInterval(timer);
          await written.remove();
        }
      })();
      return { done, cancel: requestCancel };
    },
  };
}
