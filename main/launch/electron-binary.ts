import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  present: boolean;
  /** Where the executable is (or would be). */
  path: string | null;
  /** Why it is absent, in words for the one-line notice. */
  reason: string | null;
}

export interface FindElectronOptions {
  env?: NodeJS.ProcessEnv;
  /** The installed `electron` npm package folder; found through module resolution when omitted. */
  packageDir?: string | null;
  platform?: NodeJS.Platform;
}

/**
 * Finds the package folder without running its index.js: requiring 'electron' tries to download the
 * binary when it is missing (and throws without network), which is exactly the case we must detect.
 */
export function electronPackageDir(): string | null {
  try {
    // The bundled CLI is CommonJS; under test runners that load ES modules, resolve from the working folder.
    const resolver = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'noop.js'));
    return path.dirname(resolver.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

const executableName = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : platform === 'win32' ? 'electron.exe' : 'electron';

/** Mirrors the lookup in node_modules/electron/index.js (path.txt, ELECTRON_OVERRIDE_DIST_PATH), minus the download. */
export function findElectronBinary(options: FindElectronOptions = {}): ElectronBinary {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  const platform = options.platform ?? process.platform;
  let relative: string | null = null;
  if (packageDir !== null) {
    try {
      relative = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || null;
    } catch {
      relative = null;
    }
  }
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = path.join(override, relative ?? executableName(platform));
    return isExecutableFile(candidate)
      ? { present: true, path: candidate, reason: null }
      : { present: false, path: candidate, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(candidate)}` };
  }
  if (packageDir === null) return { present: false, path: null, reason: 'the electron package is not installed' };
  if (relative === null)
    return {
      present: false,
      path: null,
      reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded',
    };
  const candidate = path.join(packageDir, 'dist', relative);
  return isExecutableFile(candidate)
    ? { present: true, path: candidate, reason: null }
    : { present: false, path: candidate, reason: `${candidate} does not exist` };
}

function isExecutableFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
