/** Human units for sizes and durations, formatted for the UI language. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Binary sizes with the familiar short names ("2.0 GB" for 2 GiB), as installers and df -h show them. */
export function formatBytes(bytes: number, language = 'en'): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  const number =
    (PLAIN_DECIMAL_LANGUAGES.has(language) ? plainDecimal(value, digits) : null) ??
    new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  return `${number} ${UNITS[unit]}`;
}

/** The languages whose numbers are "1,234.5": the same digits as Intl.NumberFormat gives without asking it. */
const PLAIN_DECIMAL_LANGUAGES: ReadonlySet<string> = new Set(['en', 'ko']);

/**
 * A non-negative `value` with exactly `digits` decimals, rounded half away from zero on its shortest decimal form
 * and grouped by thousands: what Intl.NumberFormat gives for English and Korean (a property test compares the two).
 * The disk sizes are the detection screen's only numbers, and a page's first Intl.NumberFormat loads Chromium's
 * number data: 50–130 ms of the main thread in a CPU profile, on the way to "Check complete.". Null for anything
 * else (negative, exponent form, not finite): Intl then formats it.
 */
export function plainDecimal(value: number, digits: number): string | null {
  const shortest = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(shortest);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  let kept = whole + fraction.slice(0, digits).padEnd(digits, '0');
  if ((fraction[digits] ?? '0') >= '5') kept = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
  const integer = kept.slice(0, kept.length - digits).replace(/^0+(?=\d)/, '');
  const grouped = integer.replace(/\B(?=(\d{3})+$)/g, ',');
  return digits === 0 ? grouped : `${grouped}.${kept.slice(kept.length - digits)}`;
}

/** Elapsed time as m:ss, or h:mm:ss past an hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export function formatCount(n: number, language = 'en'): string {
  return new Intl.NumberFormat(language).format(n);
}

/** A short duration in the locale's own unit ("12 ms", "12ms" in Korean), through Intl like every number here. */
export function formatMilliseconds(ms: number, language = 'en'): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(ms);
}
