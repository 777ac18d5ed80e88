/** Generators of hostile text shared by the property tests: shell syntax, control characters, odd Unicode. */
import fc from 'fast-check';

/** Characters a shell, a path parser or a terminal would treat specially, plus ordinary ones. */
export const hostileChar = fc.constantFrom(
  ...'abcXYZ019.-_:/\\[] ;&|$`\'"<>(){}*?!#~%@=+,^\n\t\r\0'.split(''),
  '\u00e9',
  '\u202e',
  '\uff0e',
  '\u3000',
  '\u0085',
  '\u200b',
  '\ud83d\ude00',
);

export const injections = [
  '; touch CANARY',
  '$(touch CANARY)',
  '`touch CANARY`',
  '&& touch CANARY',
  '| touch CANARY',
  '> CANARY',
  "' ; touch CANARY '",
  '"$(touch CANARY)"',
  '\ntouch CANARY',
];

/** Strings mixing hostile characters, arbitrary code points and shell-injection templates. */
export function hostileText(canary: string, maxLength = 40): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: hostileChar, maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc
      .tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), fc.constantFrom(...injections))
      .map(([a, b]) => a + b.replaceAll('CANARY', canary)),
  );
}

/** Only text that survives UTF-8 unchanged can be compared byte for byte after a process boundary. */
export function isWellFormed(text: string): boolean {
  return Buffer.from(text, 'utf8').toString('utf8') === text;
}
