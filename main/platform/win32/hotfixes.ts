/**
 * Installed Windows updates, from `wmic qfe get HotFixID` (present on every Windows the vendor supports that
 * needs the check: Server 2008 R2). Pure: the parser is tested on Linux against output kept in test/fixtures.
 */

/** The tool and its fixed arguments (no input reaches them). */
export const QFE_ARGS: readonly string[] = ['qfe', 'get', 'HotFixID'];

/** KB numbers in wmic's table (a header line, one id per line padded with spaces, CR CR LF line ends). */
export function parseHotFixIds(stdout: string): Set<string> {
  const ids = new Set<string>();
  for (const raw of stdout.split(/\r*\n/)) {
    const match = /^\s*(KB\d{6,8})\s*$/i.exec(raw);
    if (match?.[1]) ids.add(match[1].toUpperCase());
  }
  return ids;
}
