import path from 'node:path';
import type { FolderVerdict } from '../../../common/antivirus';
import { escapeEre, translateEre } from './antivirus-ere';

/** Where distributions put clamd's configuration (Debian/Ubuntu first, then RHEL/Fedora, then a source build). */
export const CLAMD_CONFIG_CANDIDATES = [
  '/etc/clamav/clamd.conf',
  '/etc/clamd.d/scan.conf',
  '/etc/clamd.conf',
  '/usr/local/etc/clamd.conf',
] as const;
export const CLAMD_CONFIG_DIR = '/etc/clamd.d';

export interface ClamdOption {
  value: string;
  /** 1-based line number, for messages. */
  line: number;
}

export interface ClamdConfig {
  excludePaths: ClamdOption[];
  onAccessExcludePaths: ClamdOption[];
  /** A leftover `Example` line: clamd refuses to start while it is there (Fedora/RHEL ship it). */
  hasExampleLine: boolean;
  /** Option names this parser does not interpret, e.g. an `Include` some guide suggested (clamd has no includes). */
  otherOptions: string[];
}

/**
 * Parses clamd.conf: one `Option value` per line, `#` comments, values optionally in double quotes.
 * Pure; clamd reads options case-sensitively, and so does this.
 */
export function parseClamdConf(text: string): ClamdConfig {
  const config: ClamdConfig = { excludePaths: [], onAccessExcludePaths: [], hasExampleLine: false, otherOptions: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(\S+)(?:\s+(.*))?$/.exec(line);
    if (!match) return;
    const name = match[1]!;
    let value = (match[2] ?? '').trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name === 'Example') config.hasExampleLine = true;
    else if (name === 'ExcludePath') config.excludePaths.push({ value, line: index + 1 });
    else if (name === 'OnAccessExcludePath') config.onAccessExcludePaths.push({ value, line: index + 1 });
    else config.otherOptions.push(name);
  });
  return config;
}

/** Sample paths inside a folder, for patterns whose match depends on where a path ends. */
const SAMPLE_CHILDREN = ['', 'x', 'Vx/bin/appservice', 'etc/drscout.conf', 'a b/c.log', 'var/log/ua.tmp'];

/** Drops what lies inside bracket expressions and escapes, to look for a top-level "$". */
function hasEndAnchor(jsSource: string): boolean {
  return jsSource
    .replace(/\\./g, '')
    .replace(/\[\^\]/g, '')
    .replace(/\[(?:\\.|[^\]])*\]/g, '')
    .includes('$');
}

/**
 * Does one ExcludePath regular expression keep every file under `folder` out of clamd's scans?
 * Without a "$", a match inside "folder/" is a match inside every path under it (a match stays a match when
 * text is added on the right), so the answer is exact. With one, only samples can be tried: all samples
 * matching is still "unknown", some is "partly". An expression that cannot be translated is "unknown".
 */
export function ereCovers(pattern: string, folder: string): FolderVerdict['covered'] {
  const translated = translateEre(pattern);
  if (translated === null) return 'unknown';
  // "X.*$" matches a string exactly when X does.
  const source =
    translated.endsWith('[^]*$') && !translated.endsWith('\\[^]*$') ? translated.slice(0, -'[^]*$'.length) : translated;
  const re = new RegExp(source);
  const base = `${folder.replace(/\/+$/, '')}/`;
  const samples = SAMPLE_CHILDREN.map((child) => base + child);
  const hits = samples.filter((sample) => re.test(sample)).length;
  if (!hasEndAnchor(source)) return re.test(base) ? 'yes' : hits > 0 ? 'partly' : 'no';
  if (hits === 0) return 'no';
  return hits === samples.length ? 'unknown' : 'partly';
}

/** OnAccessExcludePath: an exact folder (and its subfolders) before ClamAV 1.5.0, a regular expression from 1.5.0. */
export function onAccessCovers(value: string, folder: string): FolderVerdict['covered'] {
  const asFolder = value.replace(/\/+$/, '');
  const byFolder = folder === asFolder || folder.startsWith(`${asFolder}/`);
  const byRegex = ereCovers(value, folder);
  if (byFolder && byRegex === 'yes') return 'yes';
  // The two readings disagree, and the installed version decides which one clamonacc uses.
  if (byFolder || byRegex === 'yes') return 'unknown';
  return byRegex === 'partly' ? 'partly' : byRegex === 'unknown' ? 'unknown' : 'no';
}

const RANK: Record<FolderVerdict['covered'], number> = { yes: 3, unknown: 2, partly: 1, no: 0 };

/** The verdict for each folder: the best any exclusion line gives it. */
export function clamdFolderVerdicts(config: ClamdConfig, folders: readonly string[]): FolderVerdict[] {
  return folders.map((folder) => {
    let best: FolderVerdict = { folder, covered: 'no', by: null };
    const consider = (covered: FolderVerdict['covered'], by: string) => {
      if (RANK[covered] > RANK[best.covered]) best = { folder, covered, by };
    };
    for (const option of config.excludePaths) consider(ereCovers(option.value, folder), `ExcludePath ${option.value}`);
    for (const option of config.onAccessExcludePaths)
      consider(onAccessCovers(option.value, folder), `OnAccessExcludePath ${option.value}`);
    return best;
  });
}

/** The anchored line Mobility Setup adds: the folder and everything under it, nothing else. */
export function excludePathLine(folder: string): string {
  // A line break would start a configuration line of its own: never write one (the core refuses such folders first).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(folder)) throw new Error('folder contains a control character');
  return `ExcludePath ^${escapeEre(folder.replace(/\/+$/, ''))}/`;
}

/**
 * The configuration text with one ExcludePath line per folder that is not covered yet (unchanged when all are).
 * Lines go at the end, under a comment saying who added them, so a diff shows exactly what changed.
 */
export function withExcludePaths(text: string, folders: readonly string[]): { text: string; added: string[] } {
  const verdicts = clamdFolderVerdicts(parseClamdConf(text), folders);
  const added = verdicts.filter((v) => v.covered !== 'yes').map((v) => excludePathLine(v.folder));
  if (added.length === 0) return { text, added };
  const ending = text === '' || text.endsWith('\n') ? '' : '\n';
  return {
    text: `${text}${ending}# Added by Mobility Setup: keep the Mobility service's folders out of clamd's scans.\n${added.join('\n')}\n`,
    added,
  };
}

/** The systemd unit that runs clamd with this configuration file. */
export function clamdServiceFor(configPath: string): string {
  if (configPath.startsWith(`${CLAMD_CONFIG_DIR}/`)) return `clamd@${path.posix.basename(configPath, '.conf')}`;
  return 'clamav-daemon';
}

/** The configuration file a running clamd was started with (`-c FILE`, `--config-file FILE` or `--config-file=FILE`). */
export function configFromCmdline(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg.startsWith('--config-file=')) return arg.slice('--config-file='.length) || null;
    if ((arg === '-c' || arg === '--config-file') && argv[i + 1]) return argv[i + 1]!;
  }
  return null;
}
