/**
 * Finds the vendor installer for this machine in a folder the person chose, hashes it and compares it
 * with a checksum file when one sits beside it. The pure parts (name parsing, version order) are exported
 * for property tests; the scan never recurses and never follows a link out of the folder.
 */
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChecksumState, InstallerCandidate, InstallerChoice } from '../../../common/install';
import { UserError } from '../../../common/result';
import { compareVersions } from '../../../common/version';
import type { InstallerNaming } from '../../platform/os-profile';
import { checkInstallerTrust } from './installer-trust';

export interface ParsedInstallerName {
  version: string;
  /** OS token, e.g. "UBUNTU-22.04-64"; "Windows" for the .exe. */
  token: string;
  /** The vendor's build date text, e.g. "23Apr2025". */
  date: string;
  platform: 'linux' | 'win32';
}

// Version parts are capped at 9 digits: real versions are small, and the cap keeps the numbers exact.
const LINUX_NAME =
  /^Microsoft-ASR_UA_(\d{1,9}(?:\.\d{1,9}){3})_([A-Z0-9][A-Z0-9.-]{0,39})_GA_([A-Za-z0-9]{1,20})_release\.tar\.gz$/;
const WINDOWS_NAME = /^Microsoft-ASR_UA_(\d{1,9}(?:\.\d{1,9}){3})_Windows_GA_([A-Za-z0-9]{1,20})_release\.exe$/;
const DOWNLOAD_HINT =
  "the vendor's Mobility service download list, or copy it from the configuration server's installer repository";
const MAX_CHECKSUM_FILE = 1024 * 1024;

/** Parses a vendor installer file name; null for anything else. Never throws. */
export function parseInstallerName(name: string): ParsedInstallerName | null {
  if (typeof name !== 'string' || name.length > 255) return null;
  const win = WINDOWS_NAME.exec(name);
  if (win) return { version: win[1] ?? '', token: 'Windows', date: win[2] ?? '', platform: 'win32' };
  const linux = LINUX_NAME.exec(name);
  if (linux) return { version: linux[1] ?? '', token: linux[2] ?? '', date: linux[3] ?? '', platform: 'linux' };
  return null;
}

// compareVersions lives in common/ (the wizard's review compares versions the same way); re-exported for the core.
export { compareVersions };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "23Apr2025" → 20250423, to tie-break two builds of one version; 0 for any other shape. */
export function buildDateKey(date: string): number {
  const match = /^(\d{1,2})([A-Za-z]{3})(\d{4})$/.exec(date);
  const month = match ? MONTHS.indexOf((match[2] ?? '').toLowerCase()) : -1;
  if (!match || month < 0) return 0;
  return Number(match[3]) * 10_000 + (month + 1) * 100 + Number(match[1]);
}

/** SHA-256 of a file, streamed: installers are hundreds of megabytes. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

const COPY_CHUNK = 1024 * 1024;

/**
 * Copies the installer into `destDir` (a private 0700 folder of ours) as a new 0600 file (exclusive
 * create, so nothing planted is written through) and hashes exactly the bytes written. Whoever can write
 * the installer folder can swap the file after it was checked; everything after this works on the copy,
 * which only we can change, so the hash of the copy is the hash of what is extracted and run.
 */
export async function copyInstallerPrivately(
  source: string,
  destDir: string,
): Promise<{ path: string; sha256: string; sizeBytes: number }> {
  const dest = path.join(destDir, path.basename(source));
  // O_NOFOLLOW: a link put in the installer's place is refused (ELOOP), never followed (as root, to another file).
  const input = await open(source, constants.O_RDONLY | ((constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0));
  try {
    if (!(await input.stat()).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EINVAL' });
    const output = await open(dest, 'wx', 0o600);
    try {
      const hash = createHash('sha256');
      const buffer = Buffer.alloc(COPY_CHUNK);
      let total = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, COPY_CHUNK, null);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        // write() may write less than asked (a file system filling up does so before it says ENOSPC): loop, so
        // the copy holds every byte that was hashed, and a full disk ends in ENOSPC, not in a truncated copy.
        for (let written = 0; written < bytesRead;)
          written += (await output.write(chunk, written, bytesRead - written)).bytesWritten;
        total += bytesRead;
      }
      return { path: dest, sha256: hash.digest('hex'), sizeBytes: total };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

interface Found extends ParsedInstallerName {
  fileName: string;
  path: string;
  sizeBytes: number;
}

/** A regular file directly in the folder, or a link to one that stays inside it; anything else is skipped. */
async function regularFileInside(dirReal: string, file: string): Promise<number | null> {
  const info = await lstat(file);
  if (info.isFile()) return info.size;
  if (!info.isSymbolicLink()) return null;
  const target = await realpath(file).catch(() => null);
  if (target === null || path.dirname(target) !== dirReal) return null;
  const targetInfo = await stat(target);
  return targetInfo.isFile() ? targetInfo.size : null;
}

async function scanFolder(dir: string): Promise<{ found: Found[]; seen: string[]; skipped: string[] }> {
  let dirReal: string;
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    dirReal = await realpath(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'ERROR';
    throw new UserError(
      'installer.folderMissing',
      `The installer folder ${dir} does not exist or is not a folder (${code}).`,
      'Choose the folder that holds the Mobility service installer you downloaded.',
      { dir },
    );
  }
  const found: Found[] = [];
  const seen: string[] = [];
  const skipped: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const parsed = parseInstallerName(name);
    if (!parsed) continue;
    seen.push(name);
    const full = path.join(dir, name);
    const size = await regularFileInside(dirReal, full).catch(() => null);
    if (size === null) skipped.push(name);
    else found.push({ ...parsed, fileName: name, path: full, sizeBytes: size });
  }
  return { found, seen, skipped };
}

function newestFirst(a: Found, b: Found): number {
  return (
    compareVersions(b.version, a.version) ||
    buildDateKey(b.date) - buildDateKey(a.date) ||
    (a.fileName < b.fileName ? -1 : 1)
  );
}

function noneFound(dir: string, token: string, naming: InstallerNaming, seen: string[], skipped: string[]): UserError {
  const wanted = naming.wantedFileName(token);
  const list =
    seen.length === 0
      ? 'no installer files'
      : seen.slice(0, 10).join(', ') + (seen.length > 10 ? `, and ${seen.length - 10} more` : '');
  const links = skipped.length ? ` Skipped (not a regular file in the folder): ${skipped.slice(0, 5).join(', ')}.` : '';
  return new UserError(
    'installer.none',
    `No installer for ${token} in ${dir}. Found: ${list}.${links} Download ${wanted} from ${DOWNLOAD_HINT}.`,
    `Put ${wanted} in ${dir}, then search again.`,
    { dir, token, found: seen.join(', '), wanted },
  );
}

function chooseCandidate(
  dir: string,
  wantedToken: string | null,
  naming: InstallerNaming,
  scan: Awaited<ReturnType<typeof scanFolder>>,
): Found {
  const forPlatform = scan.found.filter((f) => f.platform === naming.platform);
  let token = naming.tokenFor(wantedToken);
  if (token === null) {
    // The OS token could not be detected: only an unambiguous folder is usable (the vendor installer re-checks the OS).
    const tokens = [...new Set(forPlatform.map((f) => f.token))];
    if (tokens.length > 1) {
      throw new UserError(
        'installer.ambiguous',
        `This machine's OS token could not be detected, and ${dir} holds installers for several: ${tokens.join(', ')}.`,
        'Keep only the installer for this distribution in the folder, then search again.',
        { dir, tokens: tokens.join(', ') },
      );
    }
    token = tokens[0] ?? 'this Linux distribution';
  }
  const matching = forPlatform.filter((f) => f.token === token).sort(newestFirst);
  const best = matching[0];
  if (!best) throw noneFound(dir, token, naming, scan.seen, scan.skipped);
  return best;
}

function parseChecksumLine(line: string): { hex: string; name: string | null } | null {
  const match = /^([0-9a-fA-F]{64})(?:\s+\*?(\S.*?))?\s*$/.exec(line.replace(/^\uFEFF/, ''));
  if (!match) return null;
  const name = match[2] ? match[2].replace(/^\.\//, '') : null;
  return { hex: (match[1] ?? '').toLowerCase(), name };
}

async function readSmallFile(file: string): Promise<string | null> {
  const info = await lstat(file).catch(() => null);
  if (!info?.isFile() || info.size > MAX_CHECKSUM_FILE) return null;
  return readFile(file, 'utf8');
}

/**
 * The expected hash for the installer: `<file>.sha256` (`<hex>` or `<hex>  <name>`) first, then a
 * `SHA256SUMS` line naming the file. A checksum file that is there but does not vouch for this installer
 * (a `.sha256` naming another file or holding no hash, a `SHA256SUMS` without a line for this file) counts
 * as a mismatch (hex null) rather than "absent": whoever published the sums did not publish this file,
 * and a planted newer "version" next to a genuine SHA256SUMS must not pass as merely unchecked.
 */
export async function findExpectedChecksum(installer: string): Promise<{ file: string; hex: string | null } | null> {
  const fileName = path.basename(installer);
  const own = `${installer}.sha256`;
  const ownText = await readSmallFile(own);
  if (ownText !== null) {
    const first = ownText.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    const parsed = parseChecksumLine(first.trim());
    return { file: own, hex: parsed && (parsed.name === null || parsed.name === fileName) ? parsed.hex : null };
  }
  const sums = path.join(path.dirname(installer), 'SHA256SUMS');
  const sumsText = await readSmallFile(sums);
  if (sumsText === null) return null;
  for (const line of sumsText.split(/\r?\n/)) {
    const parsed = parseChecksumLine(line.trim());
    if (parsed?.name === fileName) return { file: sums, hex: parsed.hex };
  }
  return { file: sums, hex: null };
}

/**
 * Picks the newest installer in `dir` for the token the OS profile's naming asks for (not recursive),
 * checks who could have planted or changed it (installer-trust.ts), hashes it and checks it against a checksum
 * file beside it. Throws UserError 'installer.folderMissing', 'installer.none' (names the token and what was
 * found), 'installer.ambiguous' (token unknown, several found) or 'installer.untrusted' (owner or mode).
 */
export async function findInstaller(
  dir: string,
  wantedToken: string | null,
  naming: InstallerNaming,
): Promise<InstallerChoice> {
  const scan = await scanFolder(dir);
  const best = chooseCandidate(dir, wantedToken, naming, scan);
  const owner = await checkInstallerTrust(best.path, dir);
  const chosen: InstallerCandidate = {
    fileName: best.fileName,
    path: best.path,
    version: best.version,
    token: best.token,
    platform: best.platform,
    sizeBytes: best.sizeBytes,
  };
  const [sha256, expected] = await Promise.all([sha256File(best.path), findExpectedChecksum(best.path)]);
  let checksum: ChecksumState = 'absent';
  if (expected) checksum = expected.hex === sha256 ? 'match' : 'mismatch';
  return {
    chosen,
    sha256,
    checksum,
    checksumFile: expected?.file ?? null,
    expectedSha256: expected?.hex ?? null,
    seen: scan.seen,
    owner,
  };
}

/** Stops an install before anything runs when the installer does not match its checksum file. */
export function assertChecksumOk(choice: InstallerChoice): void {
  if (choice.checksum !== 'mismatch') return;
  const expected = choice.expectedSha256 ?? '(no SHA-256 for this file: the checksum file does not list it)';
  throw new UserError(
    'installer.checksumMismatch',
    `The installer ${choice.chosen.fileName} does not match its checksum file ${choice.checksumFile ?? ''}: expected ${expected}, got ${choice.sha256}. The file is damaged or was changed; re-download the installer; nothing was installed.`,
    'Download the installer again (and its checksum file), then retry.',
    { file: choice.chosen.fileName, expected, actual: choice.sha256, checksumFile: choice.checksumFile ?? '' },
  );
}
