/** Runs the BUILT command line (bin/mobility-setup.js → dist/main/cli.js) as a real child process. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { childCoverageEnv } from '../../world/child-coverage';

export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin/mobility-setup.js');
export const BUILT = existsSync(path.join(REPO, 'dist/main/cli.js'));
export const NOT_BUILT_REASON = 'dist/main/cli.js is missing: run `npm run build:main` first';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  pid: number | undefined;
}

export function runCli(
  args: string[],
  options: { onSpawn?: (pid: number | undefined) => void; env?: Record<string, string> } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // stdin is not a terminal here, as in automation.
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? '/root',
        ...childCoverageEnv(),
        ...options.env,
      },
    });
    options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, pid: child.pid }));
  });
}

/** Path → sha256 + mtime of every file under a folder, to prove a run changed nothing. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const hash = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
        out[path.relative(dir, full)] = `${hash} ${(await stat(full)).mtimeMs}`;
      }
    }
  };
  await walk(dir);
  return out;
}
