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
export function shouldTryDownload(binary: ElectronBinary, runningAsRoot: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (binary.present || runningAsRoot || env[NO_DOWNLOAD_ENV] === '1' || env.CI === 'true' || env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  // Only the "never downloaded" case: a missing package or a broken install is not fixed by a download.
  return binary.reason !== null && binary.reason.includes('path.txt');
}

/** Runs node_modules/electron/install.js once; resolves whether it exited 0 within the time limit. */
export function downloadElectronBinary(packageDir: string, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(packageDir, 'install.js')], { stdio: ['ignore', 'inherit', 'inherit'], shell: false });
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
