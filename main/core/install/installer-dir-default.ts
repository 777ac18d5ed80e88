import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseInstallerName } from '../installer/installer-finder';

/**
 * The wizard's installer folder when none was given: the first of the candidate folders (the folder the
 * app sits in, then the working folder) that holds a vendor installer. People often copy the installer
 * next to Mobility Setup; finding it there saves them typing a path.
 */
export async function findInstallerDirNearApp(candidates: readonly string[]): Promise<string | null> {
  for (const dir of candidates) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    if (names.some((name) => parseInstallerName(name) !== null)) return dir;
  }
  return null;
}

/** Where "next to the app" is: the packaged app's folder, and the folder it was started from. */
export function appFolders(): string[] {
  const folders = [process.cwd()];
  // Under plain Node, execPath is node itself, not the app; only a packaged Electron app counts.
  if ('electron' in process.versions) folders.unshift(path.dirname(process.execPath));
  return [...new Set(folders)];
}
