/**
 * Extracts an installer tar.gz into a fresh private folder, failing closed on anything unsafe.
 *
 * Policy (every rule below refuses the whole archive, removes the folder and throws a UserError):
 * - Entry types: regular files and folders; symbolic links only with a relative target that stays inside
 *   the folder (vendor packages may ship `libx.so -> libx.so.1`), and no entry may be written through a
 *   link. Hard links, devices, FIFOs and any other type are refused.
 * - Names: no absolute paths, drive letters, `..` segments, backslashes, NUL or control characters.
 * - Caps: entry count, per-entry size, total size (declared sizes, checked before any data is written)
 *   and the gzip expansion ratio.
 * - Modes: permission bits kept (the vendor `install` script must stay executable), set-id and sticky
 *   bits and group/other write dropped; ownership is the running user (`preserveOwner: false`).
 * Two passes: a listing pass validates every header before anything is written, then the extract pass
 * re-applies the same checks (the file could change in between) and a final walk verifies with realpath
 * that every path on disk stays inside.
 * Privileges: the app runs this as root when elevated; nothing here depends on the user, the folder is
 * 0700 and owned by the running user, and ownership from the archive is ignored, so no drop is attempted.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { createReadStream } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import type { Parser, ReadEntry } from 'tar';
import { UserError } from '../../../common/result';
import { diskFullError, isDiskFull } from './disk-full';

export interface ExtractLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed bytes per compressed byte; real installers hold already-compressed packages. */
  maxRatio: number;
  maxDepth: number;
}

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 1024 ** 3,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 500,
  maxDepth: 64,
};

export interface ExtractResult {
  /** The fresh 0700 folder holding the extracted files; the caller removes it when done. */
  dir: string;
  /** Regular files written. */
  files: number;
  /** Bytes in those files. */
  bytes: number;
}

/** Shows an entry name in a message without letting control characters or length through. */
export function sanitiseEntryName(name: string): string {
  const visible = name.replace(/\p{Cc}/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return visible.length > 160 ? `${visible.slice(0, 157)}...` : visible;
}

const unsafe = (name: string, why: string) =>
  new UserError(
    'extract.unsafe',
    `The installer archive is unsafe and was not used: entry "${sanitiseEntryName(name)}" ${why}. Nothing was installed.`,
    'Download the installer again from the vendor; do not use an archive from an untrusted source.',
    { entry: sanitiseEntryName(name), reason: why },
  );

const tooLarge = (name: string, why: string) =>
  new UserError(
    'extract.tooLarge',
    `The installer archive is too large to unpack safely: ${name ? `entry "${sanitiseEntryName(name)}" ` : ''}${why}. Nothing was installed.`,
    'Check that this is the vendor installer; download it again if it is damaged.',
    { entry: sanitiseEntryName(name), reason: why },
  );

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Clean relative segments of an entry name, or a reason to refuse it. */
function entrySegments(name: string, depth: number): string[] | string {
  if (name.length === 0 || name.length > 4096) return 'has an empty or overlong name';
  if (/\p{Cc}/u.test(name)) return 'has a control character or NUL in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  const segments = name.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return 'has a ".." segment';
  if (segments.length > depth) return 'is nested too deeply';
  return segments;
}

/** Checks one header against the policy, tracking count, sizes and links across the archive. */
export class EntryPolicy {
  private entries = 0;
  private total = 0;
  private readonly links = new Set<string>();

  constructor(private readonly limits: ExtractLimits) {}

  /** The file sizes the headers declared so far: what unpacking will need on disk. */
  get declaredBytes(): number {
    return this.total;
  }

  /** Throws for a refused entry; returns false for the root folder entry ("./"), which is skipped. */
  check(entry: Pick<ReadEntry, 'path' | 'type' | 'size' | 'linkpath' | 'mode'>): boolean {
    const name = String(entry.path);
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) throw tooLarge('', `it has more than ${this.limits.maxEntries} entries`);
    const segments = entrySegments(name, this.limits.maxDepth);
    if (typeof segments === 'string') throw unsafe(name, segments);
    const isFile = FILE_TYPES.has(entry.type);
    if (!isFile && entry.type !== 'Directory' && entry.type !== 'SymbolicLink')
      throw unsafe(name, `is a ${entry.type} (only files, folders and internal links are allowed)`);
    if (segments.length === 0) {
      if (entry.type !== 'Directory') throw unsafe(name, 'has no name');
      return false;
    }
    const clean = segments.join('/');
    for (let i = 1; i <= segments.length; i += 1) {
      if (this.links.has(segments.slice(0, i).join('/'))) throw unsafe(name, 'would be written through or over a link');
    }
    const size = entry.size ?? 0;
    if (size > this.limits.maxEntryBytes)
      throw tooLarge(name, `declares ${size} bytes (limit ${this.limits.maxEntryBytes})`);
    this.total += size;
    if (this.total > this.limits.maxTotalBytes)
      throw tooLarge(name, `takes the total over ${this.limits.maxTotalBytes} bytes`);
    if (entry.type === 'SymbolicLink') {
      this.checkLinkTarget(name, segments, String(entry.linkpath ?? ''));
      this.links.add(clean);
    }
    // Drop set-id, sticky and group/other write bits; keep the owner able to read (and enter folders).
    const mode = typeof entry.mode === 'number' && entry.mode > 0 ? entry.mode : isFile ? 0o644 : 0o755;
    (entry as { mode?: number }).mode = (mode & 0o755) | (isFile ? 0o600 : 0o700);
    return true;
  }

  /** Leading ".." may climb real folders; a ".." after a name could climb out through a link, so it is refused. */
  private checkLinkTarget(name: string, segments: string[], target: string): void {
    if (target === '' || /[\p{Cc}\\]/u.test(target) || target.startsWith('/') || /^[A-Za-z]:/.test(target)) {
      throw unsafe(name, 'is a link with an absolute or unusual target');
    }
    const parts = target.split('/').filter((s) => s !== '' && s !== '.');
    const climbs = parts.findIndex((s) => s !== '..');
    const up = climbs === -1 ? parts.length : climbs;
    if (parts.slice(up).includes('..') || up > segments.length - 1)
      throw unsafe(name, 'is a link pointing outside the archive folder');
  }
}

function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Walks what was written: only files, folders and links resolving inside; counts files and bytes. */
async function verifyTree(root: string, limits: ExtractLimits): Promise<{ files: number; bytes: number }> {
  const rootReal = await realpath(root);
  let files = 0;
  let bytes = 0;
  let seen = 0;
  const pending = [rootReal];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    for (const name of await readdir(folder)) {
      const full = path.join(folder, name);
      seen += 1;
      if (seen > limits.maxEntries) throw tooLarge('', `it has more than ${limits.maxEntries} entries`);
      const info = await lstat(full);
      const rel = path.relative(rootReal, full);
      if (info.isSymbolicLink()) {
        const target = await realpath(full).catch(() => null);
        if (target === null || !isWithin(rootReal, target))
          throw unsafe(rel, 'is a link whose target is missing or outside the archive folder');
      } else if (info.isDirectory()) {
        pending.push(full);
      } else if (info.isFile()) {
        if (info.mode & 0o7000) throw unsafe(rel, 'kept a set-id or sticky bit');
        files += 1;
        bytes += info.size;
      } else {
        throw unsafe(rel, 'is not a regular file or folder');
      }
    }
  }
  return { files, bytes };
}

function translate(err: unknown): UserError {
  if (err instanceof UserError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new UserError(
    'extract.corrupt',
    'The installer archive could not be read: it is damaged or not a tar.gz file. Nothing was installed.',
    'Download the installer again, then retry.',
    { reason: sanitiseEntryName(message.slice(0, 200)) },
  );
}

type Filter = (entryPath: string, entry: ReadEntry | Stats) => boolean;

/** Room for headers, pax records and padding on top of the declared file sizes. */
const expandedCap = (caps: ExtractLimits) => caps.maxTotalBytes + caps.maxEntries * 4096 + 16 * 1024 * 1024;

/**
 * Streams the archive through gunzip into a tar Parser/Unpack whose filter applies a fresh EntryPolicy.
 * tar calls the filter before an entry is used; a refusal aborts the parser at that header. Decompression
 * is done here, not by tar, to cap the expanded bytes and the ratio, and to stop at the end-of-archive
 * marker instead of churning through a bomb of zero padding after it.
 */
function runParser(archivePath: string, make: (filter: Filter) => Parser, caps: ExtractLimits): Promise<number> {
  const policy = new EntryPolicy(caps);
  let refusal: UserError | null = null;
  const skipped = new WeakSet<object>();
  const input = createReadStream(archivePath);
  const gunzip = createGunzip();
  const stopInput = () => {
    input.unpipe();
    gunzip.unpipe();
    input.destroy();
    gunzip.destroy();
  };
  const refuse = (err: unknown) => {
    refusal ??= translate(err);
    stopInput();
    tarStream.abort(refusal);
  };
  const filter: Filter = (_entryPath, entry) => {
    if (refusal) return false;
    try {
      if (policy.check(entry as ReadEntry)) return true;
      skipped.add(entry);
    } catch (err) {
      refuse(err);
    }
    return false;
  };
  const tarStream = make(filter);
  // tar skips unknown entry types (sparse files, tape headers, oversized pax headers) without asking the filter.
  tarStream.on('ignoredEntry', (entry: ReadEntry) => {
    if (!refusal && !skipped.has(entry))
      refuse(unsafe(String(entry.path), `is a ${entry.type} entry, which is not allowed`));
  });
  tarStream.on('eof', () => {
    if (refusal) return;
    stopInput();
    tarStream.end();
  });
  let compressed = 0;
  let expanded = 0;
  input.on('data', (chunk: Buffer | string) => {
    compressed += chunk.length;
  });
  gunzip.on('data', (chunk: Buffer) => {
    expanded += chunk.length;
    if (refusal) return;
    if (expanded > expandedCap(caps)) refuse(tooLarge('', `it expands to more than ${expandedCap(caps)} bytes`));
    else if (expanded > 1024 * 1024 && expanded / Math.max(compressed, 1) > caps.maxRatio) {
      refuse(tooLarge('', 'it expands far more than a real installer (possible compression bomb)'));
    }
  });
  return new Promise<number>((resolve, reject) => {
    const failed = (err: unknown) => {
      stopInput();
      // A full disk is not a damaged archive: extractSafely says which folder is full and how much was needed.
      reject(refusal ?? (isDiskFull(err) && err instanceof Error ? err : translate(err)));
    };
    tarStream.on('error', failed);
    input.on('error', failed);
    gunzip.on('error', failed);
    tarStream.on('close', () => (refusal ? reject(refusal) : resolve(policy.declaredBytes)));
    input.pipe(gunzip).pipe(tarStream);
  });
}

/**
 * Extracts `archivePath` into a fresh 0700 folder under `destParent` (default the OS temp folder).
 * Throws UserError 'extract.unsafe', 'extract.tooLarge', 'extract.corrupt', 'extract.notFound' or, when the
 * disk or quota is full, 'install.diskSpace'; on any failure the folder is removed and nothing was written outside it.
 */
export async function extractSafely(
  archivePath: string,
  destParent: string = os.tmpdir(),
  limits: Partial<ExtractLimits> = {},
  /** Told the folder's name before it is created (the job journal), so a killed job's folder is removed later. */
  onWorkFolder?: (dir: string) => Promise<void>,
): Promise<ExtractResult> {
  const caps: ExtractLimits = { ...DEFAULT_EXTRACT_LIMITS, ...limits };
  const info = await stat(archivePath).catch(() => null);
  if (!info?.isFile()) {
    throw new UserError(
      'extract.notFound',
      `The installer archive ${archivePath} is missing or not a file.`,
      'Choose the installer again.',
      { file: archivePath },
    );
  }
  await mkdir(destParent, { recursive: true });
  const dir = path.join(destParent, `mobility-setup-extract-${randomBytes(6).toString('hex')}`);
  await onWorkFolder?.(dir);
  // Exclusive like mkdtemp: mkdir fails if the name exists (a folder or a link planted there).
  await mkdir(dir, { mode: 0o700 });
  let neededBytes: number | null = null;
  try {
    // Loaded here, not at the top: `serve`, `register` and the wizard's start then do not pay for tar's ~20 ms.
    const { Parser, Unpack } = await import('./tar-package');
    const common = { strict: true, maxDepth: caps.maxDepth };
    // Pass 1: headers only, nothing written. Pass 2: extract, re-checking every header (the file could
    // have changed in between); a refused entry aborts the whole run instead of being skipped.
    neededBytes = await runParser(
      archivePath,
      (filter) => new Parser({ ...common, filter, onReadEntry: (e: ReadEntry) => e.resume() }),
      caps,
    );
    await runParser(
      archivePath,
      (filter) =>
        new Unpack({
          ...common,
          filter,
          cwd: dir,
          preserveOwner: false,
          preservePaths: false,
          unlink: true,
          chmod: true,
          processUmask: 0o022,
        }),
      caps,
    );
    const { files, bytes } = await verifyTree(dir, caps);
    return { dir, files, bytes };
  } catch (err) {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    // A write tar had in flight when it aborted cannot recreate the folder (tar never creates its cwd),
    // but it can make the first removal race; remove again once it has settled.
    await new Promise((r) => setTimeout(r, 50));
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    if (isDiskFull(err)) throw await diskFullError(destParent, 'unpacking the installer', neededBytes);
    throw translate(err);
  }
}
