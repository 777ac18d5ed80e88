import type { FolderVerdict } from '../../common/antivirus';

/**
 * Wildcard exclusions as Defender, mdatp, Sophos and ESET write them: `*` is any run of characters within one
 * path segment, `?` one character. A folder exclusion covers the folder and everything under it, with or
 * without a trailing separator (`/usr/local/ASR/` and `/usr/local/ASR/*` cover /usr/local/ASR too).
 */
export interface WildcardStyle {
  separator: '/' | '\\';
  caseInsensitive: boolean;
}

export const POSIX_STYLE: WildcardStyle = { separator: '/', caseInsensitive: false };
export const WINDOWS_STYLE: WildcardStyle = { separator: '\\', caseInsensitive: true };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function segmentsOf(text: string, style: WildcardStyle): string[] {
  const unified = style.separator === '\\' ? text.replace(/\//g, '\\') : text;
  return unified.split(style.separator).filter((s, i) => s !== '' || i === 0);
}

function patternToRegExp(pattern: string, style: WildcardStyle): RegExp {
  const sep = escapeRegExp(style.separator);
  const body = [...pattern]
    .map((ch) => (ch === '*' ? `[^${sep}]*` : ch === '?' ? `[^${sep}]` : escapeRegExp(ch)))
    .join('');
  return new RegExp(`^${body}$`, style.caseInsensitive ? 'i' : '');
}

/** Does the exclusion `pattern` cover `folder` (and so every file under it)? */
export function wildcardCovers(pattern: string, folder: string, style: WildcardStyle): FolderVerdict['covered'] {
  // Not trimmed: a folder name may end in a space, and the product compares what it stores.
  let trimmed = pattern;
  if (trimmed.trim() === '') return 'no';
  const sepRun = style.separator === '\\' ? /[\\/]+$/ : /\/+$/;
  // "folder/*" and "folder/" both mean the folder's content; for a folder exclusion that is the folder.
  trimmed = trimmed.replace(style.separator === '\\' ? /[\\/]\*$/ : /\/\*$/, '').replace(sepRun, '');
  const wanted = segmentsOf(folder.replace(sepRun, ''), style);
  const parts = segmentsOf(trimmed, style);
  if (parts.length === 0) return 'no';
  const whole = patternToRegExp(parts.join(style.separator), style);
  // Covered when the pattern names the folder itself or one of its parents.
  for (let n = 1; n <= wanted.length; n += 1) {
    if (whole.test(wanted.slice(0, n).join(style.separator))) return 'yes';
  }
  // A longer pattern whose leading segments name the folder covers only some of its files.
  if (parts.length > wanted.length) {
    const head = patternToRegExp(parts.slice(0, wanted.length).join(style.separator), style);
    if (head.test(wanted.join(style.separator))) return 'partly';
  }
  return 'no';
}
