/**
 * The "does this exclusion cover the folder" decisions. ClamAV's expressions are checked against a real POSIX
 * ERE engine (GNU grep -E, the same regexec family clamd uses): wherever the translation accepts a pattern,
 * it must match exactly the lines grep matches. A "yes" must hold for every path under the folder.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ereCovers } from '../../../main/platform/linux/antivirus-clamav';
import { escapeEre, translateEre } from '../../../main/platform/linux/antivirus-ere';
import { POSIX_STYLE, WINDOWS_STYLE, wildcardCovers } from '../../../main/platform/antivirus-wildcard';

const segment = fc.stringMatching(/^[A-Za-z0-9._+() -]{1,8}$/).filter((s) => s !== '.' && s !== '..');
const folder = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`);
const suffix = fc.array(segment, { minLength: 0, maxLength: 3 }).map((parts) => parts.join('/'));

const ereAtom = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    'A',
    '/',
    '.',
    'x',
    '\\.',
    '\\(',
    '[ab]',
    '[^a]',
    '[[:alpha:]]',
    '[a-c]',
    '[]a]',
    '[\\]',
    '(a|b)',
    '(/a)',
  ),
  fc.constantFrom('^', '$'),
);
const ereQuant = fc.constantFrom('', '', '*', '+', '?', '{1,2}', '{2}');
const ere = fc
  .array(fc.tuple(ereAtom, ereQuant), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([a, q]) => (a === '^' || a === '$' ? a : a + q)).join(''));
const line = fc.stringMatching(/^[abxA/.()\]\\c-]{0,10}$/);

function grepMatches(pattern: string, lines: readonly string[]): boolean[] | null {
  // -n numbers the matching lines, so the result maps back to the input without parsing the line itself.
  const run = spawnSync('grep', ['-E', '-n', '--', pattern], {
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    env: { LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  if (run.status === 2) return null;
  const hit = new Set(
    run.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => Number(l.slice(0, l.indexOf(':'))) - 1),
  );
  return lines.map((_, i) => hit.has(i));
}

describe('ClamAV ExcludePath expressions', () => {
  it('match exactly what a POSIX ERE engine (grep -E) matches, wherever they are accepted', () => {
    fc.assert(
      fc.property(ere, fc.array(line, { minLength: 1, maxLength: 8 }), (pattern, lines) => {
        const translated = translateEre(pattern);
        if (translated === null) return;
        const expected = grepMatches(pattern, lines);
        if (expected === null) return;
        const re = new RegExp(translated);
        expect(
          lines.map((l) => re.test(l)),
          `${pattern} → ${translated}`,
        ).toEqual(expected);
      }),
      { numRuns: 120 },
    );
  });

  it('an escaped literal matches exactly itself', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }).filter((s) => !s.includes('\n')),
        (text) => {
          const translated = translateEre(`^${escapeEre(text)}$`);
          expect(translated).not.toBeNull();
          expect(new RegExp(translated!).test(text)).toBe(true);
        },
      ),
    );
  });

  it('the anchored line Mobility Setup writes covers the folder and every path under it, and not its siblings', () => {
    fc.assert(
      fc.property(folder, suffix, (dir, rest) => {
        const pattern = `^${escapeEre(dir)}/`;
        expect(ereCovers(pattern, dir)).toBe('yes');
        const re = new RegExp(translateEre(pattern)!);
        expect(re.test(`${dir}/${rest}`)).toBe(true);
        expect(re.test(`${dir}x/${rest}`)).toBe(false);
      }),
    );
  });

  it('"yes" is never wrong: every path under the folder matches', () => {
    fc.assert(
      fc.property(ere, fc.constantFrom('/a', '/ab/A', '/x.b', '/a(b)'), suffix, (pattern, dir, rest) => {
        if (ereCovers(pattern, dir) !== 'yes') return;
        const re = new RegExp(translateEre(pattern)!);
        expect(re.test(`${dir}/${rest}`), pattern).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('wildcard exclusions (Defender, mdatp, Sophos, ESET)', () => {
  it('a parent folder, with or without a trailing separator or "*", covers the folder; a sibling does not', () => {
    fc.assert(
      fc.property(folder, fc.nat(3), fc.constantFrom('', '/', '/*'), (dir, cut, tail) => {
        const parts = dir.split('/');
        const parent = parts.slice(0, Math.max(2, parts.length - cut)).join('/');
        expect(wildcardCovers(parent + tail, dir, POSIX_STYLE)).toBe('yes');
        expect(wildcardCovers(`${dir}x`, dir, POSIX_STYLE)).toBe('no');
        const win = `C:${dir.replace(/\//g, '\\')}`;
        expect(wildcardCovers(`c:${parent.replace(/\//g, '\\').toUpperCase()}`, win, WINDOWS_STYLE)).toBe('yes');
      }),
    );
  });

  it('a pattern that names only files inside the folder is "partly", never "yes"', () => {
    fc.assert(
      fc.property(folder, segment, (dir, name) => {
        expect(wildcardCovers(`${dir}/*.${name}`, dir, POSIX_STYLE)).toBe('partly');
      }),
    );
  });
});
