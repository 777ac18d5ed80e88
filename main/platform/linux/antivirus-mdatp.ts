/**
 * Microsoft Defender for Endpoint on Linux (`mdatp`): command builders and output parsers. Pure.
 * Formats: ../shared/antivirus.md. The JSON reader is tolerant (field names vary between versions).
 */

export const MDATP_PATHS = ['/usr/bin/mdatp', '/opt/microsoft/mdatp/sbin/wdavdaemonclient'] as const;
export const MDATP_INSTALL_DIR = '/opt/microsoft/mdatp';
export const MDATP_MANAGED_CONFIG = '/etc/opt/microsoft/mdatp/managed/mdatp_managed.json';

export const mdatpRealTimeArgs = (): string[] => ['health', '--field', 'real_time_protection_enabled'];
export const mdatpExclusionListArgs = (): string[] => ['exclusion', 'list'];
/** `global` scope: antivirus and EDR. The path is its own argument, so no quoting is involved. */
export const mdatpAddFolderArgs = (folder: string): string[] => [
  'exclusion',
  'folder',
  'add',
  '--path',
  `${folder.replace(/\/+$/, '')}/`,
  '--scope',
  'global',
];

export interface MdatpFlag {
  value: boolean | null;
  /** Set by a managed profile (" [managed]"): a local change cannot override it. */
  managed: boolean;
}

/** `mdatp health --field …`: `true`/`false` (older releases `1`/`0`), maybe quoted, maybe with ` [managed]`. */
export function parseMdatpFlag(output: string): MdatpFlag {
  const text = output.trim().split(/\r?\n/).pop()?.trim() ?? '';
  const managed = /\[managed\]\s*$/i.test(text);
  const bare = text
    .replace(/\s*\[managed\]\s*$/i, '')
    .replace(/^"|"$/g, '')
    .toLowerCase();
  const value = bare === 'true' || bare === '1' ? true : bare === 'false' || bare === '0' ? false : null;
  return { value, managed };
}

export interface MdatpExclusion {
  kind: 'folder' | 'file' | 'extension' | 'process' | 'other';
  /** The path, extension or process name as mdatp shows it. */
  value: string;
  scopes: string[];
  managed: boolean;
}

function kindOf(title: string): MdatpExclusion['kind'] {
  const t = title.toLowerCase();
  if (t.includes('folder') || t.includes('directory')) return 'folder';
  if (t.includes('extension')) return 'extension';
  if (t.includes('file')) return 'file';
  if (t.includes('process')) return 'process';
  return 'other';
}

const unquote = (text: string) => text.trim().replace(/^"(.*)"$/, '$1');

/**
 * `mdatp exclusion list` in its text form: blocks between lines of "=", each a title ("Excluded folder")
 * and `Key: value` lines (`Path: "/x/"`, `Scope: ["epp"]`, `Is directory: true`, `[managed]` markers).
 */
export function parseMdatpExclusionText(output: string): MdatpExclusion[] {
  const blocks = output
    .split(/^=+\s*$/m)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const found: MdatpExclusion[] = [];
  for (const block of blocks) {
    const lines = block
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0 || /^no exclusions/i.test(lines[0]!)) continue;
    const title = lines[0]!;
    const fields = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) fields.set(m[1]!.trim().toLowerCase(), m[2]!.trim());
    }
    const value = fields.get('path') ?? fields.get('extension') ?? fields.get('name') ?? fields.get('process') ?? null;
    if (value === null) continue;
    const managed = block.includes('[managed]');
    const cleaned = unquote(value.replace(/\s*\[managed\]\s*$/, ''));
    const scopeText = fields.get('scope')?.replace(/\s*\[managed\]\s*$/, '') ?? '';
    const scopes = [...scopeText.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    const isDirectory = fields.get('is directory');
    const kind = isDirectory === 'true' ? 'folder' : kindOf(title);
    found.push({ kind, value: cleaned, scopes: scopes.length > 0 ? scopes : ['epp'], managed });
  }
  return found;
}

/** `mdatp exclusion list --output json` and managed-profile entries ({"$type":"excludedPath","path":…,"isDirectory":…}). */
export function parseMdatpExclusionJson(output: string): MdatpExclusion[] | null {
  let data: unknown;
  try {
    data = JSON.parse(output);
  } catch {
    return null;
  }
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null
      ? ((data as Record<string, unknown>).exclusions ?? (data as Record<string, unknown>).exclusionList)
      : null;
  if (!Array.isArray(list)) return null;
  const found: MdatpExclusion[] = [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const rawType = e.$type ?? e.type;
    const type = typeof rawType === 'string' ? rawType : '';
    const value = e.path ?? e.extension ?? e.name;
    if (typeof value !== 'string') continue;
    const isDir =
      e.isDirectory === true || /folder|directory/i.test(type) || (type === 'excludedPath' && value.endsWith('/'));
    const rawScopes = e.scopes ?? e.scope;
    const scopes = Array.isArray(rawScopes)
      ? rawScopes.map(String)
      : typeof rawScopes === 'string'
        ? [rawScopes]
        : ['epp'];
    const kind = isDir ? 'folder' : /extension/i.test(type) ? 'extension' : /process/i.test(type) ? 'process' : 'file';
    found.push({ kind, value, scopes, managed: e.managed === true || e.isManaged === true });
  }
  return found;
}

/** The managed profile's merge policy: with `admin_only`, exclusions added locally do not apply. */
export function managedMergePolicy(managedJson: string | null): 'merge' | 'admin_only' | null {
  if (managedJson === null) return null;
  try {
    const data = JSON.parse(managedJson) as {
      exclusionSettings?: { mergePolicy?: string };
      antivirusEngine?: { exclusionsMergePolicy?: string };
    };
    const policy = data.exclusionSettings?.mergePolicy ?? data.antivirusEngine?.exclusionsMergePolicy;
    return policy === 'admin_only' ? 'admin_only' : 'merge';
  } catch {
    return null;
  }
}

/** Managed-profile exclusions (antivirusEngine.exclusions or exclusionSettings.exclusions). */
export function managedExclusions(managedJson: string | null): MdatpExclusion[] {
  if (managedJson === null) return [];
  try {
    const data = JSON.parse(managedJson) as {
      antivirusEngine?: { exclusions?: unknown };
      exclusionSettings?: { exclusions?: unknown };
    };
    const list = data.exclusionSettings?.exclusions ?? data.antivirusEngine?.exclusions;
    return (parseMdatpExclusionJson(JSON.stringify(list ?? [])) ?? []).map((e) => ({ ...e, managed: true }));
  } catch {
    return [];
  }
}

export const MDATP_ADD_SUCCESS = /configured successfully/i;
