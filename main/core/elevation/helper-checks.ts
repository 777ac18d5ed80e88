/**
 * What the elevated helper checks before it does anything as root. The helper trusts nothing in the
 * request: it was written by an unprivileged user, in a folder that user (and nobody else) owns.
 */
import fs from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { parseEndpoint } from '../../../common/endpoint';
import { hasControlCharacter } from '../../../common/path-input';
import { hasPosixModes } from '../../platform/host-file-modes';

export class HelperRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint = 'This is a Mobility Setup fault, or someone tampered with its request: send the Mobility Setup log to support.',
  ) {
    super(message);
    this.name = 'HelperRefusal';
  }
}

export const refuse = (code: string, message: string, hint?: string): never => {
  throw new HelperRefusal(code, message, hint);
};

/** On POSIX, O_NOFOLLOW makes open fail on a link instead of following it; Windows has no such flag. */
const NOFOLLOW = (fs.constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;
/** A FIFO put in a file's place must not block the helper forever. */
const NONBLOCK = (fs.constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;

/**
 * The user who asked for elevation: pkexec sets PKEXEC_UID, sudo sets SUDO_UID. Without either, the helper
 * was started directly, by the user it runs as. null on Windows, where UAC elevates the same account and
 * there is no uid to compare.
 */
export function requesterUid(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): number | null {
  if (platform === 'win32') return null;
  const named = env.PKEXEC_UID ?? env.SUDO_UID;
  if (named !== undefined) {
    if (!/^\d{1,10}$/.test(named))
      refuse('helper.requester', 'The requesting user id given by pkexec or sudo is not a number.');
    return Number(named);
  }
  const own = process.getuid?.();
  return own === undefined ? null : own;
}

/** A folder of that user only: a real folder (not a link), owned by them, no access for group or others. */
export function checkPrivateFolder(dir: string, requester: number | null, code: string, what: string): void {
  let info: Stats;
  try {
    info = fs.lstatSync(dir);
  } catch {
    return refuse(code, `The ${what} does not exist.`);
  }
  if (!info.isDirectory()) refuse(code, `The ${what} is not a folder.`);
  if (hasPosixModes() && (info.mode & 0o077) !== 0) refuse(code, `The ${what} is not private (0700).`);
  if (requester !== null && info.uid !== requester)
    refuse(code, `The ${what} does not belong to the user who asked for elevation.`);
}

/**
 * A file of that user only, checked on the open descriptor (so a file swapped after the check is never the
 * one used): a regular file with one link (a hard link could make root write into another file), owned by
 * the requester, no access for group or others.
 */
export function checkPrivateFile(fd: number, requester: number | null, code: string, what: string): Stats {
  const info = fs.fstatSync(fd);
  if (!info.isFile()) refuse(code, `The ${what} is not a regular file.`);
  if (info.nlink !== 1) refuse(code, `The ${what} has more than one name (a hard link).`);
  if (hasPosixModes() && (info.mode & 0o077) !== 0) refuse(code, `The ${what} is not private (0600).`);
  if (requester !== null && info.uid !== requester)
    refuse(code, `The ${what} does not belong to the user who asked for elevation.`);
  return info;
}

/** Opens a file of the requester without following a link, then checks it on the descriptor. */
export function openPrivateFile(
  file: string,
  flags: number,
  requester: number | null,
  code: string,
  what: string,
): number {
  let fd: number;
  try {
    fd = fs.openSync(file, flags | NOFOLLOW | NONBLOCK);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ELOOP' ? 'is a symbolic link' : 'cannot be opened';
    return refuse(code, `The ${what} ${why}.`);
  }
  try {
    checkPrivateFile(fd, requester, code, what);
    return fd;
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:\\/;

/**
 * A path value from the request: absolute for the platform, no control characters (a newline in an install
 * folder ends up as a line of .vx_version). The same rule the front doors apply to every path.
 */
export function checkPathValue(value: string, platform: 'linux' | 'win32', code: string, what: string): string {
  if (hasControlCharacter(value))
    refuse(
      code,
      `The ${what} contains a control character.`,
      'Use a path without control characters (newlines, tabs, escapes).',
    );
  const absolute = platform === 'win32' ? WINDOWS_ABSOLUTE.test(value) : path.posix.isAbsolute(value);
  if (!absolute) refuse(code, `The ${what} is not an absolute path.`, 'Use a full path.');
  return value;
}

/** The server address goes through the same parser as every front door, and must already be in its canonical form. */
export function checkEndpointValue(value: string): string {
  const parsed = parseEndpoint(value);
  if (!parsed.ok || parsed.endpoint.display !== value)
    refuse(
      'helper.endpoint',
      'The configuration server address in the request is not valid.',
      'Enter the server as an IP address or FQDN, optionally with :port.',
    );
  return value;
}

/**
 * An anti-virus fix writes root's files (clamd.conf and its backup) where the helper's own probes find them under
 * the root prefix, and an uninstall runs the uninstaller the agent's state file under it names. A sandbox root
 * named by anyone but root would steer those writes or that run (a folder of links into /etc, /root, or a
 * planted .vx_version and uninstall.sh), so only a request of root itself (the tests, a root app) may name one.
 */
export function checkRootOnlySandbox(
  request: { sandboxRoot: string | null },
  requester: number | null,
  operation: 'antivirusFix' | 'uninstall',
): void {
  if (request.sandboxRoot !== null && requester !== 0) {
    const what =
      operation === 'uninstall'
        ? 'An uninstall through the helper removes'
        : 'An anti-virus fix through the helper changes';
    refuse('helper.sandboxRoot', `${what} only this system's own agent; the request names a sandbox root.`);
  }
}

/** The largest secret file read: a passphrase is short; config.json is a few kilobytes. */
const MAX_SECRET_BYTES = 256 * 1024;

/**
 * Reads the requester's secret file (passphrase or config.json) as the helper must: it has to sit in the
 * app's private secret folder of that user (`<base>/run-<pid>-…/<name>`, both folders theirs and 0700), be a
 * regular 0600 single-link file of theirs, and is opened without following a link. So a request can never
 * make root read a file the requester could not (a link to /etc/shadow would send its first line to the
 * server). The caller copies the content into a root-owned file for the vendor tool, so a file swapped
 * after this check is never the one the tool reads.
 */
export function readRequesterSecret(
  file: string,
  expectedName: string,
  requester: number | null,
  platform: 'linux' | 'win32',
): string {
  checkPathValue(file, platform, 'helper.secretFile', 'secret file path');
  const api = platform === 'win32' ? path.win32 : path.posix;
  if (api.basename(file) !== expectedName) refuse('helper.secretFile', `The secret file is not named ${expectedName}.`);
  const runFolder = api.dirname(file);
  if (!/^run-\d+-/.test(api.basename(runFolder)))
    refuse('helper.secretFile', 'The secret file is not in a per-use folder of the app.');
  checkPrivateFolder(api.dirname(runFolder), requester, 'helper.secretFile', 'secret folder');
  checkPrivateFolder(runFolder, requester, 'helper.secretFile', 'per-use secret folder');
  const fd = openPrivateFile(file, fs.constants.O_RDONLY, requester, 'helper.secretFile', 'secret file');
  try {
    if (fs.fstatSync(fd).size > MAX_SECRET_BYTES) refuse('helper.secretFile', 'The secret file is too large.');
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where the helper keeps its private installer copy and extraction folder. Linux, as root: /tmp itself
 * (never $TMPDIR, which sudo may pass through from the user), checked to be root's sticky folder, so the
 * fresh 0700 folders made in it cannot be renamed or replaced by anyone else. Windows: %SystemRoot%\Temp
 * (the user's own %TEMP% is writable by their unelevated processes).
 */
export function helperWorkBase(
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
  tmp = '/tmp',
): string {
  if (platform === 'win32') return path.win32.join(process.env.SystemRoot ?? 'C:\\Windows', 'Temp');
  if (uid !== 0) return tmp;
  const info = fs.lstatSync(tmp);
  const sticky = (info.mode & 0o1000) !== 0;
  if (!info.isDirectory() || info.uid !== 0 || ((info.mode & 0o022) !== 0 && !sticky)) {
    refuse(
      'helper.workBase',
      `${tmp} is not a folder of root that others cannot rename files in.`,
      `Fix the permissions of ${tmp} (root-owned, mode 1777), then try again.`,
    );
  }
  return tmp;
}
