import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../common/result';
import { selectAgentPlatform } from '../../platform/agent-platform';
import type { CommandRunner, RunningProcess } from '../../ports/ports';
import { diskFullError, isDiskFull } from './disk-full';
import { copyInstallerPrivately } from './installer-finder';
import { extractSafely } from './safe-extract';

/** The installer FILE to copy, hash and extract (never a folder to run). */
export interface InstallerRef {
  file: string;
  /** Lower-case hex SHA-256 the check step showed; the private copy must match it. */
  sha256: string;
}

export interface PrepareContext {
  platform: NodeJS.Platform;
  runner: CommandRunner;
  /** Parent of the private copy and extraction folders. Only the running user may be able to change it. */
  workBase: string;
  inactivityTimeoutMs: number;
  onLine: (line: string) => void;
  /** The process to end on cancel while the vendor's self-extractor runs (Windows); null after it. */
  onProcess: (running: RunningProcess | null) => void;
  cancelled: () => boolean;
  /** Told each private folder's name before it is created, so a job killed mid-way has it removed later. */
  onWorkFolder?: (dir: string) => Promise<void>;
}

export interface PreparedInstaller {
  /** The private folder holding the extracted installer. */
  dir: string;
  /** Removes it; called in every outcome by whoever prepared it. */
  remove(): Promise<void>;
}

/** Cancel arrived while the installer was being copied or extracted; nothing ran. */
export class PrepareCancelled extends Error {
  constructor() {
    super('cancelled while preparing the installer');
    this.name = 'PrepareCancelled';
  }
}

const removeDir = (dir: string) => rm(dir, { recursive: true, force: true, maxRetries: 3 });

/** mkdtemp, but with the name known (and recorded) before the folder exists: mkdir fails if the name is taken. */
async function privateFolder(base: string, prefix: string, record?: (dir: string) => Promise<void>): Promise<string> {
  await mkdir(base, { recursive: true });
  const dir = path.join(base, `${prefix}${randomBytes(6).toString('hex')}`);
  await record?.(dir);
  await mkdir(dir, { mode: 0o700 });
  await chmod(dir, 0o700);
  return dir;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Copies the installer into a fresh 0700 folder of the running user (without following a link, regular
 * files only), hashing exactly the bytes written, refuses the copy unless it has the expected SHA-256,
 * and unpacks the copy (never the original, which someone with write access to its folder could swap at
 * any time) into another fresh private folder. The copy is removed here; the caller removes the result.
 * Run as root by the elevated helper and by a root app alike, so nothing another user can still change
 * is ever extracted or run. Throws UserError (nothing ran) or PrepareCancelled.
 */
export async function prepareInstaller(ctx: PrepareContext, installer: InstallerRef): Promise<PreparedInstaller> {
  const name = path.basename(installer.file);
  if (!SHA256.test(installer.sha256))
    throw new UserError(
      'installer.changed',
      `No valid SHA-256 was given for the installer ${name}; it was not used.`,
      'Search the installer folder again and retry.',
    );
  const copyDir = await privateFolder(ctx.workBase, 'mobility-setup-installer-', ctx.onWorkFolder);
  ctx.onLine(`Copying the installer ${name} into the private folder ${copyDir}.`);
  try {
    let copy: Awaited<ReturnType<typeof copyInstallerPrivately>>;
    try {
      copy = await copyInstallerPrivately(installer.file, copyDir);
    } catch (err) {
      if (isDiskFull(err)) {
        // The partial copy goes first, so the free space reported is what the person really has.
        await removeDir(copyDir);
        const size = (await stat(installer.file).catch(() => null))?.size ?? null;
        throw await diskFullError(ctx.workBase, `copying the installer ${name}`, size);
      }
      const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
      // ELOOP: a symbolic link was put where the installer was; it is never followed.
      throw new UserError(
        'installer.unreadable',
        `The installer ${name} could not be read as a regular file (${code}).`,
        'Check the installer folder, search it again and retry.',
      );
    }
    if (copy.sha256 !== installer.sha256) {
      throw new UserError(
        'installer.changed',
        `The installer ${name} changed after it was checked (SHA-256 was ${installer.sha256}, now ${copy.sha256}). It was not used.`,
        'Make sure nobody else can write to the installer folder, search it again and retry.',
      );
    }
    ctx.onLine(`Working on a private copy of the installer (SHA-256 ${copy.sha256}, as checked).`);
    if (ctx.cancelled()) throw new PrepareCancelled();
    return await unpack(ctx, copy.path);
  } finally {
    await removeDir(copyDir);
  }
}

async function unpack(ctx: PrepareContext, installerFile: string): Promise<PreparedInstaller> {
  const commands = selectAgentPlatform(ctx.platform);
  if (!commands) throw new UserError('platform.unsupported', `Installing is not supported on ${ctx.platform}.`);
  if (commands.extract({ operation: 'extract', installerFile, extractedDir: '' }) === null) {
    const result = await extractSafely(installerFile, ctx.workBase, {}, ctx.onWorkFolder);
    ctx.onLine(`Extracted ${result.files} files (${result.bytes} bytes) to ${result.dir}.`);
    return { dir: result.dir, remove: () => removeDir(result.dir) };
  }
  // Windows: the vendor's self-extracting .exe unpacks itself (the copy, run with our privileges).
  const dir = await privateFolder(ctx.workBase, 'mobility-setup-extract-', ctx.onWorkFolder);
  const command = commands.extract({ operation: 'extract', installerFile, extractedDir: dir });
  if (!command) throw new UserError('internal', 'No extract command for this platform.');
  const running = ctx.runner.spawn(command.file, command.args, {
    onLine: ctx.onLine,
    inactivityTimeoutMs: ctx.inactivityTimeoutMs,
  });
  ctx.onProcess(running);
  const result = await running.done.finally(() => ctx.onProcess(null));
  if (result.code !== 0) {
    await removeDir(dir);
    if (result.cancelled) throw new PrepareCancelled();
    throw new UserError(
      'extract.failed',
      `The installer could not extract itself (exit code ${String(result.code)}).`,
      'Download the installer again and retry.',
    );
  }
  return { dir, remove: () => removeDir(dir) };
}
