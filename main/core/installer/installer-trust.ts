/**
 * Whether an installer file may be run as root, judged by who could have put it there or changed it, in the
 * manner of OpenSSH's StrictModes. Mobility Setup runs the chosen installer as root, so a file that another
 * local user could plant or rewrite would hand them root. Checked (POSIX only; Windows has no such owners
 * and checks the Authenticode signature instead):
 *
 * - the file (after an in-folder link): a regular file owned by root or by the user running Mobility Setup,
 *   not writable by group or others;
 * - the folder and every folder above it up to `/` (after resolving links, so each is the real folder):
 *   owned by root or by that user, and not writable by group or others unless the sticky bit is set (in a
 *   sticky folder such as /tmp, others can add names but cannot rename or replace ours; a file they add is
 *   owned by them and refused by the file rule).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InstallerOwner } from '../../../common/install';
import { UserError } from '../../../common/result';

const GROUP_OR_OTHER_WRITE = 0o022;
const STICKY = 0o1000;

/** Octal permission bits with the special bits, e.g. "0644" or "1777". */
export const modeText = (mode: number): string => (mode & 0o7777).toString(8).padStart(4, '0');

/** Account names by uid from the passwd database (the machine's own, never a sandbox copy). */
export async function userNames(passwdFile = '/etc/passwd'): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  const text = await readFile(passwdFile, 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid && /^\d+$/.test(uid) && !names.has(Number(uid))) names.set(Number(uid), name);
  }
  return names;
}

interface Viewer {
  uid: number;
  names: Map<number, string>;
}

const who = (viewer: Viewer, uid: number) => `${viewer.names.get(uid) ?? 'a user with no name'} (uid ${uid})`;
const me = (viewer: Viewer) =>
  viewer.uid === 0 ? 'root' : `root or ${who(viewer, viewer.uid)}, who runs Mobility Setup`;
const trustedOwner = (viewer: Viewer, info: Stats) => info.uid === 0 || info.uid === viewer.uid;
const shellQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function untrusted(message: string, hint: string, params: Record<string, string | number>): UserError {
  return new UserError(
    'installer.untrusted',
    `${message} It would run as root, so it was not used; nothing ran.`,
    hint,
    params,
  );
}

/** Refuses a folder (the installer folder or one above it) that another user could change. */
function checkFolder(viewer: Viewer, dir: string, info: Stats, isInstallerDir: boolean): void {
  const which = isInstallerDir ? `The installer folder ${dir}` : `The folder ${dir}, which holds the installer folder,`;
  if (!trustedOwner(viewer, info)) {
    throw untrusted(
      `${which} belongs to ${who(viewer, info.uid)}, not to ${me(viewer)}: that user can rename it, or put another installer in its place.`,
      `Move the installer to a folder only root can change (e.g. /root/asr), or if you trust it: chown root:root ${shellQuote(dir)}; then search again.`,
      { path: dir, uid: info.uid, mode: modeText(info.mode) },
    );
  }
  if ((info.mode & GROUP_OR_OTHER_WRITE) !== 0 && (info.mode & STICKY) === 0) {
    throw untrusted(
      `${which} can be written by other users (mode ${modeText(info.mode)}) and has no sticky bit: anyone could put a newer "installer" there, or replace the folder's contents.`,
      `Move the installer to a folder only root can change (e.g. /root/asr), or: chmod go-w ${shellQuote(dir)}; then search again.`,
      { path: dir, uid: info.uid, mode: modeText(info.mode) },
    );
  }
}

/**
 * Checks the installer file and its folders (see the module comment); returns the file's owner for display,
 * or null on Windows. Throws UserError 'installer.untrusted' with who owns what, what is wrong and what to do.
 */
export async function checkInstallerTrust(
  file: string,
  dir: string,
  uid: number | undefined = process.getuid?.(),
): Promise<InstallerOwner | null> {
  if (uid === undefined) return null;
  const viewer: Viewer = { uid, names: await userNames() };
  if (!viewer.names.has(uid) && uid === process.getuid?.()) viewer.names.set(uid, os.userInfo().username);
  // Every real folder from the installer folder up to the root of the file system.
  let current = await realpath(dir);
  for (let first = true; ; first = false) {
    checkFolder(viewer, current, await stat(current), first);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const info = await stat(file);
  if (!info.isFile())
    throw untrusted(
      `The installer ${file} is not a regular file.`,
      'Put the installer file itself in the folder, then search again.',
      { path: file },
    );
  if (!trustedOwner(viewer, info)) {
    throw untrusted(
      `The installer ${file} belongs to ${who(viewer, info.uid)}, not to ${me(viewer)}: another user could have planted it.`,
      `If you trust this file, make root its owner: chown root:root ${shellQuote(file)} && chmod go-w ${shellQuote(file)}; then search again.`,
      { path: file, uid: info.uid, mode: modeText(info.mode) },
    );
  }
  if ((info.mode & GROUP_OR_OTHER_WRITE) !== 0) {
    throw untrusted(
      `The installer ${file} can be changed by other users (mode ${modeText(info.mode)}).`,
      `Check it came from the vendor, then: chmod go-w ${shellQuote(file)}; then search again.`,
      { path: file, uid: info.uid, mode: modeText(info.mode) },
    );
  }
  return { uid: info.uid, user: viewer.names.get(info.uid) ?? null, gid: info.gid, mode: modeText(info.mode) };
}
