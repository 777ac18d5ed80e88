/**
 * Test helpers that run a built package's scripts as real child processes (no shell), inside a sandbox
 * root: MOBILITY_SETUP_SANDBOX_ROOT tells the fake vendor scripts where "/" is.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';

export interface VendorRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  root: string;
  cwd?: string;
  /** Run as this uid/gid instead of root (to test the root check). */
  uid?: number;
  gid?: number;
  /** Called with every stdout chunk (e.g. to wait for a line before killing a hanging script). */
  onStdout?: (chunk: string, child: ChildProcess) => void;
}

/** Makes a fresh sandbox root under the temp folder; remove it with removeSandbox. */
export async function makeSandbox(prefix = 'mobility-world-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeSandbox(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** Plain extraction for tests of the package itself (the app uses its own safe extractor). */
export async function extractPackage(file: string, dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  await tar.x({ file, cwd: dir, preserveOwner: false });
  return dir;
}

export function runVendor(file: string, args: string[], options: RunOptions): Promise<VendorRun> {
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd ?? path.dirname(file),
    env: { ...process.env, MOBILITY_SETUP_SANDBOX_ROOT: options.root },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: false,
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, spawnOptions);
    const out: string[] = [];
    const err: string[] = [];
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out.push(chunk);
      options.onStdout?.(chunk, child);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout: out.join(''), stderr: err.join('') }));
  });
}

/** Extracts the package under <root>/tmp/pkg and installs it to <root>/usr/local/ASR (classic). */
export async function installPackage(
  file: string,
  root: string,
  extraArgs: string[] = [],
): Promise<VendorRun & { installDir: string; extracted: string }> {
  const extracted = await extractPackage(file, path.join(root, 'tmp', 'pkg'));
  const installDir = path.join(root, 'usr', 'local', 'ASR');
  const run = await runVendor(
    path.join(extracted, 'install'),
    ['-d', installDir, '-r', 'MS', '-v', 'VmWare', '-q', '-c', 'CSLegacy', ...extraArgs],
    { root },
  );
  return { ...run, installDir, extracted };
}
