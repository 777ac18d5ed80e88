import type { Input, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-scheme';

/**
 * The renderer's Content-Security-Policy, also carried by the <meta> tag in renderer/index.html (a shell test
 * checks they match). connect-src is the app's own origin only: in this window the renderer talks over IPC and
 * opens no connection at all, and in the browser host 'self' covers its own ws://127.0.0.1:PORT (that host's
 * header names it too). A bare `ws:` would have let a page script reach any local WebSocket server.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Only our own page (the app scheme, see app-protocol.ts) and the developer tools may load: no remote content
 * and nothing from disk through file://.
 */
export function isAllowedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/** Session-wide rules: every permission refused, requests for anything but the app's own page cancelled. */
export function hardenSession(ses: Session): void {
  // The wizard needs no camera, notifications, clipboard reads, devices or anything else.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedUrl(details.url) }));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );
}

/** Keys that open the developer tools in Chromium: F12, Ctrl+Shift+I/J/C, and Cmd+Alt+I/J/C on macOS. */
export function isDevToolsShortcut(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'shift' | 'alt'>): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  const devKey = key === 'i' || key === 'j' || key === 'c';
  return devKey && ((input.control && input.shift) || (input.meta && input.alt));
}

/**
 * Per-page rules: the page never navigates away, opens windows or embeds a <webview>. With `devTools` false
 * (packaged builds), the developer tools cannot be opened: webPreferences.devTools is off (see window.ts), their
 * shortcuts are swallowed, and should they open anyway (a menu role, a future Electron) they are closed at once,
 * so nobody at the window gets a console inside a process that may be driving root operations.
 */
export function hardenWebContents(contents: WebContents, options: { devTools: boolean }): void {
  if (!options.devTools) {
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Programmatic loads (loadFile) do not raise these events; only navigation the page itself starts does.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
