/**
 * Runs one child process for the benchmark and measures it from spawn to exit: wall time, and its peak
 * resident memory (VmHWM, read from /proc while it runs; the kernel keeps the high-water mark, so the last
 * reading before the exit is the peak so far). Output is read and thrown away, as a terminal would show it, or
 * written to a file.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TimedRun {
  ms: number;
  code: number | null;
  /** Peak RSS in MB (null where /proc is not readable). */
  peakRssMb: number | null;
  /** The last 2,000 characters of stdout, for checking what the command said. */
  stdoutTail: string;
}

export interface TimedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Sample VmHWM every this many ms (0: do not sample). */
  rssSampleMs?: number;
  /** Each stderr line with the ms since spawn it arrived at (the CLI's "[step] state" progress lines). */
  onStderrLine?: (line: string, ms: number) => void;
  /** Writes stdout to this file (as `> file` would) instead of reading it. */
  stdoutFile?: string;
}

function readPeakRssMb(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function timedRun(file: string, args: readonly string[], options: TimedOptions = {}): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const out = options.stdoutFile ? openSync(options.stdoutFile, 'w') : null;
    const start = performance.now();
    const child = spawn(file, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', out ?? 'pipe', 'pipe'],
    });
    if (out !== null) closeSync(out);
    let tail = '';
    let peak: number | null = null;
    const sample = () => {
      if (child.pid === undefined) return;
      const now = readPeakRssMb(child.pid);
      if (now !== null) peak = Math.max(peak ?? 0, now);
    };
    const timer = options.rssSampleMs ? setInterval(sample, options.rssSampleMs) : undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-2000);
    });
    let errPartial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const at = performance.now() - start;
      const lines = (errPartial + chunk.toString('utf8')).split('\n');
      errPartial = lines.pop() ?? '';
      for (const line of lines) options.onStderrLine?.(line, at);
    });
    child.on('error', reject);
    // 'exit' fires before the pipes close; the process is still a zombie with its /proc entry until reaped,
    // but Node reaps at once, so the last reading comes from the timer.
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, code, peakRssMb: peak, stdoutTail: tail });
    });
  });
}
