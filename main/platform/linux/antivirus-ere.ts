/**
 * POSIX extended regular expressions (ClamAV's ExcludePath, matched with regexec) translated to JavaScript.
 * Only the part of ERE whose meaning is the same in both is accepted; anything else (back-references, GNU
 * escapes such as \w or \<, collating elements, malformed bounds) returns null, and the caller says
 * "cannot tell" instead of guessing. Whether a match exists does not depend on POSIX's leftmost-longest
 * rule, so the translation answers "does it match" exactly.
 */

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

const escapeClassChar = (ch: string) => (/[\\\][^-]/.test(ch) ? `\\${ch}` : ch);

/** A bracket expression starting at `start` ("["); returns the JS class and the index after "]", or null. */
function translateBracket(source: string, start: number): { text: string; next: number } | null {
  let i = start + 1;
  let negate = false;
  if (source[i] === '^') {
    negate = true;
    i += 1;
  }
  let out = '';
  let first = true;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === ']' && !first) return { text: `[${negate ? '^' : ''}${out}]`, next: i + 1 };
    first = false;
    if (ch === '[' && source[i + 1] === ':') {
      const end = source.indexOf(':]', i + 2);
      const name = end === -1 ? '' : source.slice(i + 2, end);
      const cls = CLASSES[name];
      if (cls === undefined) return null;
      out += cls;
      i = end + 2;
      continue;
    }
    // Collating elements and equivalence classes have no JavaScript counterpart.
    if (ch === '[' && (source[i + 1] === '.' || source[i + 1] === '=')) return null;
    if (source[i + 1] === '-' && source[i + 2] !== undefined && source[i + 2] !== ']') {
      const to = source[i + 2]!;
      if (to === '[') return null;
      if (to < ch) return null;
      out += `${escapeClassChar(ch)}-${escapeClassChar(to)}`;
      i += 3;
      continue;
    }
    // Inside brackets a backslash is an ordinary character in POSIX.
    out += escapeClassChar(ch);
    i += 1;
  }
  return null;
}

/** The JavaScript source for an ERE, or null when it uses something this translation does not accept. */
export function translateEre(source: string): string | null {
  let out = '';
  let depth = 0;
  // Whether a quantifier may follow (POSIX leaves "*" at the start undefined: refuse it).
  let canRepeat = false;
  for (let i = 0; i < source.length;) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      // Only an escaped special character is a literal with the same meaning everywhere.
      if (next === undefined || !/[.[\]\\()*+?{}|^$/-]/.test(next)) return null;
      out += next === '/' || next === '-' ? next : `\\${next}`;
      i += 2;
      canRepeat = true;
      continue;
    }
    if (ch === '[') {
      const bracket = translateBracket(source, i);
      if (!bracket) return null;
      out += bracket.text;
      i = bracket.next;
      canRepeat = true;
      continue;
    }
    if (ch === '*' || ch === '+' || ch === '?') {
      if (!canRepeat) return null;
      out += ch;
      i += 1;
      canRepeat = false;
      continue;
    }
    if (ch === '{') {
      const bound = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(source.slice(i));
      if (!bound || !canRepeat) return null;
      if (bound[3] !== undefined && bound[3] !== '' && Number(bound[3]) < Number(bound[1])) return null;
      out += bound[0];
      i += bound[0].length;
      canRepeat = false;
      continue;
    }
    if (ch === '(') {
      if (source[i + 1] === ')') return null;
      depth += 1;
      out += '(';
      i += 1;
      canRepeat = false;
      continue;
    }
    if (ch === ')') {
      if (depth === 0) return null;
      depth -= 1;
      out += ')';
      i += 1;
      canRepeat = true;
      continue;
    }
    if (ch === '|') {
      out += '|';
      i += 1;
      canRepeat = false;
      continue;
    }
    if (ch === '^' || ch === '$') {
      // An anchor inside a branch ("a$b", "^$\\.$") is where engines part: regexec treats it as an anchor that
      // can never match there, GNU grep's matcher does not always. Accept anchors only at a branch's edges.
      // (Read from the output, where a literal "(" or "|" is escaped: "\\(^" is not a branch's start.)
      const atStart = out === '' || /(^|[^\\])[(|]$/.test(out);
      const atEnd = i === source.length - 1 || source[i + 1] === ')' || source[i + 1] === '|';
      if (ch === '^' ? !atStart : !atEnd) return null;
      out += ch;
      i += 1;
      canRepeat = false;
      continue;
    }
    if (ch === '.') {
      // POSIX "." matches any character; paths have no newlines, but say so exactly anyway.
      out += '[^]';
      i += 1;
      canRepeat = true;
      continue;
    }
    out += /[\]}/]/.test(ch) ? `\\${ch}` : ch;
    i += 1;
    canRepeat = true;
  }
  if (depth !== 0) return null;
  try {
    new RegExp(out);
  } catch {
    return null;
  }
  return out;
}

/** An ERE that matches exactly `text` as a literal (for writing an anchored ExcludePath). */
export function escapeEre(text: string): string {
  return text.replace(/[.[\]\\()*+?{}|^$]/g, '\\$&');
}
