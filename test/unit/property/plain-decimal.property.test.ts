import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, plainDecimal } from '../../../renderer/format/units';

const intl = (language: string, value: number, digits: number): string =>
  new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

describe('plainDecimal: the first screen numbers without Intl', () => {
  it('gives what Intl.NumberFormat gives in English and Korean, for sizes and for halves on the rounding edge', () => {
    const values = fc.oneof(
      fc.double({ min: 0, max: 1e15, noNaN: true }),
      fc.integer({ min: 0, max: 2 ** 53 - 1 }),
      // x.x5, x.x49999…: the cases a rounding shortcut gets wrong.
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100 + 0.005),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 20),
    );
    fc.assert(
      fc.property(values, fc.constantFrom(0, 1, 2), fc.constantFrom('en', 'ko'), (value, digits, language) => {
        const plain = plainDecimal(value, digits);
        // Exponent forms (1e-7, 1e+21) are left to Intl.
        if (plain === null) expect(String(value)).toMatch(/e/);
        else expect(plain).toBe(intl(language, value, digits));
      }),
      { numRuns: 5000 },
    );
  });

  it('formats sizes as before, and leaves other languages and odd values to Intl', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
    expect(formatBytes(1.25 * 1024 ** 2, 'ko')).toBe('1.3 MB');
    expect(formatBytes(2048 * 1024 ** 4)).toBe('2,048.0 TB');
    expect(formatBytes(1.5 * 1024 ** 3, 'de')).toBe('1,5 GB');
    expect(plainDecimal(-1, 1)).toBeNull();
    expect(plainDecimal(Number.NaN, 1)).toBeNull();
  });
});
