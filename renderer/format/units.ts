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
  const number = new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${UNITS[unit]}`;
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
