/**
 * The core's view of the outside world. Core services receive these, never import electron or
 * reach for globals, so the same code runs in Electron, the browser host, the CLI and the unit tests.
 */

export interface RunOptions {
  cwd?: string;
  /** Extra environment on top of a minimal, secret-free base. Never put a secret here. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions extends RunOptions {
  /** Called with each complete output line (stdout and stderr interleaved as they arrive). */
  onLine?: (line: string) => void;
  /**
   * Instead of onLine: the complete lines of each read at once, as a line block (common/line-block.ts: joined by
   * '\n'), for output that may run to millions of lines (a vendor installer). The result's stdout and stderr
   * are then empty: the lines went to onLines only.
   */
  onLines?: (block: string) => void;
  /** Ends the whole process group when no output arrived for this long. */
  inactivityTimeoutMs?: number;
}

export interface RunningProcess {
  pid: number | undefined;
  /** Resolves when the process group has ended. `timedOut` is true when the inactivity timeout ended it. */
  done: Promise<RunResult & { timedOut: boolean; cancelled: boolean }>;
  /** Ends the whole process tree (SIGTERM to the group, SIGKILL after a grace period). */
  cancel(): void;
}

/** Runs a program with an argument array. There is no shell anywhere behind this port. */
export interface CommandRunner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  spawn(file: string, args: readonly string[], options?: SpawnOptions): RunningProcess;
}

export interface Clock {
  now(): number;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
export const systemClock: Clock = { now: () => Date.now() };
