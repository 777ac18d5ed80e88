import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';

/**
 * The renderer's Content-Security-Policy. Pages load from file://, which has no response headers, so the
 * <meta> tag in renderer/index.html is the one that applies; the header below covers any page that ever
 * arrives with headers. A shell test checks the built page carries this same policy.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Only our own bundled files (and the developer tools) may load: no remote content, nothing else on disk. */
export function isAllowedUrl(url: string, rendererDir: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  if (parsed.protocol !== 'file:') return false;
  const file = path.resolve(fileURLToPath(parsed));
  const dir = path.resolve(rendererDir);
  return file === dir || file.startsWith(dir + path.sep);
}

/** Session-wide rules: every permission refused, requests outside the renderer folder cancelled. */
export function hardenSession(ses: Session, rendererDir: string): void {
  // The wizard needs no camera, notifications, clipboard reads, devices or anything else.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url, rendererDir) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
}

/** Per-page rules: the page never navigates away, opens windows or embeds a <webview>. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Programmatic loads (loadFile) do not raise these events; only navigation the page itself starts does.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
