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
 * A non-negative `value` with exactly `digits` decimals, grouped by thousands: what Intl.NumberFormat gives for
 * English and Korean (a property test compares the two). Like Intl it rounds the shortest decimal form half up, on
 * its digits (1.15 gives 1.2; toFixed gives 1.1). The disk sizes are the detection screen's only numbers, and a
 * page's first Intl.NumberFormat loads Chromium's number data: 50–130 ms of the main thread in a CPU profile, on the
 * way to "Check complete.". Null for anything else (negative, exponent form, not finite): Intl formats it.
 */
export function plainDecimal(value: number, digits: number): string | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!match) return null;
  const fraction = match[2] ?? '';
  const kept = BigInt(`${match[1] ?? ''}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  const text = String((fraction[digits] ?? '0') >= '5' ? kept + 1n : kept).padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits).replace(/\B(?=(\d{3})+$)/g, ',');
  return digits === 0 ? whole : `${whole}.${text.slice(-digits)}`;
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
