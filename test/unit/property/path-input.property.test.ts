import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../common/api';
import { checkPathInput, hasControlCharacter } from '../../../common/path-input';
import { hostileText } from './hostile-strings';

/** Every character the validator must refuse: C0, DEL, C1, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }), fc.constantFrom(0x2028, 0x2029))
  .map((c) => String.fromCharCode(c));

const isControl = (c: string) => {
  const n = c.codePointAt(0) ?? 0;
  return n <= 0x1f || (n >= 0x7f && n <= 0x9f) || n === 0x2028 || n === 0x2029;
};

describe('checkPathInput', () => {
  it('refuses any path with a control character anywhere, in the validator and in the contract schema', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), controlChar, fc.string({ maxLength: 40 }), (before, control, after) => {
        const text = `/opt/${before}${control}${after}`;
        const check = checkPathInput(text, 'The install folder');
        expect(check).toMatchObject({ ok: false, code: 'path.controlCharacter' });
        // The message never echoes the path: it could carry terminal escapes.
        if (!check.ok) expect(check.message).not.toContain(control);
        expect(
          requestSchemas.startInstall.safeParse({
            installerDir: '/srv',
            installDir: text,
            registration: { mode: 'none', serverKind: 'classic' },
          }).success,
        ).toBe(false);
        expect(requestSchemas.findInstaller.safeParse({ dir: text }).success).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts exactly the non-empty texts without such characters (hostile text included)', () => {
    fc.assert(
      fc.property(hostileText('/tmp/x', 60), (text) => {
        const clean = text.length > 0 && ![...text].some(isControl);
        expect(checkPathInput(text).ok).toBe(clean);
        expect(hasControlCharacter(text)).toBe([...text].some(isControl));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the classic cases', () => {
    for (const bad of [
      '/opt/asr\nINSTALLATION_DIR=/tmp/x',
      '/opt/asr\r',
      '/opt/\0x',
      '/opt/\u001b[31m',
      '/opt/\u0085x',
      '/opt/\u2028x',
      '/opt/\u2029x',
      '/opt/\u007f',
    ]) {
      expect(checkPathInput(bad).ok).toBe(false);
    }
    for (const good of [
      '/opt/asr',
      'C:\\Program Files (x86)\\Microsoft Azure Site Recovery',
      '/srv/ünïcødé/📦',
      '/a b/c',
    ])
      expect(checkPathInput(good).ok).toBe(true);
    expect(checkPathInput('')).toMatchObject({ ok: false, code: 'path.empty' });
    expect(checkPathInput(`/${'a'.repeat(5000)}`)).toMatchObject({ ok: false, code: 'path.tooLong' });
  });
});
