import { lstat, mkdir } from 'node:fs/promises';
import type { ErrorCode } from '../../../common/error-codes';
import { UserError } from '../../../common/result';

/**
 * How this process may use the jobs folder: 'own' (its own: take the lock, write the journal, remove leftovers)
 * or 'readOnly' (root's, and this process is not root: a person's wizard that elevates through pkexec may read
 * root's lock and journal, to be refused while root's job runs, but can write nothing there).
 */
export type FolderAccess = 'own' | 'readOnly';

/** Root and the running user are trusted (the threat model); any other local user is not. */
export function isTrustedOwner(uid: number): boolean {
  const self = process.getuid?.();
  return self === undefined || uid === self || uid === 0;
}

/**
 * Creates `dir` if needed and checks that it is a real folder (not a link) of this user or of root that nobody
 * else can write: the job lock and the job journal trust what they find there (the journal names folders that
 * are later deleted, as root), so another local user must not be able to plant a link or a fake record in it.
 * Throws UserError `code` otherwise. A folder that cannot be created (not root, no log folder yet) throws the
 * file system's error. (No owner check on Windows.)
 */
export async function trustedFolderAccess(dir: string, code: ErrorCode, what: string): Promise<FolderAccess> {
  await mkdir(dir, { recursive: true, mode: 0o755 });
  return checkedAccess(dir, code, what);
}

/**
 * The same check for a reader (detection at start) that must not create anything: a plain `detect` leaves the
 * machine (or a sandbox root) as it found it. 'absent' when there is no such folder yet: nothing was recorded.
 */
export async function existingFolderAccess(
  dir: string,
  code: ErrorCode,
  what: string,
): Promise<FolderAccess | 'absent'> {
  const exists = await lstat(dir).then(
    () => true,
    (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? false : Promise.reject(err)),
  );
  return exists ? checkedAccess(dir, code, what) : 'absent';
}

async function checkedAccess(dir: string, code: ErrorCode, what: string): Promise<FolderAccess> {
  const info = await lstat(dir);
  const uid = process.getuid?.();
  const foreign = !isTrustedOwner(info.uid) || (info.mode & 0o022) !== 0;
  if (!info.isDirectory() || foreign) {
    throw new UserError(
      code,
      `The folder ${dir} that holds ${what} is not a folder of root or this user that only its owner can change, so another user could fake or redirect it.`,
      `Make ${dir} a folder owned by ${uid === 0 ? 'root' : 'root or this user'} that others cannot write (chmod 755), then try again.`,
      { dir },
    );
  }
  return uid === undefined || info.uid === uid ? 'own' : 'readOnly';
}
