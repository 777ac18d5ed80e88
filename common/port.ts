/**
 * The one rule for a TCP port typed as text (command-line options, server addresses, the demo): digits only
 * (no sign, spaces, exponent or hex, which Number() would accept), 1 to 65535, and 0 only where it means
 * "pick a free port" (serve, open).
 */
export function parsePort(text: string, options: { allowZero?: boolean } = {}): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= (options.allowZero ? 0 : 1) && port <= 65535 ? port : null;
}

/** What to type instead, in the words every front door uses. */
export function portRangeMessage(options: { allowZero?: boolean } = {}): string {
  return `The port must be a number from ${options.allowZero ? 0 : 1} to 65535.`;
}
