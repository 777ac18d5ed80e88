import { promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Replier } from './responses';

/** The types the built renderer needs; anything else is not served (also used by the Electron window's protocol). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Largest file served; the renderer bundle is far smaller, and this keeps a stray huge file from being read whole. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * The path segments of a request path, or null when it is not a plain path inside the folder: `..`, `.`,
 * encoded slashes or backslashes, NUL, dotfiles and malformed escapes are all refused, never normalised.
 */
export function safeSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/') || pathname.length > 1024) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg.startsWith('.') || /[/\\\0:]/.test(seg) || /\p{Cc}/u.test(seg)) return null;
    segments.push(seg);
  }
  return segments;
}

/** Serves files from one folder (the built renderer). Unknown files are 404; the folder itself maps to index.html. */
export function createStaticFiles(staticDir: string, reply: Replier) {
  const rootPromise = fs.realpath(staticDir);
  return async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const segments = safeSegments(pathname);
    if (segments === null) return reply.text(res, 400, 'Bad request path.');
    const root = await rootPromise;
    const candidate = path.join(root, ...(segments.length === 0 ? ['index.html'] : segments));
    const type = CONTENT_TYPES[path.extname(candidate).toLowerCase()];
    if (!type) return reply.text(res, 404, 'Not found.');
    let real: string;
    try {
      // Follows symlinks, then checks the real file is still inside the folder.
      real = await fs.realpath(candidate);
    } catch {
      return reply.text(res, 404, 'Not found.');
    }
    const rel = path.relative(root, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return reply.text(res, 404, 'Not found.');
    try {
      const stat = await fs.stat(real);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return reply.text(res, 404, 'Not found.');
      reply.send(res, 200, type, await fs.readFile(real));
    } catch {
      reply.text(res, 404, 'Not found.');
    }
  };
}
