/** Bundles a test's child-process entry (TypeScript) into one CommonJS file node can run as a real process. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleChild(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  return outfile;
}

export interface Child {
  process: ChildProcess;
  /** The first line the child printed, parsed as JSON. */
  firstLine: Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** `as`: run the child as another local user (the test runs as root). */
export function startChild(bundle: string, args: string[], as?: { uid: number; gid: number }): Child {
  const child = spawn(process.execPath, [bundle, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: false,
    ...(as ? { uid: as.uid, gid: as.gid, cwd: '/' } : {}),
  });
  let text = '';
  const firstLine = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end >= 0) resolve(JSON.parse(text.slice(0, end)) as Record<string, unknown>);
    });
    child.once('exit', () => reject(new Error(`child exited before printing a line: ${text}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, firstLine, exited };
}
