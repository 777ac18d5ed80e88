import { promises as fs } from 'node:fs';
import type { SystemPaths } from './system-paths';

/**
 * Reads small system files (release files, .vx_version, drscout.conf) under the root prefix.
 * Missing or unreadable files are an answer ("not there"), not an error: detection reports what it finds.
 */
export interface RootFiles {
  readText(systemPath: string): Promise<string | null>;
  exists(systemPath: string): Promise<boolean>;
  listDir(systemPath: string): Promise<string[]>;
}

/** Release and state files are a few KB; anything larger is not what we are looking for. */
const MAX_TEXT_BYTES = 1024 * 1024;
const CHUNK_BYTES = 16 * 1024;

export function createRootFiles(paths: SystemPaths): RootFiles {
  return {
    async readText(systemPath) {
      try {
        const handle = await fs.open(paths.resolve(systemPath), 'r');
        try {
          // Chunked: /proc files report size 0, and a stray huge file must not be read whole.
          const chunks: Buffer[] = [];
          let total = 0;
          while (total < MAX_TEXT_BYTES) {
            const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, MAX_TEXT_BYTES - total));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
            if (bytesRead === 0) break;
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
          }
          return Buffer.concat(chunks).toString('utf8');
        } finally {
          await handle.close();
        }
      } catch {
        return null;
      }
    },
    async exists(systemPath) {
      try {
        await fs.access(paths.resolve(systemPath));
        return true;
      } catch {
        return false;
      }
    },
    async listDir(systemPath) {
      try {
        return await fs.readdir(paths.resolve(systemPath));
      } catch {
        return [];
      }
    },
  };
}
