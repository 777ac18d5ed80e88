import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../common/result';
import { withExcludePaths } from '../../platform/linux/antivirus-clamav';

export interface ClamdEdit {
  changed: boolean;
  added: string[];
  /** The backup of the original file (made once, before the first change, and never overwritten). */
  backup: string | null;
}

export const backupPathFor = (file: string): string => `${file}.mobility-setup.bak`;

/**
 * Adds anchored ExcludePath lines for the folders clamd.conf does not cover yet. The original is kept once
 * as `<file>.mobility-setup.bak`; the new text is written to a temporary file in the same folder with the
 * original's mode and owner and renamed over it, so clamd never sees a half-written file. A second call
 * finds every folder covered and changes nothing.
 */
export async function addClamdExclusions(file: string, folders: readonly string[]): Promise<ClamdEdit> {
  const info = await fs.lstat(file);
  // Renaming over a link would replace the link, not the file it names: refuse rather than surprise.
  if (!info.isFile())
    throw new UserError(
      'antivirus.configNotAFile',
      `${file} is not a regular file (a link or something else), so Mobility Setup does not edit it.`,
      'Add the ExcludePath lines by hand, then restart clamd.',
    );
  const text = await fs.readFile(file, 'utf8');
  const next = withExcludePaths(text, folders);
  if (next.added.length === 0) return { changed: false, added: [], backup: null };
  const backup = backupPathFor(file);
  try {
    await fs.copyFile(file, backup, fsConstants.COPYFILE_EXCL);
    await fs.chmod(backup, info.mode & 0o777);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.mobility-setup-${process.pid}-${Date.now()}.tmp`);
  const handle = await fs.open(temp, 'wx', info.mode & 0o777);
  try {
    await handle.writeFile(next.text, 'utf8');
    await handle.chmod(info.mode & 0o777);
    await handle.chown(info.uid, info.gid).catch(() => undefined);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  return { changed: true, added: next.added, backup };
}
