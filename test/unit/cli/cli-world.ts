/** Whether the CLI is built, and what a run left on disk. Running it: test/world/cli-process.ts. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { REPO } from '../../world/cli-process';

export const BUILT = existsSync(path.join(REPO, 'dist/main/cli.js'));
export const NOT_BUILT_REASON = 'dist/main/cli.js is missing: run `npm run build:main` first';

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
