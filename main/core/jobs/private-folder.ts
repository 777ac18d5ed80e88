import { lstat, mkdir } from 'node:fs/promises';
import type { ErrorCode } from '../../../common/error-codes';
import { UserError } from '../../../common/result';

/**
 * Creates `dir` if needed and checks that it is a real folder (not a link) of the running user that nobody else
 * can write: the job lock and the job journal trust what they find there, so another local user must not be able
 * to plant a link or a fake record in it. Throws UserError `code` otherwise. (No owner check on Windows.)
 */
export async function assertPrivateFolder(dir: string, code: ErrorCode, what: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  const info = await lstat(dir);
  const uid = process.getuid?.();
  const foreign = uid !== undefined && (info.uid !== uid || (info.mode & 0o022) !== 0);
  if (!info.isDirectory() || foreign) {
    throw new UserError(
      code,
      `The folder ${dir} that holds ${what} is not a folder of this user that only it can change, so another user could fake or redirect it.`,
      `Make ${dir} a folder owned by ${uid === 0 ? 'root' : 'this user'} that others cannot write (chmod 755), then try again.`,
      { dir },
    );
  }
}
