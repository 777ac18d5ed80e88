import fs from 'node:fs';
import path from 'node:path';

/** The one command the app ever elevates: its own helper, with a request file path as the only variable. */
export interface HelperCommand {
  file: string;
  args: string[];
}

/**
 * Linux/macOS: sudo-prompt hands the command to `/bin/bash -c "…"` (a string, inside double quotes, run
 * by /bin/sh first), so anything a shell would interpret ($ ` \ " ' ! ; and control characters) is refused
 * outright instead of escaped; each part is then 'single-quoted' (spaces are fine).
 */
const POSIX_SAFE = /^[A-Za-z0-9 _@%+=:,./-]+$/;

/**
 * Windows: sudo-prompt writes the command as one line of a .bat file run by cmd.exe. There '…' does not
 * quote, and inside "…" only % (variable expansion), ! (delayed expansion, when enabled) and " itself stay
 * special; & | < > ^ are refused too so a part is safe even if the quoting were lost. Backslashes, parentheses,
 * spaces and non-ASCII letters (user names in %TEMP%) are allowed. A trailing backslash is refused: before the
 * closing quote it would escape it for the program's own argv parsing (CommandLineToArgvW).
 */
// eslint-disable-next-line no-control-regex
const WINDOWS_UNSAFE = /[%!^&|<>"\u0000-\u001f\u007f]/;

export function isSafeCommandPart(part: string, platform: NodeJS.Platform = process.platform): boolean {
  if (part.length === 0 || part.length > 4096) return false;
  if (platform === 'win32') return !WINDOWS_UNSAFE.test(part) && !part.endsWith('\\');
  return POSIX_SAFE.test(part);
}

/** The command text sudo-prompt needs on this platform; throws when a part could be interpreted by the shell. */
export function toElevatedCommandLine(command: HelperCommand, platform: NodeJS.Platform = process.platform): string {
  const parts = [command.file, ...command.args];
  const unsafe = parts.find((p) => !isSafeCommandPart(p, platform));
  if (unsafe !== undefined) throw new Error('The elevated command contains characters a shell would interpret.');
  const quote = platform === 'win32' ? (p: string) => `"${p}"` : (p: string) => `'${p}'`;
  return parts.map(quote).join(' ');
}

/** What decides the helper's command line: the runtime the core runs in. */
export interface HelperRuntime {
  platform: NodeJS.Platform;
  /** Running inside Electron (process.versions.electron). */
  electron: boolean;
  /** `electron path/to/app` (unpackaged): process.defaultApp is true; undefined in a packaged app. */
  defaultApp: boolean;
  /**
   * The AppImage file a packaged Linux app was started from (its runtime sets APPIMAGE). Its execPath lies in
   * a FUSE mount of the user's that root cannot enter, so pkexec must start the AppImage file itself.
   */
  appImage?: string;
}

export function currentHelperRuntime(): HelperRuntime {
  return {
    platform: process.platform,
    electron: 'electron' in process.versions,
    // Electron-only property (electron.d.ts, Process.defaultApp); read untyped so core does not need electron's types.
    defaultApp: (process as { defaultApp?: boolean }).defaultApp === true,
    ...(process.platform === 'linux' && process.env.APPIMAGE ? { appImage: process.env.APPIMAGE } : {}),
  };
}

export interface HelperPaths {
  execPath: string;
  /** The bundled CLI (dist/main/cli.js). */
  cliPath: string;
  /** The Electron entry (dist/main/index.js), next to the CLI. */
  appEntry: string;
}

/**
 * The helper command for one request file.
 * - Plain Node: `<node> <cli.js> helper --request F`.
 * - Packaged Electron: the runAsNode fuse is disabled, so `<electron> cli.js` would start the app, not Node.
 *   The app executable itself is started as `<app> helper --request F`; the Electron entry (main/index.ts,
 *   through launch/helper-invocation.ts) routes that argv to runHelper before any window code.
 * - Packaged as an AppImage: the AppImage file (APPIMAGE), not execPath inside the user's FUSE mount.
 * - Unpackaged Electron (`electron dist/main/index.js`): execPath is the bare electron binary, which needs
 *   the app entry as its first argument.
 * On Linux, Electron started as root (pkexec) aborts in Chromium ("Running as root without --no-sandbox is
 * not supported") before any JavaScript runs. The helper creates no window and loads no web content, so
 * the renderer sandbox protects nothing there: --no-sandbox is passed for the helper run only.
 */
export function helperCommandFor(requestFile: string, paths: HelperPaths, runtime: HelperRuntime): HelperCommand {
  const tail = ['helper', '--request', requestFile];
  if (!runtime.electron) return { file: paths.execPath, args: [paths.cliPath, ...tail] };
  const switches = runtime.platform === 'linux' ? ['--no-sandbox'] : [];
  const entry = runtime.defaultApp ? [paths.appEntry] : [];
  const file =
    runtime.platform === 'linux' && !runtime.defaultApp && runtime.appImage ? runtime.appImage : paths.execPath;
  return { file, args: [...entry, ...switches, ...tail] };
}

/** The helper command factory for this process; the CLI and the Electron entry sit together in dist/main. */
export function defaultHelperCommand(
  cliPath: string = path.join(__dirname, 'cli.js'),
  execPath: string = process.execPath,
  runtime: HelperRuntime = currentHelperRuntime(),
) {
  const paths: HelperPaths = { execPath, cliPath, appEntry: path.join(path.dirname(cliPath), 'index.js') };
  return (requestFile: string): HelperCommand => helperCommandFor(requestFile, paths, runtime);
}

/** Whether the helper entry point exists (it does not when the core runs from source, e.g. under vitest). */
export function helperEntryExists(cliPath: string = path.join(__dirname, 'cli.js')): boolean {
  return fs.existsSync(cliPath);
}
