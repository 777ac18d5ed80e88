import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { childCoverageEnv } from '../../world/child-coverage';

export interface ServedCli {
  /** The one-time link the CLI printed. */
  url: string;
  origin: string;
  port: number;
  /** The serve process (for /proc/<pid>/fd and signals). */
  pid: number;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** Every line it wrote to stdout after the first (the links printed on SIGUSR2). */
  laterLines(): string[];
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, wait for a clean exit (SIGKILL after a grace period), remove the temp root. Returns the exit code. */
  stop(): Promise<number | null>;
}

const REPO = path.resolve(__dirname, '..', '..', '..');

/**
 * Starts the real `mobility-setup serve --port 0 --json` (the built CLI) in a child process under a temp root,
 * and reads the {"url","port"} line it prints. Run `npm run build` first.
 */
export async function startServe(
  extraArgs: string[] = [],
  options: { root?: string; wrapper?: string[]; asUser?: { uid: number; gid: number; env: NodeJS.ProcessEnv } } = {},
): Promise<ServedCli> {
  const ownRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(path.join(os.tmpdir(), 'serve-e2e-')));
  // A wrapper such as ['prlimit', '--nofile=512', '--'] execs node in place, so the pid stays serve's.
  const [command = process.execPath, ...prefix] = options.wrapper
    ? [...options.wrapper, process.execPath]
    : [process.execPath];
  const child = spawn(
    command,
    [...prefix, 'bin/mobility-setup.js', 'serve', '--port', '0', '--json', '--root', root, ...extraArgs],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      env: { ...process.env, ...childCoverageEnv() },
      // Another local user's serve (the elevation test): its uid, gid and a minimal environment of its own.
      ...(options.asUser ?? {}),
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let line: string;
  try {
    line = await firstLine(child, 20_000);
  } catch (err) {
    child.kill('SIGKILL');
    if (ownRoot) await rm(root, { recursive: true, force: true });
    throw new Error(`mobility-setup serve did not start: ${(err as Error).message}\n${stderr}`, { cause: err });
  }
  const { url, port } = (JSON.parse(line) as { result: { url: string; port: number } }).result;
  const later: string[] = [];
  let pending = '';
  child.stdout?.on('data', (d: string) => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    later.push(...lines.filter((l) => l !== '' && l !== line));
  });
  return {
    url,
    port,
    pid: child.pid ?? 0,
    origin: new URL(url).origin,
    stderr: () => stderr,
    laterLines: () => [...later],
    signal: (signal) => void child.kill(signal),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      if (ownRoot) await rm(root, { recursive: true, force: true });
      return code;
    },
  };
}

function firstLine(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('timed out waiting for the URL line')), timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => {
      buffer += d;
      const newline = buffer.indexOf('\n');
      if (newline !== -1) {
        clearTimeout(timer);
        resolve(buffer.slice(0, newline));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with code ${code}`));
    });
  });
}
