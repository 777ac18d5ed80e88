import { promises as fs } from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import type { Session } from 'electron';
import { CONTENT_TYPES, safeSegments } from '../web-host/static-files';
import { APP_HOST, APP_SCHEME } from './app-scheme';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The window's page is served from `mobility://app/`, not file://. Electron's GrantFileProtocolExtraPrivileges
 * fuse is off (electron-builder.yml), so file:// pages get only what a browser gives them, which does not
 * include loading the bundle's module scripts; and a page on file:// could otherwise read any local file.
 * A privileged standard scheme gives the page a real origin of its own, and this handler serves only the
 * renderer folder.
 */

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves the renderer folder on the app scheme for this session. */
export function serveRendererOnAppScheme(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, rendererDir));
}

/**
 * The reply for one app-scheme URL: a file of the renderer folder with its type and the CSP, or 404. Paths
 * go through the browser host's own check (no `..`, dotfiles, encoded slashes or NUL), never normalised.
 */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  const notFound = (): Response =>
    new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return notFound();
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound();
  const segments = safeSegments(parsed.pathname);
  if (segments === null) return notFound();
  const file = path.join(rendererDir, ...(segments.length === 0 ? ['index.html'] : segments));
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type) return notFound();
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch {
    return notFound();
  }
}
