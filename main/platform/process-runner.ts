import type { spawn } from 'node:child_process';
import path from 'node:path';
import type { CommandRunner, RunOptions, RunResult, RunningProcess, SpawnOptions } from '../ports/ports';

/**
 * node:child_process (with net, streams and more) is loaded at the first spawn, not when the module loads:
 * `detect` spawns nothing on Linux, and its start should not pay for it (see "Speed and memory" in the README).
 */
const spawnChild = ((...args: Parameters<typeof spawn>) =>
  process.getBuiltinModule('node:child_process').spawn(...args)) as typeof spawn;

/** Grace period between SIGTERM and SIGKILL when ending a process group. */
const KILL_GRACE_MS = 3_000;
/** Output kept for `run` callers; installers can print far more, which goes to onLine only. */
const MAX_CAPTURE = 4 * 1024 * 1024;

/**
 * Environment for child processes: a fixed, secret-free base plus explicit additions. The parent's
 * environment is not passed through, so nothing the app was started with leaks into vendor tools.
 */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
  };
  if (process.platform === 'win32') {
    for (const key of [
      'SystemRoot',
      'windir',
      'ProgramData',
      'ProgramFiles',
      'ProgramFiles(x86)',
      'TEMP',
      'TMP',
      'COMSPEC',
    ]) {
      const value = process.env[key];
      if (value !== undefined) base[key] = value;
    }
  } else {
    base.HOME = process.env.HOME ?? '/root';
    base.TMPDIR = process.env.TMPDIR ?? '/tmp';
  }
  return { ...base, ...extra };
}

/**
 * Windows has no process groups and process.kill(pid) ends only the leader (an msiexec or setup.exe child
 * would keep running): taskkill /T ends the whole tree, /F because console installers ignore a polite close.
 * The full path, so a taskkill.exe in the current folder or on PATH is never the one started.
 */
export function windowsTreeKillCommand(
  pid: number,
  systemRoot: string | undefined = process.env.SystemRoot,
): { file: string; args: string[] } {
  const windowsDir = systemRoot && path.win32.isAbsolute(systemRoot) ? systemRoot : 'C:\\Windows';
  return { file: path.win32.join(windowsDir, 'System32', 'taskkill.exe'), args: ['/T', '/F', '/PID', String(pid)] };
}

/** Ends a detached child's whole process group: installers start services and helpers of their own. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') {
      const kill = windowsTreeKillCommand(pid);
      spawnChild(kill.file, kill.args, { shell: false, stdio: 'ignore', windowsHide: true }).on(
        'error',
        () => undefined,
      );
    } else process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function spawnProcess(file: string, args: readonly string[], options: SpawnOptions = {}): RunningProcess {
  const child = spawnChild(file, [...args], {
    cwd: options.cwd,
    env: childEnvironment(options.env),
    shell: false,
    // Its own process group, so cancel and timeouts reach every descendant.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });

  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let cancelled = false;
  let inactivityTimer: NodeJS.Timeout | undefined;
  let overallTimer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  let ended = false;

  const terminate = () => {
    if (ended) return;
    signalGroup(child.pid, 'SIGTERM');
    killTimer ??= setTimeout(() => signalGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
  };

  const armInactivity = () => {
    if (!options.inactivityTimeoutMs || ended) return;
    clearTimeout(inactivityTimer);
    inactivityTimer = setTimeout(() => {
      timedOut = true;
      terminate();
    }, options.inactivityTimeoutMs);
  };
  if (options.timeoutMs) {
    overallTimer = setTimeout(() => {
      timedOut = true;
      terminate();
    }, options.timeoutMs);
  }
  armInactivity();

  // Complete lines go out a pipe read at a time (onLines), or one by one (onLine); the partial last line waits.
  const deliver = (block: string) => {
    if (options.onLines) options.onLines(block);
    else if (options.onLine) for (const line of block.split('\n')) options.onLine(line);
  };
  const lineSplitter = () => {
    let pending = '';
    return {
      push(chunk: string) {
        if (!options.onLines && !options.onLine) return;
        const text = pending + chunk;
        const end = text.lastIndexOf('\n');
        if (end === -1) {
          pending = text;
          return;
        }
        pending = text.slice(end + 1);
        const block = text.slice(0, end);
        // A line ending in "\r\n" (Windows tools) loses its '\r'; a '\r' inside a line stays.
        deliver(block.includes('\r') ? block.replace(/\r(?=\n|$)/g, '') : block);
      },
      flush() {
        if (pending !== '') deliver(pending);
        pending = '';
      },
    };
  };
  const outLines = lineSplitter();
  const errLines = lineSplitter();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  // Output handed over in blocks is not kept a second time: an installer's first 4 MB, held until it ends, were
  // most of what the garbage collector moved about in a 200,000-line install.
  const capture = options.onLines ? 0 : MAX_CAPTURE;
  child.stdout.on('data', (chunk: string) => {
    if (stdout.length < capture) stdout += chunk;
    outLines.push(chunk);
    armInactivity();
  });
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < capture) stderr += chunk;
    errLines.push(chunk);
    armInactivity();
  });

  const done = new Promise<RunResult & { timedOut: boolean; cancelled: boolean }>((resolve) => {
    const finish = (code: number | null, signal: string | null) => {
      if (ended) return;
      ended = true;
      outLines.flush();
      errLines.flush();
      clearTimeout(inactivityTimer);
      clearTimeout(overallTimer);
      // Descendants may outlive the leader; the group still gets its SIGKILL if we were ending it.
      // Not on Windows: taskkill /T already ended the tree (/F), and the leader's pid may now be reused.
      if (killTimer) {
        clearTimeout(killTimer);
        if ((timedOut || cancelled) && process.platform !== 'win32') signalGroup(child.pid, 'SIGKILL');
      }
      resolve({ code, signal, stdout, stderr, timedOut, cancelled });
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      stderr += `${err.code ?? 'ERROR'}: cannot start ${file}\n`;
      finish(err.code === 'ENOENT' ? 127 : 126, null);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });

  return {
    pid: child.pid,
    done,
    cancel() {
      cancelled = true;
      terminate();
    },
  };
}

export const processRunner: CommandRunner = {
  async run(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const { code, signal, stdout, stderr } = await spawnProcess(file, args, options).done;
    return { code, signal, stdout, stderr };
  },
  spawn: spawnProcess,
};
