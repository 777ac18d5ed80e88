/**
 * Short-lived files for secrets the vendor tools read by path: the passphrase (`-P <file>` /
 * `/PassphraseFilePath`) and config.json (`-S` / `/SourceConfigFilePath`). The secret never goes into
 * argv or the environment; it lives in a 0600 file inside a fresh 0700 folder only while `fn` runs.
 *
 * The file holds exactly `content`, with no newline added: the vendor's MobSvc.passphrase is whatever
 * genpassphrase printed, and the configurator reads the passphrase from the file's text.
 * On Windows the mode bits mean little; there the base sits in the per-user %TEMP%, which is private.
 */
import { constants, lstatSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../../common/result';
import { hasPosixModes } from '../../platform/host-file-modes';
import { randomHex } from './random-hex';

export interface SecretFileOptions {
  /** Folder that holds the per-use folders; default `secretBaseFor(os.tmpdir())`. */
  base?: string;
  /** Name of the file inside the fresh folder, e.g. "MobSvc.passphrase" or "config.json". */
  fileName?: string;
  /** Told the per-use folder's name before it is created (the job journal), so a killed job's is removed later. */
  onFolder?: (dir: string) => Promise<void>;
}

/** Root's secret folders live where only root can create or plant anything (not the shared /tmp). */
export const ROOT_SECRET_BASE = '/run/mobility-setup-secrets';

/** Name prefix of a non-root user's per-process base in the shared temp folder: `<prefix><uid>-<pid>-<random>`. */
const EPHEMERAL_PREFIX = 'mobility-setup-secrets-';
const EPHEMERAL_NAME = /^mobility-setup-secrets-(\d+)-(\d+)-[0-9a-f]{24}$/;

let processNonce: string | null = null;

/** $XDG_RUNTIME_DIR when it is really this user's private folder (a real folder, owned by `uid`, mode 0700). */
export function privateRuntimeDir(dir: string | undefined, uid: number): string | null {
  if (!dir || !path.isAbsolute(dir)) return null;
  try {
    const info = lstatSync(dir);
    return info.isDirectory() && info.uid === uid && (info.mode & 0o777) === 0o700 ? dir : null;
  } catch {
    return null;
  }
}

/**
 * The secret base for a work folder. In the shared system temp folder (world-writable /tmp), a fixed name
 * lets any user pre-create the base or plant links in it, so:
 * - root gets ROOT_SECRET_BASE (/run, where only root can create anything);
 * - another user gets `$XDG_RUNTIME_DIR/mobility-setup-secrets` when XDG_RUNTIME_DIR is their own 0700
 *   folder (systemd's /run/user/<uid>), else a fresh per-process name with 96 random bits in the temp
 *   folder, which nobody can guess before it exists (ensureBase then creates it 0700 and checks it is ours).
 * A sandbox (tests, demo) passes its own work folder and keeps `<workBase>/mobility-setup-secrets`; Windows'
 * %TEMP% is per-user already.
 */
export function secretBaseFor(
  workBase: string,
  uid: number | undefined = process.getuid?.(),
  platform: string = process.platform,
  runtimeDir: string | undefined = process.env.XDG_RUNTIME_DIR,
): string {
  const sharedTemp = path.resolve(workBase) === path.resolve(os.tmpdir());
  if (!sharedTemp || !hasPosixModes(platform) || uid === undefined)
    return path.join(workBase, 'mobility-setup-secrets');
  if (uid === 0) return ROOT_SECRET_BASE;
  const runtime = privateRuntimeDir(runtimeDir, uid);
  if (runtime) return path.join(runtime, 'mobility-setup-secrets');
  processNonce ??= randomHex(12);
  return path.join(workBase, `${EPHEMERAL_PREFIX}${uid}-${process.pid}-${processNonce}`);
}

/** A per-process base in the shared temp folder: removed when empty, and swept by name after a crash. */
const isEphemeralBase = (base: string) => EPHEMERAL_NAME.test(path.basename(base));

export function defaultSecretBase(): string {
  return secretBaseFor(os.tmpdir());
}

const RUN_PREFIX = 'run-';

/**
 * Creates (or re-checks) the base folder: it must be a real folder owned by us, mode 0700. Another local
 * user could pre-create a shared-tmp path or plant a link there, so anything else is refused.
 */
async function ensureBase(base: string): Promise<void> {
  await mkdir(base, { recursive: true, mode: 0o700 });
  const info = await lstat(base);
  // A per-process base was created by us with a name nobody could guess: anything looser was not made by us.
  if (!ownedFolder(info) || (isEphemeralBase(base) && hasPosixModes() && (info.mode & 0o077) !== 0)) {
    throw new UserError(
      'secret.unsafeBase',
      `The folder for temporary secret files (${base}) is not a private folder of this user.`,
      'Remove it (or set TMPDIR to a private folder) and try again.',
      { base },
    );
  }
  if (hasPosixModes() && (info.mode & 0o777) !== 0o700) await chmod(base, 0o700);
}

/** A real folder (not a link) owned by this user. */
function ownedFolder(info: Stats): boolean {
  const uid = process.getuid?.();
  return info.isDirectory() && (uid === undefined || info.uid === uid);
}

/** On POSIX, O_NOFOLLOW makes open fail on a link instead of writing through it; Windows has no such flag. */
const NOFOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

/**
 * Best effort: overwrite before unlinking so the secret does not linger in freed blocks of a tmpfs page.
 * Only ever our own single-link regular file: a link (O_NOFOLLOW), a hard link to another file, or a file
 * of someone else is left alone, so a planted name can never make us zero a file elsewhere.
 */
async function shred(file: string): Promise<void> {
  try {
    const handle = await open(file, constants.O_RDWR | NOFOLLOW);
    try {
      const info = await handle.stat();
      const uid = process.getuid?.();
      if (!info.isFile() || info.nlink !== 1 || (uid !== undefined && info.uid !== uid)) return;
      const { size } = info;
      if (size > 0) await handle.write(Buffer.alloc(size), 0, size, 0);
    } finally {
      await handle.close();
    }
  } catch {
    // Already gone or unreadable: the rm below still runs.
  }
}

/**
 * Creates `file` with mode 0600 and writes `content`. 'wx' (O_CREAT|O_EXCL) refuses an existing file and,
 * on POSIX, a planted symbolic link, so a secret is never written through someone else's file.
 */
export async function writeExclusive(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    // The umask can only remove bits; chmod makes the mode exact.
    await handle.chmod(0o600);
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` to a new 0600 file (exclusive create) in a fresh 0700 folder, calls `fn(filePath)`, and
 * removes the file and folder whatever happens (success, throw, cancellation surfacing as a rejection).
 */
export async function withSecretFile<T>(
  content: string,
  fn: (filePath: string) => Promise<T>,
  options: SecretFileOptions = {},
): Promise<T> {
  const base = options.base ?? defaultSecretBase();
  const fileName = options.fileName ?? 'secret';
  if (fileName !== path.basename(fileName) || fileName === '.' || fileName === '..' || fileName.includes('\0')) {
    throw new UserError('secret.badName', 'The secret file name must be a plain file name.');
  }
  await ensureBase(base);
  // The pid in the name lets a later sweep tell a crashed run's folder from a live one.
  const folder = path.join(base, `${RUN_PREFIX}${process.pid}-${randomHex(6)}`);
  await options.onFolder?.(folder);
  // Exclusive like mkdtemp: mkdir fails if the name exists.
  await mkdir(folder, { mode: 0o700 });
  const file = path.join(folder, fileName);
  try {
    await chmod(folder, 0o700);
    await writeExclusive(file, content);
    return await fn(file);
  } finally {
    await shred(file);
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    // Leave nothing in the shared temp folder; a concurrent use keeps it (ENOTEMPTY) and removes it itself.
    if (isEphemeralBase(base)) await rmdir(base).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes per-use folders left by a run that crashed before its cleanup (their process is gone).
 * Folders of a live process (another window or CLI run) are left alone. Returns how many were removed.
 * It runs on every start, possibly as root, over a path another user may have created: a base that is
 * not our own private folder is not touched at all, and nothing inside is followed through a link.
 */
export async function sweepSecretLeftovers(base: string = defaultSecretBase()): Promise<number> {
  if (!isEphemeralBase(base)) return sweepBase(base);
  // Per-process bases of this user's dead runs (a crash skipped their cleanup); live runs' bases stay.
  const uid = process.getuid?.();
  let removed = 0;
  for (const name of await readdir(path.dirname(base)).catch(() => [] as string[])) {
    const match = EPHEMERAL_NAME.exec(name);
    if (
      !match ||
      Number(match[1]) !== uid ||
      (processAlive(Number(match[2])) && path.join(path.dirname(base), name) !== base)
    )
      continue;
    const other = path.join(path.dirname(base), name);
    removed += await sweepBase(other);
    if (other !== base) await rmdir(other).catch(() => undefined);
  }
  return removed;
}

async function sweepBase(base: string): Promise<number> {
  const info = await lstat(base).catch(() => null);
  // Group/other write would let someone else have planted the entries; ownership alone is not enough.
  if (!info || !ownedFolder(info) || (hasPosixModes() && (info.mode & 0o022) !== 0)) return 0;
  let removed = 0;
  for (const name of await readdir(base)) {
    const match = /^run-(\d+)-/.exec(name);
    if (!match || processAlive(Number(match[1]))) continue;
    const folder = path.join(base, name);
    const folderInfo = await lstat(folder).catch(() => null);
    if (!folderInfo || !ownedFolder(folderInfo)) continue;
    for (const inner of await readdir(folder).catch(() => [] as string[])) {
      const file = path.join(folder, inner);
      if ((await lstat(file).catch(() => null))?.isFile()) await shred(file);
    }
    // rm removes links themselves, never what they point to.
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    removed += 1;
  }
  return removed;
}
