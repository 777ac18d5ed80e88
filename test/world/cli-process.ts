/**
 * The built command line (bin/mobility-setup.js → dist/main/cli.js) as a real child process: the one place the
 * tests spawn it and collect what it wrote and how it ended. Run `npm run build:main` first.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import path from 'node:path';
import { childCoverageEnv } from './child-coverage';

export const REPO = path.resolve(__dirname, '../..');
export const BIN = path.join(REPO, 'bin/mobility-setup.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number | undefined;
}

/** Another local user running the process: its uid and gid, its folder as the working directory, its environment. */
export interface RunAs {
  uid: number;
  gid: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface CliOptions {
  /** Added to the minimal environment (PATH, HOME and, when `npm test` measures, the children's coverage). */
  env?: Record<string, string>;
  /** A process group of its own, so a test can end it and the vendor tree it started with kill(-pid), as kill -9 would. */
  ownGroup?: boolean;
  /** Run as another local user (then `env` and the coverage are not added: that user's environment is all it has). */
  asUser?: RunAs;
}

export interface RunningCli {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Everything written so far (grows while it runs). */
  output: { stdout: string; stderr: string };
  exited: Promise<CliResult>;
  /** Resolves once stderr holds `text`; rejects after `ms` (the output so far in the message). */
  stderrContains(text: string, ms?: number): Promise<void>;
}

/** Starts node with `args` (the CLI: startCli; or a script playing an attacker) and collects its output. */
export function startNode(args: string[], options: CliOptions = {}): RunningCli {
  const env = options.asUser?.env ?? {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    ...childCoverageEnv(),
    ...options.env,
  };
  const child = spawn(process.execPath, args, {
    cwd: options.asUser?.cwd ?? REPO,
    // stdin is not a terminal here, as in automation.
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    detached: options.ownGroup ?? false,
    ...(options.asUser ? { uid: options.asUser.uid, gid: options.asUser.gid } : {}),
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output.stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output.stderr += c));
  const exited = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, ...output, pid: child.pid }));
  });
  const stderrContains = async (text: string, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!output.stderr.includes(text)) {
      if (Date.now() > end) throw new Error(`timed out waiting for "${text}" on stderr:\n${output.stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, output, exited, stderrContains };
}

/** Starts `mobility-setup <args>` and collects its output while it runs. */
export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  return startNode([BIN, ...args], options);
}

/** Runs `mobility-setup <args>` to its end. */
export function runCli(
  args: string[],
  options: CliOptions & { onSpawn?: (pid: number | undefined) => void } = {},
): Promise<CliResult> {
  const running = startCli(args, options);
  options.onSpawn?.(running.child.pid);
  return running.exited;
}

/** `install` of the installer in `installerDir`, not registered (classic), without questions. */
export function installOnlyArgs(root: string, installerDir: string, options: { json?: boolean } = {}): string[] {
  const json = options.json ? ['--json'] : [];
  return ['--root', root, ...json, 'install', '--installer-dir', installerDir, '--no-register'].concat([
    '--server-kind',
    'classic',
    '--yes',
  ]);
}

/** `install` and registration with the configuration server at `endpoint`, the passphrase read from a file. */
export function installAndRegisterArgs(
  root: string,
  installerDir: string,
  endpoint: string,
  passphraseFile: string,
  options: { json?: boolean } = {},
): string[] {
  const json = options.json ? ['--json'] : [];
  return ['--root', root, ...json, 'install', '--installer-dir', installerDir, '--cs-endpoint', endpoint].concat([
    '--passphrase-file',
    passphraseFile,
    '--yes',
  ]);
}
