/** Agent version order, shared by the core (installer choice, upgrade or downgrade) and the wizard's review. */

/** Digits without leading zeros, so equal numbers compare equal as text. Non-numeric parts count as 0. */
function normalisePart(part: string | undefined): string {
  if (part === undefined || !/^\d+$/.test(part)) return '0';
  return part.replace(/^0+(?=\d)/, '');
}

/**
 * Compares dotted numeric versions ("9.65.0.0") part by part as whole numbers: -1, 0 or 1.
 * Missing parts count as 0 ("9.65" equals "9.65.0.0"); exact for any number of digits.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = normalisePart(left[i]);
    const y = normalisePart(right[i]);
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
