import { spawn } from 'node:child_process';
import path from 'node:path';
import type { ElectronBinary } from './electron-binary';

/** Opting out: CI, tests and air-gapped machines set this to go straight to the browser host. */
export const NO_DOWNLOAD_ENV = 'MOBILITY_SETUP_NO_ELECTRON_DOWNLOAD';
const DOWNLOAD_TIMEOUT_MS = 120_000;

/**
 * Electron 42+ has no postinstall: `npm ci` never fetches the binary. Where it can be fetched, one try by
 * the electron package's own installer (the same as `npx install-electron`) turns a fresh clone into the
 * desktop window; where it cannot, the try fails fast (or after the timeout) and the browser host takes over.
 */
export function shouldTryDownload(
  binary: ElectronBinary,
  runningAsRoot: boolean,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return !binary.present && downloadSkippedBecause(binary, runningAsRoot, env) === null;
}

/** How to get the binary by hand: the electron package's own installer, as the user who runs the window. */
export const GET_ELECTRON_HINT =
  'To get the Electron window, run `npx install-electron` once as a normal user with network access.';

/** Why no download is tried for a missing binary, in words for the one fallback line; null when one is tried. */
export function downloadSkippedBecause(
  binary: ElectronBinary,
  runningAsRoot: boolean,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (binary.present) return 'it is installed';
  if (runningAsRoot) return 'no download was tried: running as root, where the Electron window does not run anyway';
  if (env[NO_DOWNLOAD_ENV] === '1') return `no download was tried: ${NO_DOWNLOAD_ENV}=1 opts out`;
  if (env.CI === 'true') return 'no download was tried under CI (CI=true)';
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return 'no download was tried: ELECTRON_OVERRIDE_DIST_PATH names the folder to use instead';
  // Only the "never downloaded" case: a missing package or a broken install is not fixed by a download.
  if (binary.reason === null || !binary.reason.includes('path.txt'))
    return 'no download was tried: the electron package itself is missing or broken (run npm ci)';
  return null;
}

/** Runs node_modules/electron/install.js once; resolves whether it exited 0 within the time limit. */
export function downloadElectronBinary(packageDir: string, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], {
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: false,
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
